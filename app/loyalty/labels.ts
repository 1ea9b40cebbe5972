/** How the merchant reads a ledger entry ("Order earned", "Refund reversed"). */
const LABELS: Record<string, string> = {
  "order:earn": "Order earned",
  "order:confirm": "Return window closed: confirmed",
  "order:cancel": "Order cancelled",
  "refund:reverse": "Refund reversed",
  "return:reverse": "Return (store credit) reversed",
  "reward:hold": "Redeemed",
  "reward:release": "Redemption refused: returned",
  "bonus:earn": "Bonus",
  "survey:earn": "Survey answered",
  "referral:earn": "Referral",
  "manual:adjust": "Adjusted by staff",
  "expiry:expire": "Expired",
};

export function entryLabel(source: string, kind: string): string {
  return LABELS[`${source}:${kind}`] ?? `${source} ${kind}`;
}
