import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { dayInZone, daysEndingToday } from "../platform/calendar";
import { performanceCsvRows, recommendationPerformance } from "./performance.server";

const TIME_ZONE = "Europe/Paris";
const HOUR_MS = 3_600_000;

async function attributedOrder(
  shopDomain: string,
  order: { at: Date; currency: string; revenue: number; productIds: string },
) {
  await db.recommendationAttribution.create({
    data: {
      shopDomain,
      orderShopifyId: randomUUID(),
      customerShopifyId: "1",
      clickId: randomUUID(),
      productIds: order.productIds,
      revenue: order.revenue,
      currency: order.currency,
      orderCreatedAt: order.at,
    },
  });
}

describe("recommendation performance in several currencies", () => {
  it("keeps each currency's attributed revenue apart, per day, in the totals and per product", async () => {
    const shopDomain = `perf-${randomUUID().slice(0, 8)}.myshopify.com`;
    const now = new Date();
    // Noon yesterday in the shop's zone is yesterday whatever the hour now.
    const [yesterday, today] = daysEndingToday(2, TIME_ZONE, now) as [string, string];
    const yesterdayNoon = new Date(Date.parse(`${yesterday}T12:00:00Z`) - HOUR_MS);
    expect(dayInZone(yesterdayNoon, TIME_ZONE)).toBe(yesterday);

    await attributedOrder(shopDomain, { at: now, currency: "USD", revenue: 5000, productIds: "1" });
    await attributedOrder(shopDomain, { at: now, currency: "EUR", revenue: 1200, productIds: "1" });
    await attributedOrder(shopDomain, {
      at: now,
      currency: "EUR",
      revenue: 800,
      productIds: "1,2",
    });
    await attributedOrder(shopDomain, {
      at: yesterdayNoon,
      currency: "GBP",
      revenue: 300,
      productIds: "2",
    });
    await db.recommendationEvent.create({
      data: { shopDomain, orderShopifyId: "9", productId: "1", kind: "impression" },
    });

    const performance = await recommendationPerformance(shopDomain, {
      timeZone: TIME_ZONE,
      currency: "USD",
    });
    expect(performance.days).toHaveLength(30);
    expect(performance.days.at(-1)).toEqual({
      day: today,
      impressions: 1,
      clicks: 0,
      orders: 3,
      revenue: [
        { currency: "EUR", orders: 2, revenue: 2000 },
        { currency: "USD", orders: 1, revenue: 5000 },
      ],
    });
    expect(performance.days.at(-2)?.revenue).toEqual([
      { currency: "GBP", orders: 1, revenue: 300 },
      { currency: "USD", orders: 0, revenue: 0 },
    ]);
    // The shop's currency is always there; the others only where they were credited.
    expect(performance.days.at(0)?.revenue).toEqual([{ currency: "USD", orders: 0, revenue: 0 }]);
    expect(performance.totals.revenue).toEqual([
      { currency: "EUR", orders: 2, revenue: 2000 },
      { currency: "GBP", orders: 1, revenue: 300 },
      { currency: "USD", orders: 1, revenue: 5000 },
    ]);
    expect(
      performance.topProducts.map(({ productId, revenue }) => ({ productId, revenue })),
    ).toEqual([
      {
        productId: "1",
        revenue: [
          { currency: "EUR", orders: 2, revenue: 1600 },
          { currency: "USD", orders: 1, revenue: 5000 },
        ],
      },
      {
        productId: "2",
        revenue: [
          { currency: "EUR", orders: 1, revenue: 400 },
          { currency: "GBP", orders: 1, revenue: 300 },
          { currency: "USD", orders: 0, revenue: 0 },
        ],
      },
    ]);

    // CSV: a row per day in the shop's currency, plus one per other currency on its days.
    const rows = performanceCsvRows(performance.days, "USD");
    expect(rows).toHaveLength(30 + 2);
    expect(rows.slice(-4)).toEqual([
      [yesterday, null, null, 1, "3.00", "GBP"],
      [yesterday, 0, 0, 0, "0.00", "USD"],
      [today, null, null, 2, "20.00", "EUR"],
      [today, 1, 0, 1, "50.00", "USD"],
    ]);
  });
});
