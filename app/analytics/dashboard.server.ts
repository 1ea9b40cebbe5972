import { z } from "zod";
import { db, sql } from "../db.server";
import { listPlaceholders } from "../platform/db/sql";
import { loadProgram, pointValue } from "../loyalty/index.server";
import { dayInZone, daysFromTo, nextDay } from "../platform/calendar";
import { experienceSplit, type ExperienceRow } from "./experiences";
import { COHORT_MONTHS, csat, histogramPercentile, nps, share } from "./kpi";
import { METRIC, surfaceRevenueDimension } from "./metrics";
import { monthOf, shopTimeZone } from "./rollups.server";

/** The dashboard's figures for a date range, read from the daily rollups only. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_RANGE_DAYS = 366;

export const RangeSchema = z
  .object({ from: z.string().regex(DAY), to: z.string().regex(DAY) })
  .refine((range) => range.from <= range.to, "The range must start before it ends")
  .refine(
    (range) => daysFromTo(range.from, range.to).length <= MAX_RANGE_DAYS,
    `At most ${MAX_RANGE_DAYS} days at once`,
  );
export type Range = z.infer<typeof RangeSchema>;

/** `?from=&to=` or the last 30 days of the shop's calendar. */
export function parseRange(params: URLSearchParams, timeZone: string, now = new Date()) {
  const today = dayInZone(now, timeZone);
  const fallback = { from: nextDay(today, -29), to: today };
  if (!params.get("from") && !params.get("to")) return { range: fallback, error: null };
  const parsed = RangeSchema.safeParse({ from: params.get("from"), to: params.get("to") });
  return parsed.success
    ? { range: parsed.data, error: null }
    : { range: fallback, error: parsed.error.issues[0]?.message ?? "Invalid range" };
}

/** The range of the same length that ends the day before `range` starts. */
export function previousRange(range: Range): Range {
  const length = daysFromTo(range.from, range.to).length;
  return { from: nextDay(range.from, -length), to: nextDay(range.from, -1) };
}

type Sums = Map<string, number>;
const key = (metric: string, dimension = "") => `${metric}\u0000${dimension}`;

/** "2026-02" → its 28 days. */
function daysOfMonth(month: string) {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return daysFromTo(`${month}-01`, `${month}-${String(last).padStart(2, "0")}`);
}

/**
 * A range as month sums plus and minus days: whole months inside it from their sums; a month it
 * covers in part either by its days in the range or, when fewer days of the month lie outside the
 * range, as the month's sum less those days. Days after `today` hold no rows, so they cost nothing
 * to subtract: the last 30 days read about a week of days instead of a month.
 */
export function monthsAndDays(range: Range, today = range.to) {
  const months: string[] = [];
  const days: string[] = [];
  const minusDays: string[] = [];
  const all = daysFromTo(range.from, range.to);
  for (let i = 0; i < all.length;) {
    const month = monthOf(all[i]!);
    let end = i;
    while (end < all.length && monthOf(all[end]!) === month) end++;
    const inside = all.slice(i, end);
    const outside = daysOfMonth(month).filter((day) => day < inside[0]! || day > inside.at(-1)!);
    const costlyOutside = outside.filter((day) => day <= today).length;
    if (costlyOutside < inside.length) {
      months.push(month);
      minusDays.push(...outside);
    } else days.push(...inside);
    i = end;
  }
  return { months, days, minusDays };
}

/**
 * Each metric and dimension summed over the range: whole months from their sums, the rest by day
 * (raw SQL: a year's read groups tens of thousands of rows, where Prisma's row mapping costs more
 * than the database's work).
 */
