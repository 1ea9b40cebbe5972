import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  STOREFRONT_REQUESTS_PER_ADDRESS,
  storefrontRecommendations,
} from "../recommendations/storefront.server";
import { verifyAppProxy } from "../shopify.server";
import { clientAddress, shopperBudget } from "../storefront/rate-limit.server";

const requests = shopperBudget({
  name: "rec-storefront",
  perClient: STOREFRONT_REQUESTS_PER_ADDRESS,
});

/**
 * "You may also like" for the theme block on product and cart pages,
 * https://{shop}/apps/aftercare/recommendations?products=<id>,<id> (App Proxy), as JSON.
 */
export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const answer = await storefrontRecommendations({
    shopDomain,
    searchParams: new URL(request.url).searchParams,
    spendRequest: () => requests.consume(shopDomain, clientAddress(request, context, "app-proxy")),
  });
  const headers = new Headers({ "Cache-Control": "no-store" });
  // The answer depends only on the shop, the products and the limit, all in the storefront URL:
  // the shopper's browser may reuse it while going back and forth between products and cart, and
  // a minute keeps stock and settings changes from showing late.
  if (answer.status === 200) headers.set("Cache-Control", "public, max-age=60");
  if (answer.status === 429) headers.set("Retry-After", String(answer.retryAfterSeconds));
  return Response.json(answer.body, { status: answer.status, headers });
};
