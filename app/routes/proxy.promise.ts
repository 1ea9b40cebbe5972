import type { LoaderFunctionArgs } from "@remix-run/node";
import { verifyAppProxy } from "../shopify.server";
import { clientAddress, shopperBudget } from "../storefront/rate-limit.server";
import { storefrontPromise } from "../tracking/promise.server";

/** Like the recommendations block: a shopper's page views make a few requests, the browser caches. */
const requests = shopperBudget({ name: "promise", perClient: 120 });

/**
 * "Order today, get it by …" for the theme block on product and cart pages,
 * https://{shop}/apps/aftercare/promise?country=US&… (App Proxy), as JSON.
 */
export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const answer = await storefrontPromise({
    shopDomain,
    searchParams: new URL(request.url).searchParams,
    spendRequest: () => requests.consume(shopDomain, clientAddress(request, context, "app-proxy")),
  });
  const headers = new Headers({ "Cache-Control": "no-store" });
  // Everything the answer depends on is in the URL; it changes at the next cut-off.
  if (answer.status === 200)
    headers.set("Cache-Control", `public, max-age=${answer.maxAgeSeconds}`);
  if (answer.status === 429) headers.set("Retry-After", String(answer.retryAfterSeconds));
  return Response.json(answer.body, { status: answer.status, headers });
};