async function sums(shopDomain: string, range: Range, today: string): Promise<Sums> {
  const { months, days, minusDays } = monthsAndDays(range, today);
  const parts: string[] = [];
  const values: string[] = [];
  if (months.length) {
    parts.push(
      `SELECT "metric", "dimension", "value" FROM "AnalyticsMonthly"
        WHERE "shopDomain" = ? AND "month" IN (${listPlaceholders(months.length)})`,
    );
    values.push(shopDomain, ...months);
  }
  if (days.length) {
    parts.push(
      `SELECT "metric", "dimension", "value" FROM "AnalyticsDaily"
        WHERE "shopDomain" = ? AND "day" IN (${listPlaceholders(days.length)})`,
    );
    values.push(shopDomain, ...days);
  }
  if (minusDays.length) {
    parts.push(
      `SELECT "metric", "dimension", -"value" AS "value" FROM "AnalyticsDaily"
        WHERE "shopDomain" = ? AND "day" IN (${listPlaceholders(minusDays.length)})`,
    );
    values.push(shopDomain, ...minusDays);
  }
  // Every stored value is positive, so a zero total is a dimension the range does not have.
  const rows = await sql.query<{ metric: string; dimension: string; total: unknown }>(
    `SELECT "metric", "dimension", SUM("value") AS "total"
       FROM (${parts.join(" UNION ALL ")}) AS "parts"
      GROUP BY "metric", "dimension"
     HAVING SUM("value") <> 0`,
    values,
  );
  return new Map(rows.map((row) => [key(row.metric, row.dimension), Number(row.total)]));
}

function total(sums: Sums, metric: string, dimension = "") {
  return sums.get(key(metric, dimension)) ?? 0;
}

/** The dimensions of a metric with their sums, largest first. */
function byDimension(sums: Sums, metric: string) {
  const prefix = key(metric, "");
  return [...sums.entries()]
    .filter(([k]) => k.startsWith(prefix) && k !== prefix)
    .map(([k, value]) => ({ dimension: k.slice(prefix.length), value }))
    .sort((a, b) => b.value - a.value);
}

/** Median and p90 in days from an hour histogram. */
function deliveryDays(histogram: Map<number, number>) {
  const median = histogramPercentile(histogram, 0.5);
  const p90 = histogramPercentile(histogram, 0.9);
  return {
    deliveries: [...histogram.values()].reduce((a, b) => a + b, 0),
    medianDays: median === null ? null : median / 24,
    p90Days: p90 === null ? null : p90 / 24,
  };
}

function groupedHistograms(sums: Sums, metric: string) {
  const groups = new Map<string, Map<number, number>>();
  for (const { dimension, value } of byDimension(sums, metric)) {
    const split = dimension.lastIndexOf("|");
    const group = dimension.slice(0, split);
    const hours = Number(dimension.slice(split + 1));
    const histogram = groups.get(group) ?? new Map<number, number>();
    histogram.set(hours, (histogram.get(hours) ?? 0) + value);
    groups.set(group, histogram);
  }
  return groups;
}

/**
 * Support as PRODUCT.md defines it: contacts per 100 orders, the share of the assistant's
 * questions that needed no person (each conversation opened counts against one question), and
 * the median minutes to a first reply and to closing (wall-clock: the app knows no business hours).
 */
function supportFigures(sums: Sums, orders: number) {
  const minutes = (metric: string) =>
    histogramPercentile(
      new Map(byDimension(sums, metric).map((d) => [Number(d.dimension), d.value])),
      0.5,
    );
  const contacts = total(sums, METRIC.supportContacts);
  const questions = total(sums, METRIC.supportQuestions);
  const per100 = share(contacts, orders);
  const deflected = share(Math.max(0, questions - contacts), questions);
  return {
    contacts,
    questions,
    contactsPer100Orders: per100 === null ? null : per100 * 100,
    deflectionRate: deflected,
    medianFirstResponseMinutes: minutes(METRIC.supportFirstResponseMinutes),
    medianResolutionMinutes: minutes(METRIC.supportResolutionMinutes),
  };
}

/** Resolutions that keep the money in the shop: a new item, or credit to spend there. */
const KEPT_RESOLUTIONS = ["exchange", "store_credit"];

/**
 * Returns as PRODUCT.md defines them: returned units over delivered units, by product, variant
 * and reason (units and value); the share of returned value exchanged, credited or refunded
 * (revenue kept = exchanges and store credit); and the median and p90 hours from request to
 * refund.
 */
