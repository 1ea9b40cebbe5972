/**
 * Estimated delivery: the carrier's date when it gives one; otherwise learned from the shop's own
 * deliveries (carrier × service × destination region, falling back to wider groups), with a
 * p10–p90 window; otherwise a carrier default.
 */

export interface Estimate {
  earliest: Date;
  latest: Date;
  source: "carrier" | "history" | "default";
  /** 0–1 */
  confidence: number;
}

const DAY_MS = 86_400_000;
/** Fewer deliveries than this in a group and the group is not trusted on its own. */
export const MIN_HISTORY = 8;

/** Business-day ranges (domestic) by carrier code, from the carriers' published service levels. */
const DEFAULT_DAYS: Partial<Record<string, [number, number]>> = {
  ups: [1, 5],
  fedex: [1, 5],
  usps: [2, 5],
  dhl: [2, 6],
  amazon: [1, 3],
  ontrac: [1, 3],
  lasership: [1, 3],
  canada_post: [2, 7],
  purolator: [1, 4],
  yodel: [1, 3],
  dpd: [1, 3],
  royal_mail: [1, 3],
  yunexpress: [7, 20],
  s10: [7, 21],
};
const FALLBACK_DAYS: [number, number] = [3, 8];
const INTERNATIONAL_DAYS: [number, number] = [6, 15];

export function carrierEstimate(date: Date): Estimate {
  const earliest = startOfUtcDay(date);
  return {
    earliest,
    latest: new Date(earliest.getTime() + DAY_MS - 1),
    source: "carrier",
    confidence: 0.9,
  };
}

/** Transit times in days of past deliveries, from the most specific group that has enough. */
export function historyEstimate(shippedAt: Date, transitDays: number[]): Estimate | null {
  if (transitDays.length < MIN_HISTORY) return null;
  const sorted = [...transitDays].sort((a, b) => a - b);
  const p10 = percentile(sorted, 0.1);
  const p90 = percentile(sorted, 0.9);
  // More deliveries and a tighter window both make the prediction more trustworthy.
  const sizeTrust = Math.min(1, sorted.length / 50);
  const spreadTrust = 1 / (1 + Math.max(0, p90 - p10) / 4);
  return {
    earliest: new Date(shippedAt.getTime() + p10 * DAY_MS),
    latest: new Date(shippedAt.getTime() + p90 * DAY_MS),
    source: "history",
    confidence: round(0.5 + 0.4 * sizeTrust * spreadTrust),
  };
}

/** The carrier's published business-day range, the international one, or a cautious fallback. */
export function defaultTransitDays(
  carrier: string | null,
  international: boolean,
): [number, number] {
  if (international) return INTERNATIONAL_DAYS;
  return (carrier ? DEFAULT_DAYS[carrier] : undefined) ?? FALLBACK_DAYS;
}

export function defaultEstimate(
  shippedAt: Date,
  carrier: string | null,
  international: boolean,
): Estimate {
  const [min, max] = defaultTransitDays(carrier, international);
  return {
    earliest: addBusinessDays(shippedAt, min),
    latest: endOfUtcDay(addBusinessDays(shippedAt, max)),
    source: "default",
    confidence: carrier ? 0.4 : 0.25,
  };
}

/** Linear interpolation between closest ranks of a sorted sample. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of an empty sample");
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lower = sorted[low]!;
  return lower + (sorted[high]! - lower) * (rank - low);
}

/** A revision worth recording: the window moved by more than half a day. */
export function isRevision(
  previous: { earliest: Date | null; latest: Date | null },
  next: { earliest: Date; latest: Date },
): boolean {
  if (!previous.earliest || !previous.latest) return false;
  return (
    Math.abs(previous.latest.getTime() - next.latest.getTime()) > DAY_MS / 2 ||
    Math.abs(previous.earliest.getTime() - next.earliest.getTime()) > DAY_MS / 2
  );
}

export function transitDays(shippedAt: Date, deliveredAt: Date): number {
  return (deliveredAt.getTime() - shippedAt.getTime()) / DAY_MS;
}

function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from);
  let added = 0;
  while (added < days) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added++;
  }
  return date;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function endOfUtcDay(date: Date): Date {
  return new Date(startOfUtcDay(date).getTime() + DAY_MS - 1);
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}
