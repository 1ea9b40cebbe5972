import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { labelFile, portalGet, portalPost, type PortalPage } from "../returns/shopper/page.server";
import { portalRequest } from "../returns/shopper/portal.server";
import { verifyAppProxy } from "../shopify.server";
import { clientIp } from "../tracking/shopper/rate-limit.server";

/**
 * The storefront returns portal, https://{shop}/apps/aftercare/returns (App Proxy):
 * - pages inside the merchant's theme: the lookup form, the items to choose (a multipart form
 *   with photos), and the return's status behind a signed `?status=` link;
 * - JSON for headless storefronts: POST {action: "lookup", order, email} lists what can be
 *   returned and how; POST {action: "submit", order, email, idempotencyKey, lines} records it.
 */

/** Ten photos of 10 MB at most (base64 in JSON), and the form around them. */
const MAX_FORM_BYTES = 140 * 1024 * 1024;

const context = (request: Request, shopDomain: string) => ({
  shopDomain,
  ip: clientIp(request),
  acceptLanguage: request.headers.get("accept-language"),
  // Relative, so forms stay on the storefront path the shopper is on (a "/fr/…" locale too).
  formAction: "returns",
  // Redirects need the storefront path Shopify proxied from (signed with the request).
  storefrontPath: `${new URL(request.url).searchParams.get("path_prefix") ?? "/apps/aftercare"}/returns`,
});

function liquid(page: PortalPage) {
  if (page.location)
    return new Response(null, { status: page.status, headers: { Location: page.location } });
  const headers = new Headers({
    "Cache-Control": "no-store",
    Vary: "Accept-Language",
    // Shopify renders it inside the merchant's theme layout.
    "Content-Type": "application/liquid",
  });
  if (page.retryAfterSeconds) headers.set("Retry-After", String(page.retryAfterSeconds));
  return new Response(page.html, { status: page.status, headers });
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
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
  return liquid(await portalGet(context(request, shopDomain), search));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const pageContext = context(request, shopDomain);
  const length = Number(request.headers.get("content-length") ?? "0");
  const json = request.headers.get("content-type")?.startsWith("application/json");
  if (length > MAX_FORM_BYTES) {
    if (json) return Response.json({ error: "tooLarge" }, { status: 413 });
    return liquid(await portalGet(pageContext, new URLSearchParams(), "tooLarge"));
  }
  if (json) {
    const body: unknown = await request.json().catch(() => null);
    const answer = await portalRequest(shopDomain, clientIp(request), body);
    const headers = new Headers({ "Cache-Control": "no-store" });
    if (answer.retryAfterSeconds) headers.set("Retry-After", String(answer.retryAfterSeconds));
    return Response.json(answer.body, { status: answer.status, headers });
  }
  return liquid(await portalPost(pageContext, await request.formData()));
};