function returnFigures(sums: Sums, deliveredByProduct: Map<string, number>) {
  const t = (metric: string, dimension = "") => total(sums, metric, dimension);
  const units = t(METRIC.returnedUnits);
  const value = t(METRIC.returnedValue);
  const deliveredByVariant = new Map(
    byDimension(sums, METRIC.deliveredUnitsByVariant).map((d) => [d.dimension, d.value]),
  );
  const resolutions = byDimension(sums, METRIC.returnedValueByResolution);
  const refundHours = new Map(
    byDimension(sums, METRIC.refundHours).map((d) => [Number(d.dimension), d.value]),
  );
  const kept = resolutions
    .filter((d) => KEPT_RESOLUTIONS.includes(d.dimension))
    .reduce((sum, d) => sum + d.value, 0);
  return {
    returns: t(METRIC.returns),
    units,
    value,
    deliveredUnits: t(METRIC.deliveredUnits),
    rate: share(units, t(METRIC.deliveredUnits)),
    byReason: byDimension(sums, METRIC.returnedUnitsByReason).map((d) => ({
      reason: d.dimension,
      units: d.value,
      value: t(METRIC.returnedValueByReason, d.dimension),
      share: share(d.value, units),
    })),
    byProduct: byDimension(sums, METRIC.returnedUnitsByProduct).map((d) => ({
      product: d.dimension,
      units: d.value,
      value: t(METRIC.returnedValueByProduct, d.dimension),
      deliveredUnits: deliveredByProduct.get(d.dimension) ?? 0,
      rate: share(d.value, deliveredByProduct.get(d.dimension) ?? 0),
    })),
    byVariant: byDimension(sums, METRIC.returnedUnitsByVariant).map((d) => ({
      variant: d.dimension,
      units: d.value,
      value: t(METRIC.returnedValueByVariant, d.dimension),
      deliveredUnits: deliveredByVariant.get(d.dimension) ?? 0,
      rate: share(d.value, deliveredByVariant.get(d.dimension) ?? 0),
    })),
    byResolution: resolutions.map((d) => ({
      resolution: d.dimension,
      units: t(METRIC.returnedUnitsByResolution, d.dimension),
      value: d.value,
      share: share(d.value, value),
      kept: KEPT_RESOLUTIONS.includes(d.dimension),
    })),
    keptValue: kept,
    keptShare: share(kept, value),
    refunded: [...refundHours.values()].reduce((sum, n) => sum + n, 0),
    medianRefundHours: histogramPercentile(refundHours, 0.5),
    p90RefundHours: histogramPercentile(refundHours, 0.9),
  };
}

/** Every KPI of a period, from its summed rollups. */
export function figures(sums: Sums, shopCurrency: string) {
  const t = (metric: string, dimension = "") => total(sums, metric, dimension);
  const hours = new Map(
    byDimension(sums, METRIC.deliveryHours).map((d) => [Number(d.dimension), d.value]),
  );
  const orders = t(METRIC.orders);
  const views = byDimension(sums, METRIC.trackingViews);
  const viewsOf = (surface: string) => views.find((v) => v.dimension === surface)?.value ?? 0;
  const surfaceFigures = (surface: string) => ({
    orders: t(METRIC.recSurfaceOrders, surface),
    revenue: t(METRIC.recSurfaceRevenue, surfaceRevenueDimension(surface, shopCurrency)),
  });
  const newCustomers = t(METRIC.newCustomers);
  const deliveredUnits = new Map(
    byDimension(sums, METRIC.deliveredUnitsByProduct).map((d) => [d.dimension, d.value]),
  );
  return {
    orders,
    revenue: t(METRIC.revenue),
    netRevenue: t(METRIC.netRevenue),
    nps: nps({
      n: t(METRIC.npsAnswers),
      promoters: t(METRIC.npsPromoters),
      detractors: t(METRIC.npsDetractors),
    }),
    csat: {
      rate: csat({ n: t(METRIC.csatAnswers), satisfied: t(METRIC.csatSatisfied) }),
      n: t(METRIC.csatAnswers),
    },
    repeat: {
      rate: share(t(METRIC.repeat90), newCustomers),
      newCustomers,
      repeaters: t(METRIC.repeat90),
    },
    ltv: {
      newCustomers,
      month3: share(t(METRIC.cohortRevenue, "3"), newCustomers),
      month6: share(t(METRIC.cohortRevenue, "6"), newCustomers),
      month12: share(t(METRIC.cohortRevenue, "12"), newCustomers),
    },
    returns: returnFigures(sums, deliveredUnits),
    delivery: {
      ...deliveryDays(hours),
      delivered: t(METRIC.deliveries),
      promised: t(METRIC.promised),
      onTimeRate: share(t(METRIC.onTime), t(METRIC.promised)),
      shipments: t(METRIC.shipments),
      exceptions: t(METRIC.exceptions),
      exceptionRate: share(t(METRIC.exceptions), t(METRIC.shipments)),
      byCarrier: [...groupedHistograms(sums, METRIC.deliveryHoursByCarrier).entries()]
        .map(([carrier, histogram]) => ({
          carrier,
          ...deliveryDays(histogram),
          onTimeRate: share(
            t(METRIC.onTimeByCarrier, carrier),
            t(METRIC.promisedByCarrier, carrier),
          ),
        }))
        .sort((a, b) => b.deliveries - a.deliveries),
      byRegion: [...groupedHistograms(sums, METRIC.deliveryHoursByRegion).entries()]
        .map(([region, histogram]) => ({ region, ...deliveryDays(histogram) }))
        .sort((a, b) => b.deliveries - a.deliveries),
    },
    wismo: {
      pageViews: viewsOf("page"),
      widgetViews: viewsOf("widget"),
      viewsPerOrder: share(viewsOf("page") + viewsOf("widget"), orders),
      emailsSent: t(METRIC.messagesSent),
      emailsOpened: t(METRIC.messagesOpened),
      opensPerOrder: share(t(METRIC.messagesOpened), orders),
    },
    support: supportFigures(sums, orders),
    loyalty: {
      issued: t(METRIC.pointsIssued),
      redeemed: t(METRIC.pointsRedeemed),
      expired: t(METRIC.pointsExpired),
      reversed: t(METRIC.pointsReversed),
      redeemerOrders: t(METRIC.redeemerOrders),
      redeemerRevenue: t(METRIC.redeemerRevenue),
    },
    recommendations: {
      impressions: t(METRIC.recImpressions),
      clicks: t(METRIC.recClicks),
      ctr: share(t(METRIC.recClicks), t(METRIC.recImpressions)),
      orders: t(METRIC.recOrders),
      revenue: t(METRIC.recRevenue, shopCurrency),
      otherCurrencies: byDimension(sums, METRIC.recRevenue).filter(
        (d) => d.dimension !== shopCurrency,
      ),
      /** Orders and revenue (shop currency) credited to clicks on the tracking page and in e-mails. */
      trackingPage: surfaceFigures("tracking_page"),
      email: surfaceFigures("email"),
    },
  };
}
export type Figures = ReturnType<typeof figures>;

