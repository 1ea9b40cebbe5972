import type { Standin } from "../standin/server";
import { orderPayload, type SimulatedOrder, type SimulatedShop } from "../standin/simulator/shop";

/**
 * The thank-you and order-status blocks at work: shoppers of recent orders are shown "you may
 * also like" (the blocks' own requests, with the customer's session token), some follow one, and
 * a few of those come back and buy it — new orders/create webhooks through the stand-in — so the
 * recommendations page has impressions, clicks and attributed revenue.
 */

/** Ids no simulated order or fulfillment of the demo uses. */
const ORDER_ID_BASE = 9_300_000_000_000n;
const SHOPPERS = 12;
const BUYERS = 4;

interface Context {
  appUrl: string;
  standin: Standin;
  shopDomain: string;
  shop: SimulatedShop;
  customerToken: (customerId: bigint) => string;
  userAgent: string;
}

function blockFetch(context: Context, order: SimulatedOrder, path: string, body?: unknown) {
  return fetch(`${context.appUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      Authorization: `Bearer ${context.customerToken(order.customer.id)}`,
      Origin: "https://extensions.shopifycdn.com",
      "User-Agent": context.userAgent,
      "Content-Type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The shopper's next order, placed now, with the product they followed. */
function returningOrder(shop: SimulatedShop, order: SimulatedOrder, productId: string, n: number) {
  const product = shop.products.find((candidate) => String(candidate.id) === productId)!;
  const number = Math.max(...shop.orders.map((candidate) => candidate.number)) + 1 + n;
  const id = ORDER_ID_BASE + BigInt(n);
  return {
    ...order,
    id,
    number,
    name: `#${number}`,
    token: `demo-recommended-${n}`,
    lines: [{ id: id * 10n, product, quantity: 1 }],
    createdAt: new Date(),
    cancelledAt: null,
  } satisfies SimulatedOrder;
}

export async function showRecommendations(context: Context) {
  const { shop } = context;
  const recent = shop.orders.filter((order) => !order.cancelledAt).slice(-SHOPPERS * 2);
  const counts = { impressions: 0, clicks: 0, orders: 0, revenue: 0 };
  for (const order of recent) {
    if (counts.clicks >= SHOPPERS) break;
    const shown = await blockFetch(context, order, `/api/recommendations/orders/${order.id}`);
    if (!shown.ok) continue;
    const { products } = (await shown.json()) as { products: { productId: string }[] };
    const productIds = products.map((product) => product.productId).slice(0, 8);
    if (!productIds.length) continue;
    const events = "/api/recommendations/events";
    const orderId = String(order.id);
    const seen = await blockFetch(context, order, events, {
      orderId,
      kind: "impression",
      productIds,
    });
    if (!seen.ok) continue;
    counts.impressions += ((await seen.json()) as { recorded: string[] }).recorded.length;
    const followed = productIds[0]!;
    const clicked = await blockFetch(context, order, events, {
      orderId,
      kind: "click",
      productIds: [followed],
    });
    if (!clicked.ok) continue;
    counts.clicks += 1;
    if (counts.orders >= BUYERS) continue;
    const next = returningOrder(shop, order, followed, counts.orders);
    const body = orderPayload(
      next,
      { shopDomain: context.shopDomain, timeZone: shop.timeZone, currency: shop.currency },
      { updatedAt: next.createdAt, financialStatus: "paid" },
    );
    const delivered = await context.standin.deliverWebhook(
      context.shopDomain,
      "orders/create",
      body,
    );
    if (!delivered.ok) continue;
    counts.orders += 1;
    counts.revenue += next.lines[0]!.product.price;
  }
  return counts;
}
