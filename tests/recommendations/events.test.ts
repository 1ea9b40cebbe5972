import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { BROWSER_UA, uniqueShop } from "../support/constants";
import { withFields } from "../support/fixtures";
import { adminFetch, appUrl, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { shopWithHistory, trackRecommendations } from "./history";

describe("recommendation impressions, clicks and attributed orders", () => {
  it("records what the order's page showed and what was followed, once each, then credits the customer's next order", async () => {
    const { shop, products, latestOrderId, customerId, newOrderBody } =
      await shopWithHistory("rec-events");
    const [a, b, c, d] = [products.a, products.b, products.c, products.d].map((p) => String(p.id));

    // D is out of stock, so never recommended: an impression of it is not recorded.
    const shown = await trackRecommendations(shop, customerId, {
      orderId: latestOrderId,
      kind: "impression",
      productIds: [b, c, d],
    });
    expect(shown.status).toBe(200);
    expect(shown.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await shown.json()).toEqual({ recorded: [b, c] });
    // A re-render sends them again: still one impression each.
    await trackRecommendations(shop, customerId, {
      orderId: latestOrderId,
      kind: "impression",
      productIds: [b, c],
    });
    // Only a shown product can be clicked.
    const clicked = await trackRecommendations(shop, customerId, {
      orderId: latestOrderId,
      kind: "click",
      productIds: [c, a],
    });
    expect(await clicked.json()).toEqual({ recorded: [c] });
    await trackRecommendations(shop, customerId, {
      orderId: latestOrderId,
      kind: "click",
      productIds: [c],
    });
    const events = await db.recommendationEvent.findMany({
      where: { shopDomain: shop },
      orderBy: [{ kind: "asc" }, { productId: "asc" }],
    });
    expect(
      events.map(({ kind, productId, customerShopifyId }) => [kind, productId, customerShopifyId]),
    ).toEqual(
      [
        ["click", c, customerId],
        ["impression", b, customerId],
        ["impression", c, customerId],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!) || x[1]!.localeCompare(y[1]!)),
    );

    // Another customer's order of C earns nothing; the clicking customer's order of A and C is
    // credited with C's line (the simulator's price, in cents), once however often it arrives.
    await sendWebhook({
      shop,
      topic: "orders/create",
      body: newOrderBody(50, [products.c], 999_999n),
    });
    const body = newOrderBody(51, [products.a, products.c]);
    await sendWebhook({ shop, topic: "orders/create", body });
    await sendWebhook({ shop, topic: "orders/create", body, webhookId: randomUUID() });
    const attribution = await waitFor(
      async () =>
        (await db.recommendationAttribution.findFirst({ where: { shopDomain: shop } })) ?? false,
      { message: "the attributed order" },
    );
    expect(attribution).toMatchObject({
      customerShopifyId: customerId,
      productIds: c,
      revenue: Math.round(products.c.price * 100),
      currency: "USD",
    });
    await waitFor(
      async () =>
        (await db.webhookDelivery.count({
          where: { shopDomain: shop, topic: "orders/create", status: { not: "processed" } },
        })) === 0,
      { message: "every order delivery handled" },
    );
    expect(await db.recommendationAttribution.count({ where: { shopDomain: shop } })).toBe(1);

    // The admin's CSV: today's row in the shop's time zone, 30 days in all.
    const exported = async () =>
      (await (await adminFetch(shop, "/app/recommendations/export")).text()).trim().split(/\r?\n/);
    const lines = await exported();
    expect(lines[0]).toBe("day,impressions,clicks,attributed_orders,attributed_revenue,currency");
    expect(lines).toHaveLength(31);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(
      new Date(),
    );
    expect(lines.at(-1)).toBe(`${today},2,1,1,${products.c.price.toFixed(2)},USD`);

    // An order placed in euros is credited in euros, on a row of its own: amounts in two
    // currencies are never added up.
    await sendWebhook({
      shop,
      topic: "orders/create",
      body: withFields(newOrderBody(52, [products.c]), { currency: "EUR" }),
    });
    await waitFor(
      async () => (await db.recommendationAttribution.count({ where: { shopDomain: shop } })) === 2,
      { message: "the order in euros attributed" },
    );
    const withEuros = await exported();
    expect(withEuros).toHaveLength(32);
    expect(withEuros.slice(-2)).toEqual([
      `${today},,,1,${products.c.price.toFixed(2)},EUR`,
      `${today},2,1,1,${products.c.price.toFixed(2)},USD`,
    ]);
  });

  it("refuses another shop's token, another customer, bad input and a missing token", async () => {
    const { shop, products, latestOrderId, customerId } = await shopWithHistory("rec-events-deny");
    const other = uniqueShop("rec-events-other");
    await installShop(other);
    const event = {
      orderId: latestOrderId,
      kind: "impression",
      productIds: [String(products.b.id)],
    };
    expect((await trackRecommendations(other, null, event)).status).toBe(404);
    expect((await trackRecommendations(shop, "1", event)).status).toBe(404);
    for (const bad of [
      { ...event, kind: "view" },
      { ...event, productIds: [] },
      { ...event, productIds: ["gid://shopify/Product/1"] },
      { ...event, orderId: "x" },
      null,
    ]) {
      expect((await trackRecommendations(shop, customerId, bad)).status).toBe(400);
    }
    const anonymous = await fetch(`${appUrl()}/api/recommendations/events`, {
      method: "POST",
      body: JSON.stringify(event),
      headers: { "User-Agent": BROWSER_UA },
    });
    expect(anonymous.status).toBe(401);
    expect(await db.recommendationEvent.count({ where: { shopDomain: shop } })).toBe(0);
  });
});
