import { createHash } from "node:crypto";
import type { Arm } from "./touches";

/** Buckets per percent point: a holdout of 10 % takes buckets 0–999 of 0–9999. */
const BUCKETS = 10_000;

/**
 * A customer's arm in an experiment, the same on every process and every call: the first 8 bytes
 * of SHA-256(experiment id, customer id) as a bucket. Hashing the experiment's id with the customer
 * gives each experiment its own split, so the customers held out of one touch are not the same
 * ones held out of the next.
 */
export function armOf(
  experimentId: string,
  customerShopifyId: string,
  holdoutPercent: number,
): Arm {
  const digest = createHash("sha256").update(`${experimentId}:${customerShopifyId}`).digest();
  const bucket = Number(digest.readBigUInt64BE(0) % BigInt(BUCKETS));
  return bucket < (holdoutPercent * BUCKETS) / 100 ? "holdout" : "treated";
}
