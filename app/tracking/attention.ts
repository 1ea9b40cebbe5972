import { isFinal, subtagMessage, type Tag } from "./status";

/** The reason of a shipment the merchant flagged by hand (through a Shopify Flow action). */
export const FLAGGED = "flagged";

/** Why a shipment needs the merchant, most urgent first. */
export type AttentionReason = "exception" | "failed_attempt" | "stalled" | "missed_estimate";

export interface AttentionInput {
  tag: string;
  subtag: string;
  carrier: string | null;
  shippedAt: Date | null;
  createdAt: Date;
  lastCheckpointAt: Date | null;
  estimateLatest: Date | null;
  /** What the carrier said in its newest event ("Package damaged at the hub"). */
  latestMessage?: string | null;
  /** Days without a scan before a shipment counts as stalled, by carrier; "*" for the rest. */
  stallDays: Record<string, number>;
  now: Date;
}

export interface Attention {
  reason: AttentionReason;
  detail: string;
  since: Date;
}

/** Carrier-specific stall thresholds (days without a scan) that apply unless the shop sets its own. */
export const DEFAULT_STALL_DAYS: Record<string, number> = {
  "*": 5,
  ups: 3,
  fedex: 3,
  amazon: 2,
  ontrac: 3,
  lasership: 3,
  dhl: 4,
  usps: 5,
  canada_post: 5,
  s10: 10,
  yunexpress: 10,
};

const DAY_MS = 86_400_000;

export function needsAttention(input: AttentionInput): Attention | null {
  const tag = input.tag as Tag;
  const lastSeen = input.lastCheckpointAt ?? input.createdAt;
  if (tag === "Exception") {
    return {
      reason: "exception",
      detail: describe(input),
      since: lastSeen,
    };
  }
  if (tag === "AttemptFail") {
    return { reason: "failed_attempt", detail: describe(input), since: lastSeen };
  }
  if (isFinal(tag) || tag === "AvailableForPickup") return null;

  const threshold = stallThreshold(input.stallDays, input.carrier);
  const quietDays = (input.now.getTime() - lastSeen.getTime()) / DAY_MS;
  // Label created but never scanned counts from the label; in transit counts from the last scan.
  if (quietDays >= threshold) {
    return {
      reason: "stalled",
      detail: `No carrier scan for ${Math.floor(quietDays)} days (threshold ${threshold})`,
      since: new Date(lastSeen.getTime() + threshold * DAY_MS),
    };
  }
  if (input.estimateLatest && input.now > input.estimateLatest) {
    return {
      reason: "missed_estimate",
      detail: `Not delivered by ${input.estimateLatest.toISOString().slice(0, 10)}`,
      since: input.estimateLatest,
    };
  }
  return null;
}

function describe(input: AttentionInput): string {
  const label = subtagMessage(input.subtag);
  return input.latestMessage && input.latestMessage !== label
    ? `${label}: ${input.latestMessage}`
    : label;
}

export function stallThreshold(stallDays: Record<string, number>, carrier: string | null): number {
  return (
    (carrier ? (stallDays[carrier] ?? DEFAULT_STALL_DAYS[carrier]) : undefined) ??
    stallDays["*"] ??
    DEFAULT_STALL_DAYS["*"] ??
    5
  );
}

/** Identifies one occurrence of a problem, so "mark resolved" silences it until something changes. */
export function attentionKey(attention: Attention): string {
  return `${attention.reason}@${attention.since.toISOString()}`;
}
