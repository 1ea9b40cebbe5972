import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import {
  BODY_LIMITS,
  BodyTooLargeError,
  parseForm,
  parseJson,
  readBody,
} from "../platform/http/body.server";
import { labelFile, portalGet, portalPost, type PortalPage } from "../returns/shopper/page.server";
import { portalRequest } from "../returns/shopper/portal.server";
import { verifyAppProxy } from "../shopify.server";
import { liquidPage } from "../storefront/liquid-page.server";
import { clientAddress, limitLookup } from "../storefront/rate-limit.server";

/**
 * The storefront returns portal, https://{shop}/apps/aftercare/returns (App Proxy):
 * - pages inside the merchant's theme: the lookup form, the items to choose (a multipart form
 *   with photos), and the return's status behind a signed `?status=` link;
 * - JSON for headless storefronts: POST {action: "lookup", order, email} lists what can be
 *   returned and how; POST {action: "submit", order, email, idempotencyKey, lines} records it.
 */

const spendLookup = (request: Request, loadContext: AppLoadContext, shopDomain: string) => () =>
  limitLookup(shopDomain, clientAddress(request, loadContext, "app-proxy"));

const pageContext = (request: Request, loadContext: AppLoadContext, shopDomain: string) => ({
  shopDomain,
  spendLookup: spendLookup(request, loadContext, shopDomain),
  acceptLanguage: request.headers.get("accept-language"),
  // Relative, so forms stay on the storefront path the shopper is on (a "/fr/…" locale too).
  formAction: "returns",
  // Redirects need the storefront path Shopify proxied from (signed with the request).
  storefrontPath: `${new URL(request.url).searchParams.get("path_prefix") ?? "/apps/aftercare"}/returns`,
});

function liquid(page: PortalPage) {
  if (page.location)
    return new Response(null, { status: page.status, headers: { Location: page.location } });
  const headers = new Headers({ "Cache-Control": "no-store", Vary: "Accept-Language" });
  if (page.retryAfterSeconds) headers.set("Retry-After", String(page.retryAfterSeconds));
  return liquidPage(page.html, { status: page.status, headers });
}

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const search = new URL(request.url).searchParams;
  const labelToken = search.get("label");
  if (labelToken) {
    const pdf = await labelFile(shopDomain, labelToken);
    if (!pdf) return new Response("Not found", { status: 404 });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'attachment; filename="return-label.pdf"',
        "Cache-Control": "private, no-store",
      },
    });
  }
  return liquid(await portalGet(pageContext(request, context, shopDomain), search));
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const page = pageContext(request, context, shopDomain);
  const json = request.headers.get("content-type")?.startsWith("application/json");
  // Counted as it streams in: a chunked upload has no Content-Length to check.
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBody(request, BODY_LIMITS.returnUpload);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    if (json) return Response.json({ error: "tooLarge" }, { status: 413 });
    return liquid(await portalGet(page, new URLSearchParams(), "tooLarge"));
  }
  if (json) {
    const answer = await portalRequest(
      shopDomain,
      spendLookup(request, context, shopDomain),
      parseJson(body),
    );
    const headers = new Headers({ "Cache-Control": "no-store" });
    if (answer.retryAfterSeconds) headers.set("Retry-After", String(answer.retryAfterSeconds));
    return Response.json(answer.body, { status: answer.status, headers });
  }
  const form = await parseForm(request, body).catch(() => null);
  if (!form) return liquid(await portalGet(page, new URLSearchParams(), "unreadableForm"));
  return liquid(await portalPost(page, form));
};
