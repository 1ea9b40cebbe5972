import { db } from "../db.server";

/**
 * How far a shop's returns move themselves: of its returns, how many completed (closed: processed
 * with its refunds and credit, here or in Shopify, or a warranty claim decided) and how many of
 * those got there without the merchant, read from each return's own timeline.
 */

/**
 * The timeline's actors that are the merchant: a click in our admin ("merchant"), or a change
 * made in Shopify's admin that its webhooks brought here ("shopify": an approval, a decline, a
 * close, a label attached there). The shopper and the system (the policy, carrier scans, jobs)
 * are not.
 */
const MERCHANT_ACTORS = ["merchant", "shopify"];

export interface ReturnsAutonomy {
  shopDomain: string;
  /** Every return recorded for the shop, whatever its status. */
  total: number;
  /** Returns that reached "closed". */
  completed: number;
  /** Completed returns with no merchant action on their timeline up to their completion. */
  completedWithoutMerchant: number;
}

export async function returnsAutonomy(shopDomain: string): Promise<ReturnsAutonomy> {
  const [total, completed] = await Promise.all([
    db.returnRequest.count({ where: { shopDomain } }),
    db.returnRequest.findMany({
      where: { shopDomain, status: "closed" },
      select: {
        closedAt: true,
        events: { where: { actor: { in: MERCHANT_ACTORS } }, select: { occurredAt: true } },
      },
    }),
  ]);
  // What the merchant does after completion (an inspection of what came back) did not complete it.
  const completedWithoutMerchant = completed.filter(
    ({ closedAt, events }) =>
      !events.some((event) => closedAt === null || event.occurredAt <= closedAt),
  ).length;
  return { shopDomain, total, completed: completed.length, completedWithoutMerchant };
}

/** Whole percent of `part` in `whole`; null when there is nothing to count. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}
