import type { LoaderFunctionArgs } from "@remix-run/node";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import { authenticate } from "../shopify.server";
import { trackForCustomer } from "../tracking/lookup.server";
import { limitLookup } from "../tracking/shopper/rate-limit.server";

/**
 * The order-status page extension's data: the shipments of one order, for the customer the
 * session token names, on the shop it was issued for. OPTIONS preflights are answered by
 * `authenticate.public.customerAccount`.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  const shopDomain = new URL(sessionToken.dest).hostname;
  const customer = shopifyIdOrNull(sessionToken.sub);
  const orderId = shopifyIdOrNull(params.orderId);
  const wait = await limitLookup(shopDomain, `customer:${customer ?? "none"}`);
  if (wait !== null) {
    return cors(
      Response.json(
        { error: "rate_limited" },
        { status: 429, headers: { "Retry-After": String(wait) } },
      ),
    );
  }
  const tracking = orderId ? await trackForCustomer(shopDomain, orderId, customer) : null;
  if (!tracking) return cors(Response.json({ error: "not_found" }, { status: 404 }));
  return cors(Response.json(tracking, { headers: { "Cache-Control": "private, max-age=30" } }));
};
