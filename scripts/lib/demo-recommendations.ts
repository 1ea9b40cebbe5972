import type { Standin } from "../standin/server";
import {
  orderPayload,
  productHandle,
  type SimulatedOrder,
  type SimulatedShop,
} from "../standin/simulator/shop";

/**
 * The thank-you and order-status blocks at work: shoppers of recent orders are shown "you may
 * also like" (the blocks' own requests, with the customer's session token), some follow one, and
 * a few of those come back and buy it — new orders/create webhooks through the stand-in — so the
 * recommendations page has impressions, clicks and attributed revenue.
 */

/** Ids no simulated order or fulfillment of the demo uses. */
const ORDER_ID_BASE = 9_300_000_000_000n;
/** Past the thank-you buyers' ids and numbers. */
const TRACKING_PAGE_BUYERS_FROM = 100;
const SHOPPERS = 12;
const BUYERS = 4;
const TRACKING_PAGE_SHOPPERS = 6;
const TRACKING_PAGE_BUYERS = 3;

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
    if (!(await placeReturningOrder(context, next))) continue;
    counts.orders += 1;
    counts.revenue += next.lines[0]!.product.price;
  }
  return counts;
}

/** The returning shopper's order: it is what credits the click they followed. */
async function placeReturningOrder(context: Context, next: SimulatedOrder) {
  const body = orderPayload(
    next,
    {
      shopDomain: context.shopDomain,
      timeZone: context.shop.timeZone,
      currency: context.shop.currency,
    },
    { updatedAt: next.createdAt, financialStatus: "paid" },
  );
  return (await context.standin.deliverWebhook(context.shopDomain, "orders/create", body)).ok;
}

/**
 * The storefront tracking page at work: shoppers look their order up by number and
 * e-mail (through the stand-in's App Proxy, as a browser would), follow the first "you may also
 * like" link (our click redirect) and a few come back and buy it.
 */
export async function followTrackingPageRecommendations(context: Context) {
  const { shop } = context;
  // Older orders than the thank-you shoppers': each shopper comes back once.
  const shoppers = shop.orders
    .filter((order) => !order.cancelledAt)
    .slice(-(SHOPPERS * 2 + TRACKING_PAGE_SHOPPERS * 3), -SHOPPERS * 2);
  const page = context.standin.storefrontUrl("/track", context.shopDomain);
  const counts = { lookups: 0, clicks: 0, orders: 0, revenue: 0 };
  for (const order of shoppers) {
    if (counts.clicks >= TRACKING_PAGE_SHOPPERS) break;
    const looked = await fetch(page, {
      method: "POST",
      body: new URLSearchParams({ order: order.name, email: order.customer.email }),
      headers: { "User-Agent": context.userAgent },
    });
    if (!looked.ok) continue;
    counts.lookups += 1;
    const link = /<a href="(track\/go\?r=[^"]+)"/.exec(await looked.text())?.[1];
    if (!link) continue;
    const followed = await fetch(new URL(link.replaceAll("&amp;", "&"), page), {
      redirect: "manual",
      headers: { "User-Agent": context.userAgent },
    });
    const handle = followed.headers.get("location")?.split("/products/")[1];
    const product = shop.products.find((candidate) => productHandle(candidate) === handle);
    if (followed.status !== 302 || !product) continue;
    counts.clicks += 1;
    if (counts.orders >= TRACKING_PAGE_BUYERS) continue;
    const next = returningOrder(
      shop,
      order,
      String(product.id),
      TRACKING_PAGE_BUYERS_FROM + counts.orders,
    );
    if (!(await placeReturningOrder(context, next))) continue;
    counts.orders += 1;
    counts.revenue += product.price;
  }
  return counts;
}
