/**
 * The dashboard's KPI formulas (../shared/PRODUCT.md), on counts and sums only: no database. The
 * rollups hold the counts; these turn them into the figures the merchant reads.
 */

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/** numerator / denominator, or null when there is nothing to divide by. */
export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export interface NpsFigure {
  /** −100…100 */
  score: number;
  n: number;
  /** The 95 % interval of the score, clamped to −100…100. */
  low: number;
  high: number;
}

/**
 * NPS = % promoters (9–10) − % detractors (0–6). Each answer is +1, 0 or −1, so the score is a
 * mean and its standard error is √((p₊ + p₋ − (p₊ − p₋)²) / n) (the multinomial variance).
 */
export function nps(counts: { n: number; promoters: number; detractors: number }) {
  const { n, promoters, detractors } = counts;
  if (n <= 0) return null;
  const pPlus = promoters / n;
  const pMinus = detractors / n;
  const mean = pPlus - pMinus;
  const standardError = Math.sqrt(Math.max(0, pPlus + pMinus - mean * mean) / n);
  return {
    score: (100 * (promoters - detractors)) / n,
    n,
    low: Math.max(-100, (mean - Z95 * standardError) * 100),
    high: Math.min(100, (mean + Z95 * standardError) * 100),
  } satisfies NpsFigure;
}

/** The 0–10 answer's group. */
export function npsGroup(score: number): "promoter" | "passive" | "detractor" {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/** CSAT: the share of 1–5 delivery ratings that are 4 or 5. */
export function csat(counts: { n: number; satisfied: number }) {
  return share(counts.satisfied, counts.n);
}

/** A delivery rating that counts as satisfied. */
export function isSatisfied(rating: number) {
  return rating >= 4;
}

/**
 * The nearest-rank percentile of a histogram of whole-number values ({value: count}): the
 * smallest value with at least ⌈q·n⌉ observations at or below it.
 */
export function histogramPercentile(histogram: Map<number, number>, q: number): number | null {
  const values = [...histogram.entries()]
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = values.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [value, count] of values) {
    seen += count;
    if (seen >= rank) return value;
  }
  return values[values.length - 1]![0];
}

/** Whole hours from fulfillment to delivery: the delivery histograms' unit. */
export function transitHours(fulfilledAt: Date, deliveredAt: Date) {
  return Math.max(0, Math.floor((deliveredAt.getTime() - fulfilledAt.getTime()) / 3_600_000));
}

/**
 * On time: delivered no later than the first latest date the shopper was promised (not a later
 * revision, which would flatter a carrier that slipped).
 */
export function isOnTime(deliveredAt: Date, firstPromisedLatest: Date) {
  return deliveredAt.getTime() <= firstPromisedLatest.getTime();
}

/** Change of a figure against the previous period, as a fraction of the previous value. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** Net revenue of an order: nothing once cancelled, else what remains after refunds and edits. */
export function orderNetRevenue(order: {
  totalPrice: number;
  currentTotalPrice: number | null;
  cancelledAt: Date | null;
}) {
  if (order.cancelledAt) return 0;
  return order.currentTotalPrice ?? order.totalPrice;
}

/** The instant `months` calendar months after `from` (UTC), clamped to the month's last day. */
export function addMonths(from: Date, months: number) {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** The repeat-purchase window of PRODUCT.md. */
export const REPEAT_WINDOW_DAYS = 90;
/** Months since first order the cohort curves and lifetime values are kept for. */
export const COHORT_MONTHS = 12;

export interface CustomerOrders {
  /** The customer's orders that count (not test, not cancelled), any order. */
  orders: { processedAt: Date; netRevenue: number }[];
}

/**
 * A customer's cohort figures from their orders: whether another order followed the first within
 * 90 days, by which month since the first one they had ordered again, and their cumulative net
 * revenue before each month boundary (the lifetime value at 1…12 months).
 */
export function customerCohortFigures({ orders }: CustomerOrders) {
  const sorted = [...orders].sort((a, b) => a.processedAt.getTime() - b.processedAt.getTime());
  const first = sorted[0];
  if (!first) return null;
  const repeatBy = first.processedAt.getTime() + REPEAT_WINDOW_DAYS * 86_400_000;
  const second = sorted[1];
  const repeated90 = second !== undefined && second.processedAt.getTime() <= repeatBy;
  const repeatedByMonth: boolean[] = [];
  const revenueByMonth: number[] = [];
  for (let month = 1; month <= COHORT_MONTHS; month++) {
    const boundary = addMonths(first.processedAt, month).getTime();
    repeatedByMonth.push(second !== undefined && second.processedAt.getTime() < boundary);
    revenueByMonth.push(
      sorted
        .filter((order) => order.processedAt.getTime() < boundary)
        .reduce((sum, order) => sum + order.netRevenue, 0),
    );
  }
  return { firstOrderAt: first.processedAt, repeated90, repeatedByMonth, revenueByMonth };
}
