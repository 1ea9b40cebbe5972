import { specCarrier } from "./carriers";
import { loadSpecFormats, matchFormat, type SpecMatch } from "./spec";

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

const SPEC_FORMATS = loadSpecFormats();

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

/**
 * Every spec format the number is valid for (check digit and required lookups). Spaces never
 * matter; dashes are kept for the formats that print one (LaserShip's "-1") and dropped otherwise.
 */
export function specMatches(raw: string): SpecMatch[] {
  const spaced = raw.replace(/\s+/g, "").toUpperCase();
  const candidates = spaced.includes("-") ? [spaced, spaced.replace(/-+/g, "")] : [spaced];
  const matches: SpecMatch[] = [];
  for (const format of SPEC_FORMATS) {
    for (const candidate of candidates) {
      const match = matchFormat(format, candidate);
      if (match?.valid) {
        matches.push(match);
        break;
      }
    }
  }
  return matches;
}

/**
 * The carriers the number's format points to, each weighted by its share of the evidence: a
 * format that few strings of this length satisfy (literal prefixes, a check digit, a known
 * service code) says more than one most strings satisfy, so a 12-digit number valid both as
 * FedEx and as Purolator leans to the narrower format but leaves room for the shop's history.
 */
function formatEvidence(number: string): Map<string, number> {
  const strongest = new Map<string, SpecMatch>();
  for (const match of specMatches(number)) {
    const carrier = specCarrier(match.format.courierCode);
    const current = strongest.get(carrier);
    if (!current || match.strength > current.strength) strongest.set(carrier, match);
  }
  const top = Math.max(...[...strongest.values()].map((match) => match.strength));
  const likelihood = new Map(
    [...strongest].map(([carrier, match]) => [carrier, 2 ** (match.strength - top)]),
  );
  const total = [...likelihood.values()].reduce((sum, value) => sum + value, 0);
  const evidence = new Map<string, number>();
  for (const [carrier, match] of strongest) {
    const weight = match.format.checksum ? WEIGHT.checkedFormat : WEIGHT.patternOnly;
    // Half the weight for matching at all, half by share: the merchant's tracking company or the
    // shop's history still decides between formats that both hold.
    evidence.set(carrier, weight * (0.5 + (0.5 * likelihood.get(carrier)!) / total));
  }
  return evidence;
}

export function detectCarrier(raw: string, context: DetectionContext = {}): Detection {
  const scores = new Map<string, number>();
  const add = (carrier: string, score: number) =>
    scores.set(carrier, (scores.get(carrier) ?? 0) + score);

  const formats = formatEvidence(raw);
  for (const [carrier, score] of formats) add(carrier, score);
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
    valid: formats.has(carrier),
  };
}
