import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { recordTrackingView } from "../analytics/index.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { trackingPageRecommendations } from "../recommendations/index.server";
import { verifyAppProxy } from "../shopify.server";
import { liquidPage } from "../storefront/liquid-page.server";
import { clientAddress, limitLookup } from "../storefront/rate-limit.server";
import { isShown } from "../tracking/page-layout";
import { shopperTrackingPageLayout } from "../tracking/page-layout.server";
import { renderStorefrontPage, storefrontLookup } from "../tracking/shopper/storefront.server";

/**
 * The storefront tracking page, https://{shop}/apps/aftercare/track (App Proxy): a form, and the
 * shipments of an order (number + email, posted) or of a tracking number (?tracking=, the link in
 * shipment emails). `?format=json` answers the same lookup as JSON for headless storefronts.
 */
async function respond(
  request: Request,
  context: AppLoadContext,
  shopDomain: string,
  fields: Record<string, string>,
) {
  const url = new URL(request.url);
  const lookup = await storefrontLookup({
    shopDomain,
    fields,
    spendLookup: () => limitLookup(shopDomain, clientAddress(request, context, "app-proxy")),
    acceptLanguage: request.headers.get("accept-language"),
  });
  if (lookup.result) await recordTrackingView(shopDomain, "page");
  const headers = new Headers({ "Cache-Control": "no-store", Vary: "Accept-Language" });
  if (lookup.retryAfterSeconds) headers.set("Retry-After", String(lookup.retryAfterSeconds));
  if (url.searchParams.get("format") === "json") {
    return Response.json(
      lookup.result ?? { error: lookup.error, retryAfterSeconds: lookup.retryAfterSeconds },
      { status: lookup.status, headers },
    );
  }
  const layout = await shopperTrackingPageLayout(shopDomain);
  // "You may also like" for the order looked up by number and email, unless the merchant hid
  // it; each product shown is recorded, and its link (our click redirect,
  // /apps/aftercare/track/go) records the click.
  const recommendations =
    lookup.order && isShown(layout, "recommendations")
      ? await trackingPageRecommendations(shopDomain, lookup.order, "track/go")
      : [];
  // Relative, so the form stays on the storefront path the shopper is on (a "/fr/…" locale too).
  const page = await renderStorefrontPage(shopDomain, lookup, "track", layout, recommendations);
  return liquidPage(page, { status: lookup.status, headers });
}

const searchFields = (request: Request) => {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries(
    ["order", "email", "tracking", "locale"].flatMap((name) => {
      const value = params.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
};

export const loader = async ({ request, context }: LoaderFunctionArgs) =>
  respond(request, context, await verifyAppProxy(request), searchFields(request));

export const action = async ({ request, context }: ActionFunctionArgs) => {
  // The signature covers the query only: verified before a byte of the form is read.
  const shopDomain = await verifyAppProxy(request);
  // A body that is not a form (JSON, a broken multipart) is the client's error, not ours; the
  // reader's 413 still goes out as it is.
  const form = await readForm(request, BODY_LIMITS.publicForm).catch((error: unknown) => {
    if (error instanceof Response) throw error;
    return null;
  });
  if (!form) return new Response("The form could not be read.", { status: 400 });
  const fields: Record<string, string> = searchFields(request);
  for (const name of ["order", "email", "tracking", "locale"]) {
    const value = form.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  return respond(request, context, shopDomain, fields);
};