const SERIES_METRICS = [
  METRIC.orders,
  METRIC.netRevenue,
  METRIC.npsAnswers,
  METRIC.npsPromoters,
  METRIC.npsDetractors,
  METRIC.deliveries,
  METRIC.promised,
  METRIC.onTime,
];

/** Daily orders, net revenue, NPS and on-time rate over the range, for the charts. */
async function series(shopDomain: string, range: Range) {
  const rows = await db.analyticsDaily.findMany({
    where: {
      shopDomain,
      metric: { in: SERIES_METRICS },
      dimension: "",
      day: { gte: range.from, lte: range.to },
    },
    select: { day: true, metric: true, value: true },
  });
  const byDay = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const day = byDay.get(row.day) ?? new Map<string, number>();
    day.set(row.metric, Number(row.value));
    byDay.set(row.day, day);
  }
  return daysFromTo(range.from, range.to).map((day) => {
    const values = byDay.get(day) ?? new Map<string, number>();
    const v = (metric: string) => values.get(metric) ?? 0;
    return {
      day,
      orders: v(METRIC.orders),
      netRevenue: v(METRIC.netRevenue),
      nps:
        nps({
          n: v(METRIC.npsAnswers),
          promoters: v(METRIC.npsPromoters),
          detractors: v(METRIC.npsDetractors),
        })?.score ?? null,
      npsAnswers: v(METRIC.npsAnswers),
      onTimeRate: share(v(METRIC.onTime), v(METRIC.promised)),
    };
  });
}

/**
 * Three cohort metrics of the last 12 months to `today`, summed by month in the database (a year
 * of days would be thousands of rows).
 */
async function monthlySums(shopDomain: string, metrics: [string, string, string], today: string) {
  const firstMonth = `${nextDay(`${today.slice(0, 7)}-01`, -335).slice(0, 7)}-01`;
  return sql.query<{ month: string; metric: string; dimension: string; total: unknown }>(
    `SELECT substr("day", 1, 7) AS "month", "metric", "dimension", SUM("value") AS "total"
       FROM "AnalyticsDaily"
      WHERE "shopDomain" = ? AND "metric" IN (?, ?, ?) AND "day" >= ? AND "day" <= ?
      GROUP BY substr("day", 1, 7), "metric", "dimension"`,
    [shopDomain, ...metrics, firstMonth, today],
  );
}

