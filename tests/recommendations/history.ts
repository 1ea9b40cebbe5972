import { db } from "../../app/db.server";
import {
  orderPayload,
  simulateShop,
  type SimulatedOrder,
  type SimulatedProduct,
} from "../../scripts/standin/simulator/shop";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { BROWSER_UA, adminFetch, appUrl, customerAccountToken, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/** The admin's recommendations settings form, saved with these fields over the defaults. */
export const saveSettings = (shop: string, fields: Record<string, string>) =>
  adminFetch(shop, "/app/recommendations.data", {
    method: "POST",
    // A string, so it also posts from a jsdom test, whose URLSearchParams is not Node's.
    body: new URLSearchParams({
      intent: "settings",
      maxShown: "4",
      excludedTags: "",
      attributionDays: "7",
      offerCode: "",
      ...fields,
    }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

/** A shop whose orders follow a hand-checked pattern; returns what the tests need of it. */
export async function shopWithHistory(label: string) {
  const shop = uniqueShop(label);
  await installShop(shop);
  const simulated = simulateShop({ shopDomain: shop, seed: 11, orders: 1 });
  const [a, b, c, d] = simulated.products as [
    SimulatedProduct,
    SimulatedProduct,
    SimulatedProduct,
    SimulatedProduct,
  ];
  const template = simulated.orders[0]!;
  const context = { shopDomain: shop, timeZone: simulated.timeZone, currency: simulated.currency };

  for (const [product, inStock] of [
    [a, true],
    [b, true],
    [c, true],
    [d, false],
  ] as const) {
    let body = withFields(webhookFixture("products/update"), {
      id: String(product.id),
      title: product.title,
      handle: product.sku.toLowerCase(),
      updated_at: new Date().toISOString(),
      image: { src: `https://cdn.example.com/${product.sku.toLowerCase()}.png` },
    });
    if (!inStock) body = body.replace(/"inventory_quantity": \d+/g, '"inventory_quantity": 0');
    await sendWebhook({ shop, topic: "products/create", body });
  }

  const order = (index: number, products: SimulatedProduct[]): SimulatedOrder => ({
    ...template,
    customer: { ...template.customer, acceptsMarketing: true },
    id: template.id + BigInt(index),
    number: 2000 + index,
    name: `#${2000 + index}`,
    lines: products.map((product, line) => ({
      id: template.id * 10n + BigInt(index * 10 + line),
      product,
      quantity: 1,
    })),
  });
  // A–B bought together 3 times, A–C twice, A–D three times (D is out of stock).
  const history = [[a, b], [a, b], [a, b], [a, c], [a, c], [a, d], [a, d], [a, d], [a]];
  const bodies = history.map((products, index) =>
    orderPayload(order(index + 1, products), context, {
      updatedAt: new Date(),
      financialStatus: "paid",
    }),
  );
  for (const body of bodies) await sendWebhook({ shop, topic: "orders/create", body });
  await waitFor(
    async () =>
      (await db.recommendationOrder.count({ where: { shopDomain: shop } })) === history.length &&
      (await db.order.count({ where: { shopDomain: shop } })) === history.length,
    { message: "orders learned" },
  );
  /** A new order of this shop placed now, by the history's customer or another one. */
  const newOrderBody = (index: number, products: SimulatedProduct[], customerId?: bigint) => {
    const placed = order(index, products);
    return orderPayload(
      {
        ...placed,
        createdAt: new Date(),
        customer: { ...placed.customer, id: customerId ?? placed.customer.id },
      },
      context,
      { updatedAt: new Date(), financialStatus: "paid" },
    );
  };
  return {
    shop,
    products: { a, b, c, d },
    newOrderBody,
    latestOrderId: String(order(history.length, []).id),
    firstOrderBody: bodies[0]!,
    customerId: String(template.customer.id),
    email: template.customer.email,
  };
}

/** A request from a checkout UI extension of the shop, for the signed-in customer (or a guest). */
export function checkoutFetch(
  shop: string,
  customerId: string | null,
  path: string,
  init: RequestInit = {},
) {
  return fetch(`${appUrl()}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${customerAccountToken(shop, customerId)}`,
      Origin: "https://extensions.shopifycdn.com",
      "User-Agent": BROWSER_UA,
      "Content-Type": "application/json",
    },
  });
}

/** What the thank-you block sends when it shows recommendations or a shopper follows one. */
export const trackRecommendations = (shop: string, customerId: string | null, body: unknown) =>
  checkoutFetch(shop, customerId, "/api/recommendations/events", {
    method: "POST",
    body: JSON.stringify(body),
  });

/**
 * Saves the shop's settings through the admin's Settings form (the fields it posts, brand colours
 * at their defaults); the answer is the action's, errors included.
 */
export function saveShopSettings(
  shop: string,
  fields: { reviewUrl?: string; supportEmail?: string },
) {
  return adminFetch(shop, "/app/settings.data", {
    method: "POST",
    body: new URLSearchParams({
      primaryColor: "#1f2937",
      accentColor: "#008060",
      ...fields,
    }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}
