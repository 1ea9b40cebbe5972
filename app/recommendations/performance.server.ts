import { db } from "../db.server";
import { dayInZone, daysEndingToday, earliestStartOf } from "../platform/calendar";

export interface PerformanceDay {
  day: string;
  impressions: number;
  clicks: number;
  orders: number;
  revenue: number;
}

/**
 * Impressions, clicks, attributed orders and revenue per day of the shop's time zone over the
 * last `days` days, with totals and the products recommended most.
 */
export async function recommendationPerformance(shopDomain: string, timeZone: string, days = 30) {
  const keys = daysEndingToday(days, timeZone);
  const since = earliestStartOf(keys[0]!);
  const [events, attributions] = await Promise.all([
    db.recommendationEvent.findMany({
      where: { shopDomain, createdAt: { gte: since } },
      select: { kind: true, productId: true, createdAt: true },
    }),
    db.recommendationAttribution.findMany({
      where: { shopDomain, orderCreatedAt: { gte: since } },
      select: { revenue: true, currency: true, productIds: true, orderCreatedAt: true },
    }),
  ]);
  const series = new Map<string, PerformanceDay>(
    keys.map((day) => [day, { day, impressions: 0, clicks: 0, orders: 0, revenue: 0 }]),
  );
  const point = (date: Date) => series.get(dayInZone(date, timeZone));
  const byProduct = new Map<
    string,
    { impressions: number; clicks: number; orders: number; revenue: number }
  >();
  const productRow = (productId: string) => {
    const row = byProduct.get(productId) ?? { impressions: 0, clicks: 0, orders: 0, revenue: 0 };
    byProduct.set(productId, row);
    return row;
  };
  for (const event of events) {
    const field = event.kind === "click" ? "clicks" : "impressions";
    const day = point(event.createdAt);
    if (!day) continue;
    day[field] += 1;
    productRow(event.productId)[field] += 1;
  }
  for (const attribution of attributions) {
    const day = point(attribution.orderCreatedAt);
    if (!day) continue;
    day.orders += 1;
    day.revenue += attribution.revenue;
    const products = attribution.productIds.split(",");
    for (const productId of products) {
      const row = productRow(productId);
      row.orders += 1;
      // An order crediting several products shares its revenue between them.
      row.revenue += Math.round(attribution.revenue / products.length);
    }
  }
  const points = [...series.values()];
  const totals = points.reduce(
    (sum, day) => ({
      impressions: sum.impressions + day.impressions,
      clicks: sum.clicks + day.clicks,
      orders: sum.orders + day.orders,
      revenue: sum.revenue + day.revenue,
    }),
    { impressions: 0, clicks: 0, orders: 0, revenue: 0 },
  );
  const top = [...byProduct]
    .sort(([, a], [, b]) => b.impressions - a.impressions || b.clicks - a.clicks)
    .slice(0, 10);
  const titles = new Map(
    (
      await db.recommendationProduct.findMany({
        where: { shopDomain, shopifyId: { in: top.map(([productId]) => productId) } },
        select: { shopifyId: true, title: true },
      })
    ).map((product) => [product.shopifyId, product.title]),
  );
  return {
    days: points,
    totals: { ...totals, ctr: ctr(totals.clicks, totals.impressions) },
    topProducts: top.map(([productId, row]) => ({
      productId,
      title: titles.get(productId) ?? `Product ${productId}`,
      ...row,
      ctr: ctr(row.clicks, row.impressions),
    })),
  };
}

/** Click-through rate in percent with one decimal, null before anything was shown. */
export function ctr(clicks: number, impressions: number) {
  return impressions ? Math.round((clicks / impressions) * 1000) / 10 : null;
}