/**
 * Monthly first-order cohorts of the last 12 months: customers, the share who had ordered again
 * and the cumulative net revenue per customer by each month since their first order.
 */
async function cohorts(shopDomain: string, timeZone: string, now: Date) {
  const today = dayInZone(now, timeZone);
  const rows = await monthlySums(
    shopDomain,
    [METRIC.newCustomers, METRIC.cohortRepeaters, METRIC.cohortRevenue],
    today,
  );
  const months = new Map<string, { customers: number; repeaters: number[]; revenue: number[] }>();
  for (const row of rows) {
    const cohort = months.get(row.month) ?? {
      customers: 0,
      repeaters: Array<number>(COHORT_MONTHS).fill(0),
      revenue: Array<number>(COHORT_MONTHS).fill(0),
    };
    const value = Number(row.total);
    if (row.metric === METRIC.newCustomers) cohort.customers += value;
    else if (row.metric === METRIC.cohortRepeaters)
      cohort.repeaters[Number(row.dimension) - 1]! += value;
    else cohort.revenue[Number(row.dimension) - 1]! += value;
    months.set(row.month, cohort);
  }
  const currentMonth = today.slice(0, 7);
  return [...months.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([month, cohort]) => {
      const [year, m] = month.split("-").map(Number) as [number, number];
      const [cy, cm] = currentMonth.split("-").map(Number) as [number, number];
      // Months since the cohort's month that have fully or partly passed: later cells are unknown.
      const elapsed = (cy - year) * 12 + (cm - m) + 1;
      return {
        month,
        customers: cohort.customers,
        repeatRate: cohort.repeaters.map((r, i) =>
          i < elapsed ? share(r, cohort.customers) : null,
        ),
        revenuePerCustomer: cohort.revenue.map((r, i) =>
          i < elapsed ? share(r, cohort.customers) : null,
        ),
      };
    });
}

const EXPERIENCE_METRICS: Record<string, ExperienceRow["metric"]> = {
  [METRIC.experienceCustomers]: "customers",
  [METRIC.experienceRepeaters]: "repeaters",
  [METRIC.experienceRevenue]: "revenue",
};

/** The cohorts of the last 12 months split by what their first order brought them. */
async function experiences(shopDomain: string, timeZone: string, now: Date) {
  const today = dayInZone(now, timeZone);
  const rows = await monthlySums(
    shopDomain,
    [METRIC.experienceCustomers, METRIC.experienceRepeaters, METRIC.experienceRevenue],
    today,
  );
  return experienceSplit(
    rows.map((row) => ({
      month: row.month,
      metric: EXPERIENCE_METRICS[row.metric]!,
      dimension: row.dimension,
      total: Number(row.total),
    })),
    today.slice(0, 7),
  );
}

export async function dashboard(
  shopDomain: string,
  range: Range,
  shopCurrency: string,
  now = new Date(),
) {
  const timeZone = await shopTimeZone(shopDomain);
  const today = dayInZone(now, timeZone);
  const previous = previousRange(range);
  const [current, before, daily, cohortRows, experienceRows, program, cursor] = await Promise.all([
    sums(shopDomain, range, today),
    sums(shopDomain, previous, today),
    series(shopDomain, range),
    cohorts(shopDomain, timeZone, now),
    experiences(shopDomain, timeZone, now),
    loadProgram(shopDomain),
    db.analyticsCursor.findUnique({
      where: { shopDomain },
      select: { capturedUntil: true, liabilityPoints: true },
    }),
  ]);
  const owedPoints = cursor?.liabilityPoints ?? 0;
  return {
    range,
    previous,
    current: figures(current, shopCurrency),
    before: figures(before, shopCurrency),
    series: daily,
    cohorts: cohortRows,
    experiences: experienceRows,
    /** Spendable points owed as of `updatedAt`, valued at today's best reward per point. */
    liability: { points: owedPoints, value: Math.round(owedPoints * pointValue(program)) },
    /** When the rollups last caught up with the raw tables; null before the first look. */
    updatedAt: cursor?.capturedUntil ?? null,
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
