import { db } from "../db.server";
import { dayInZone, daysEndingToday, earliestStartOf } from "../platform/calendar";
import { fromMinorUnits } from "../platform/shopify/money";
import { RECOMMENDATION_SURFACES, type RecommendationSurface } from "./events.server";

const SURFACES = RECOMMENDATION_SURFACES;
type Surface = RecommendationSurface;

/** Attributed orders and their revenue in one currency (minor units of it). */
export interface CurrencyRevenue {
  currency: string;
  orders: number;
  revenue: number;
}

export interface PerformanceDay {
  day: string;
  impressions: number;
  clicks: number;
  orders: number;
  /**
   * By currency code: the shop's currency always, others on days they had attributed orders.
   * Amounts in different currencies are never added together.
   */
  revenue: CurrencyRevenue[];
}

/** Where the figures are counted: days of the shop's time zone, revenue in its currency first. */
export interface PerformanceShop {
  timeZone: string;
  currency: string;
}

type RevenueTally = Map<string, CurrencyRevenue>;

function credit(tally: RevenueTally, currency: string, revenue: number) {
  const entry = tally.get(currency) ?? { currency, orders: 0, revenue: 0 };
  entry.orders += 1;
  entry.revenue += revenue;
  tally.set(currency, entry);
}

/** A tally as a list sorted by currency code, with the shop's currency at zero when absent. */
function byCurrency(tally: RevenueTally, shopCurrency: string): CurrencyRevenue[] {
  const entries = new Map(tally);
  if (!entries.has(shopCurrency)) {
    entries.set(shopCurrency, { currency: shopCurrency, orders: 0, revenue: 0 });
  }
  return [...entries.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * Impressions, clicks, attributed orders and revenue per day of the shop's time zone over the
 * last `days` days, with totals and the products recommended most. Revenue is kept per currency
 * (orders are credited in the currency they were placed in).
 */
export async function recommendationPerformance(
  shopDomain: string,
  shop: PerformanceShop,
  days = 30,
) {
  const { timeZone } = shop;
  const keys = daysEndingToday(days, timeZone);
  const since = earliestStartOf(keys[0]!);
  const [events, attributions] = await Promise.all([
    db.recommendationEvent.findMany({
      where: { shopDomain, createdAt: { gte: since } },
      select: { kind: true, productId: true, surface: true, createdAt: true },
    }),
    db.recommendationAttribution.findMany({
      where: { shopDomain, orderCreatedAt: { gte: since } },
      select: {
        revenue: true,
        currency: true,
        productIds: true,
        surface: true,
        orderCreatedAt: true,
      },
    }),
  ]);
  const series = new Map(
    keys.map((day) => [
      day,
      { day, impressions: 0, clicks: 0, orders: 0, revenue: new Map() as RevenueTally },
    ]),
  );
  const point = (date: Date) => series.get(dayInZone(date, timeZone));
  const byProduct = new Map<
    string,
    { impressions: number; clicks: number; orders: number; revenue: RevenueTally }
  >();
  const productRow = (productId: string) => {
    const row = byProduct.get(productId) ?? {
      impressions: 0,
      clicks: 0,
      orders: 0,
      revenue: new Map(),
    };
    byProduct.set(productId, row);
    return row;
  };
  const totalRevenue: RevenueTally = new Map();
  const bySurface = new Map(
    SURFACES.map((surface) => [
      surface,
      { impressions: 0, clicks: 0, orders: 0, revenue: new Map() as RevenueTally },
    ]),
  );
  const surfaceRow = (surface: string) => bySurface.get(surface as Surface);
  for (const event of events) {
    const field = event.kind === "click" ? "clicks" : "impressions";
    const day = point(event.createdAt);
    if (!day) continue;
    day[field] += 1;
    productRow(event.productId)[field] += 1;
    const row = surfaceRow(event.surface);
    if (row) row[field] += 1;
  }
  for (const attribution of attributions) {
    const day = point(attribution.orderCreatedAt);
    if (!day) continue;
    const row = surfaceRow(attribution.surface);
    if (row) {
      row.orders += 1;
      credit(row.revenue, attribution.currency, attribution.revenue);
    }
    day.orders += 1;
    credit(day.revenue, attribution.currency, attribution.revenue);
    credit(totalRevenue, attribution.currency, attribution.revenue);
    const products = attribution.productIds.split(",");
    for (const productId of products) {
      const row = productRow(productId);
      row.orders += 1;
      // An order crediting several products shares its revenue between them.
      credit(row.revenue, attribution.currency, Math.round(attribution.revenue / products.length));
    }
  }
  const points: PerformanceDay[] = [...series.values()].map((day) => ({
    ...day,
    revenue: byCurrency(day.revenue, shop.currency),
  }));
  const totals = points.reduce(
    (sum, day) => ({
      impressions: sum.impressions + day.impressions,
      clicks: sum.clicks + day.clicks,
      orders: sum.orders + day.orders,
    }),
    { impressions: 0, clicks: 0, orders: 0 },
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
    totals: {
      ...totals,
      revenue: byCurrency(totalRevenue, shop.currency),
      ctr: ctr(totals.clicks, totals.impressions),
    },
    /** The same figures per surface: the order's blocks, the tracking page, shipment emails. */
    surfaces: [...bySurface].map(([surface, row]) => ({
      surface,
      ...row,
      revenue: byCurrency(row.revenue, shop.currency),
      ctr: ctr(row.clicks, row.impressions),
    })),
    topProducts: top.map(([productId, row]) => ({
      productId,
      title: titles.get(productId) ?? `Product ${productId}`,
      ...row,
      revenue: byCurrency(row.revenue, shop.currency),
      ctr: ctr(row.clicks, row.impressions),
    })),
  };
}

export const PERFORMANCE_CSV_HEADERS = [
  "day",
  "impressions",
  "clicks",
  "attributed_orders",
  "attributed_revenue",
  "currency",
];

/**
 * The days as CSV rows, one per day and currency, sorted by both. Impressions and clicks belong
 * to no currency: the shop's currency row carries them and other rows leave them empty, so a
 * column's sum counts each day once.
 */
export function performanceCsvRows(days: PerformanceDay[], shopCurrency: string) {
  return days.flatMap((day) =>
    day.revenue.map((entry) => {
      const inShopCurrency = entry.currency === shopCurrency;
      return [
        day.day,
        inShopCurrency ? day.impressions : null,
        inShopCurrency ? day.clicks : null,
        entry.orders,
        fromMinorUnits(entry.revenue, entry.currency),
        entry.currency,
      ];
    }),
  );
}

/** Click-through rate in percent with one decimal, null before anything was shown. */
export function ctr(clicks: number, impressions: number) {
  return impressions ? Math.round((clicks / impressions) * 1000) / 10 : null;
}
