import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordTrackingView } from "../analytics/index.server";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import { customerAccountShopper } from "../storefront/shopper.server";
import { trackForCustomer } from "../tracking/lookup.server";
import { limitLookup } from "../storefront/rate-limit.server";

/**
 * The order-status page extension's data: the shipments of one order, for the customer the
 * session token names, on the shop it was issued for. OPTIONS preflights are answered by
 * `authenticate.public.customerAccount`.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shopDomain, customerShopifyId: customer, cors } = await customerAccountShopper(request);
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
  await recordTrackingView(shopDomain, "widget", orderId);
  return cors(Response.json(tracking, { headers: { "Cache-Control": "private, max-age=30" } }));
};
