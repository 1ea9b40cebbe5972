import { allCouriers, getTracking } from "ts-tracking-number";
import { OWN_RULES } from "./rules";

export interface Detection {
  number: string;
  /** Lower-case carrier code, null when nothing points to one. */
  carrier: string | null;
  /** 0–1: how sure we are of `carrier`. */
  confidence: number;
  /** The number has that carrier's format (and check digit, where the format has one). */
  valid: boolean;
}

export interface DetectionContext {
  /** Shopify's `tracking_company`, already mapped to a carrier code. */
  hint?: string | null;
  /** How often this shop's numbers of the same shape turned out to be each carrier. */
  history?: Record<string, number>;
}

/** Weights of each kind of evidence; a carrier's score is their sum, capped below 1. */
const WEIGHT = {
  checkedFormat: 0.85,
  patternOnly: 0.6,
  hint: 0.5,
  history: 0.5,
} as const;
/** Shop history counts in full once this many numbers of the shape were confirmed. */
const HISTORY_SATURATION = 5;

export function normalizeTrackingNumber(raw: string): string {
  return raw.replace(/[\s-]+/g, "").toUpperCase();
}

/**
 * The shape of a number that carriers' formats are made of: its first two characters, then runs
 * of letters and digits with their lengths. "1Z5R89390357567127" → "1Z:9,A,9*14" style keys let
 * a shop's history generalize from one number to the others of the same format.
 */
export function numberShape(raw: string): string {
  const number = normalizeTrackingNumber(raw);
  const runs: string[] = [];
  for (const match of number.slice(2).matchAll(/[A-Z]+|\d+|[^A-Z\d]+/g)) {
    const first = match[0].charAt(0);
    const kind = /\d/.test(first) ? "9" : /[A-Z]/.test(first) ? "A" : "?";
    runs.push(match[0].length === 1 ? kind : `${kind}*${match[0].length}`);
  }
  return `${number.slice(0, 2)}:${runs.join(",")}`;
}

interface FormatMatch {
  carrier: string;
  checked: boolean;
}

function formatMatches(number: string): FormatMatch[] {
  const matches: FormatMatch[] = [];
  for (const courier of allCouriers) {
    // The library only returns numbers whose check digit (where the format has one) is right.
    if (getTracking(number, [courier]))
      matches.push({ carrier: courier.courier_code, checked: true });
  }
  for (const rule of OWN_RULES) {
    if (!rule.pattern.test(number)) continue;
    if (rule.checksum && !rule.checksum(number)) continue;
    matches.push({ carrier: rule.carrier, checked: Boolean(rule.checksum) });
  }
  return matches;
}

export function detectCarrier(raw: string, context: DetectionContext = {}): Detection {
  const number = normalizeTrackingNumber(raw);
  const scores = new Map<string, number>();
  const add = (carrier: string, score: number) =>
    scores.set(carrier, (scores.get(carrier) ?? 0) + score);

  const formats = formatMatches(number);
  const formatCarriers = new Set<string>();
  for (const match of formats) {
    if (formatCarriers.has(match.carrier)) continue;
    formatCarriers.add(match.carrier);
    add(match.carrier, match.checked ? WEIGHT.checkedFormat : WEIGHT.patternOnly);
  }
  if (context.hint) add(context.hint, WEIGHT.hint);

  const history = Object.entries(context.history ?? {});
  const seen = history.reduce((sum, [, count]) => sum + count, 0);
  if (seen > 0) {
    const trust = Math.min(1, seen / HISTORY_SATURATION);
    for (const [carrier, count] of history) add(carrier, WEIGHT.history * trust * (count / seen));
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) return { number: raw.trim(), carrier: null, confidence: 0, valid: false };
  const [carrier, score] = best;
  const runnerUp = ranked[1]?.[1] ?? 0;
  // A close second candidate (a 12-digit number that is both FedEx- and Purolator-shaped) halves the margin.
  const confidence = Math.min(0.99, score - runnerUp / 2);
  return {
    number: raw.trim(),
    carrier,
    confidence: Math.round(Math.max(0.05, confidence) * 100) / 100,
    valid: formatCarriers.has(carrier),
  };
}
