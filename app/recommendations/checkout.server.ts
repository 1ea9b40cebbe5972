import { findShopperOrder } from "../orders/orders.server";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import { authenticate } from "../shopify.server";

/**
 * The order a thank-you or order-status block asks about, for the shop and customer its checkout
 * session token names; null when it is another shop's or another customer's (the caller answers
 * 404 either way, so nothing reveals whether it exists).
 */
export async function checkoutOrder(request: Request, orderId: unknown) {
  const { sessionToken, cors } = await authenticate.public.checkout(request);
  const shopDomain = new URL(sessionToken.dest).hostname;
  const customer = shopifyIdOrNull(sessionToken.sub);
  const id = typeof orderId === "string" ? shopifyIdOrNull(orderId) : null;
  const order = id ? await findShopperOrder(shopDomain, { shopifyId: id }) : null;
  const owned = order && (!order.customerShopifyId || order.customerShopifyId === customer);
  return { shopDomain, customer, cors, order: owned ? order : null };
}
