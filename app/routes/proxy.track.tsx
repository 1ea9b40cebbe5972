import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { verifyAppProxy } from "../shopify.server";
import { clientIp } from "../tracking/shopper/rate-limit.server";
import { renderStorefrontPage, storefrontLookup } from "../tracking/shopper/storefront.server";

/**
 * The storefront tracking page, https://{shop}/apps/aftercare/track (App Proxy): a form, and the
 * shipments of an order (number + email, posted) or of a tracking number (?tracking=, the link in
 * shipment emails). `?format=json` answers the same lookup as JSON for headless storefronts.
 */
async function respond(request: Request, fields: Record<string, string>) {
  const shopDomain = await verifyAppProxy(request);
  const url = new URL(request.url);
  const lookup = await storefrontLookup({
    shopDomain,
    fields,
    ip: clientIp(request),
    acceptLanguage: request.headers.get("accept-language"),
  });
  const headers = new Headers({ "Cache-Control": "no-store", Vary: "Accept-Language" });
  if (lookup.retryAfterSeconds) headers.set("Retry-After", String(lookup.retryAfterSeconds));
  if (url.searchParams.get("format") === "json") {
    return Response.json(
      lookup.result ?? { error: lookup.error, retryAfterSeconds: lookup.retryAfterSeconds },
      { status: lookup.status, headers },
    );
  }
  // Relative, so the form stays on the storefront path the shopper is on (a "/fr/…" locale too).
  const page = await renderStorefrontPage(shopDomain, lookup, "track");
  // Liquid: Shopify renders it inside the merchant's theme layout.
  headers.set("Content-Type", "application/liquid");
  return new Response(page, { status: lookup.status, headers });
}

const searchFields = (request: Request) =>
  Object.fromEntries(
    ["order", "email", "tracking", "locale"].flatMap((name) => {
      const value = new URL(request.url).searchParams.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );

export const loader = ({ request }: LoaderFunctionArgs) => respond(request, searchFields(request));

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  const fields: Record<string, string> = searchFields(request);
  for (const name of ["order", "email", "tracking", "locale"]) {
    const value = form.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  return respond(request, fields);
};
