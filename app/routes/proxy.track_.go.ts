import type { LoaderFunctionArgs } from "@remix-run/node";
import { followRecommendation } from "../recommendations/index.server";
import { verifyAppProxy } from "../shopify.server";
import { clientAddress, shopperBudget } from "../storefront/rate-limit.server";

/** Clicks per shopper address and shop a minute: a shopper follows a few. */
const clicks = shopperBudget({ name: "rec-click", perClient: 60 });

/**
 * https://{shop}/apps/aftercare/track/go?r=<signed link>: a recommendation on the tracking page
 * was followed. The click is recorded (so a later order can be attributed to it) and the shopper
 * sent on to the product, a page of this shop only: the destination comes from the catalog, never
 * from the request. A link that is not ours, expired or another shop's is a 404.
 */
export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const wait = await clicks.consume(shopDomain, clientAddress(request, context, "app-proxy"));
  if (wait !== null) {
    return new Response("Too many requests.", {
      status: 429,
      headers: { "Retry-After": String(wait) },
    });
  }
  const token = new URL(request.url).searchParams.get("r") ?? "";
  const location = token.length <= 1000 ? await followRecommendation(shopDomain, token) : null;
  if (!location) return new Response("Not found.", { status: 404 });
  return new Response(null, {
    status: 302,
    headers: { Location: location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
};
