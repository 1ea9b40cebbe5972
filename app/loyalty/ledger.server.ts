import { db, type LoyaltyMemberModel as LoyaltyMember, type Tx } from "../db.server";
import { retryOnUniqueViolation } from "../platform/db/errors";
import { emit, transaction } from "../platform/events/index.server";
import { causeOfKey, entryKey, orderContributions, type OrderFacts } from "./settlement";

/**
 * The points ledger: entries are only ever appended, each under an idempotency key unique in
 * the shop, and every append moves the member's cached balances by the same amounts in the same
 * transaction, so a cached balance always equals the sum of the member's entries.
 */

export interface CustomerRef {
  customerShopifyId: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

export interface NewEntry {
  shopDomain: string;
  memberId: string;
  idempotencyKey: string;
  source: string;
  kind: string;
  points?: number;
  pendingPoints?: number;
  orderShopifyId?: string | null;
  refundShopifyId?: string | null;
  redemptionId?: string | null;
  note?: string | null;
  actor?: string | null;
}

export class InsufficientPointsError extends Error {
  override name = "InsufficientPointsError";
}

export async function ensureMember(
  tx: Tx,
  shopDomain: string,
  customer: CustomerRef,
): Promise<LoyaltyMember> {
  const details = {
    ...(customer.email ? { email: customer.email.trim().toLowerCase() } : {}),
    ...(customer.firstName ? { firstName: customer.firstName } : {}),
    ...(customer.lastName ? { lastName: customer.lastName } : {}),
  };
  return tx.loyaltyMember.upsert({
    where: {
      shopDomain_customerShopifyId: { shopDomain, customerShopifyId: customer.customerShopifyId },
    },
    create: { shopDomain, customerShopifyId: customer.customerShopifyId, ...details },
    update: details,
  });
}

/**
 * Appends one entry unless its key is already in the ledger; returns it, or null for a
 * duplicate. With `requireBalance`, the spendable balance must cover the (negative) points or
 * nothing is written.
 */
export async function appendEntry(
  tx: Tx,
  entry: NewEntry,
  options: { requireBalance?: boolean } = {},
) {
  const existing = await tx.loyaltyEntry.findUnique({
    where: {
      shopDomain_idempotencyKey: {
        shopDomain: entry.shopDomain,
        idempotencyKey: entry.idempotencyKey,
      },
    },
  });
  if (existing) return null;
  const points = entry.points ?? 0;
  const pendingPoints = entry.pendingPoints ?? 0;
  const moved = await tx.loyaltyMember.updateMany({
    where: {
      id: entry.memberId,
      shopDomain: entry.shopDomain,
      ...(options.requireBalance ? { balance: { gte: -points } } : {}),
    },
    data: {
      balance: { increment: points },
      pending: { increment: pendingPoints },
      lastActivityAt: new Date(),
      expiryWarnedAt: null,
    },
  });
  if (moved.count === 0) {
    if (options.requireBalance) throw new InsufficientPointsError("Not enough points");
    throw new Error(`No loyalty member ${entry.memberId} in ${entry.shopDomain}`);
  }
  const created = await tx.loyaltyEntry.create({ data: { ...entry, points, pendingPoints } });
  const member = await tx.loyaltyMember.findUniqueOrThrow({
    where: { id: entry.memberId },
    select: { customerShopifyId: true },
  });
  await emit(tx, {
    type: "loyalty.points_changed",
    shop: entry.shopDomain,
    aggregateId: entry.memberId,
    data: {
      memberId: entry.memberId,
      customerId: member.customerShopifyId,
      entryId: created.id,
      source: entry.source,
      points,
      pendingPoints,
    },
  });
  return created;
}

/** Runs a ledger transaction again when it lost a race for an idempotency key. */
export function ledgerTransaction<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  return retryOnUniqueViolation(() => transaction((tx) => run(tx)), 5);
}

export interface SettleResult {
  memberId: string | null;
  appended: number;
}

/**
 * Brings an order's entries in line with its facts (see settlement.ts): appends, for each fact
 * whose entries do not yet add up to its contribution, one entry with the difference.
 */
export async function settleOrder(
  shopDomain: string,
  orderShopifyId: string,
): Promise<SettleResult> {
  return ledgerTransaction(async (tx) => {
    // Bumping the version first locks the order's row: settlements of one order never interleave.
    const order = await tx.loyaltyOrder
      .update({
        where: { shopDomain_orderShopifyId: { shopDomain, orderShopifyId } },
        data: { version: { increment: 1 } },
      })
      .catch(() => null);
    if (!order?.customerShopifyId) return { memberId: null, appended: 0 };
    const member = await ensureMember(tx, shopDomain, {
      customerShopifyId: order.customerShopifyId,
    });
    const refunds = await tx.loyaltyRefund.findMany({ where: { shopDomain, orderShopifyId } });
    const facts: OrderFacts = {
      orderShopifyId,
      paid:
        order.paidAt && order.pointsEarned !== null
          ? { at: order.paidAt, points: order.pointsEarned, base: order.earnBase }
          : null,
      refunds: refunds.map((refund) => ({
        refundShopifyId: refund.refundShopifyId,
        at: refund.processedAt,
        amount: refund.amount,
        source: refund.storeCredit ? "return" : "refund",
      })),
      cancelledAt: order.cancelledAt,
      confirmedAt: order.confirmedAt,
    };
    const contributions = orderContributions(facts);
    const existing = await tx.loyaltyEntry.findMany({
      where: { shopDomain, orderShopifyId, kind: { in: ["earn", "reverse", "cancel", "confirm"] } },
      select: { idempotencyKey: true, points: true, pendingPoints: true },
    });
    const byCause = new Map<string, { points: number; pendingPoints: number; count: number }>();
    for (const entry of existing) {
      const cause = causeOfKey(entry.idempotencyKey);
      const sum = byCause.get(cause) ?? { points: 0, pendingPoints: 0, count: 0 };
      sum.points += entry.points;
      sum.pendingPoints += entry.pendingPoints;
      sum.count += 1;
      byCause.set(cause, sum);
    }
    let appended = 0;
    for (const contribution of contributions) {
      const sum = byCause.get(contribution.cause) ?? { points: 0, pendingPoints: 0, count: 0 };
      const points = contribution.points - sum.points;
      const pendingPoints = contribution.pendingPoints - sum.pendingPoints;
      if (points === 0 && pendingPoints === 0) continue;
      await appendEntry(tx, {
        shopDomain,
        memberId: member.id,
        idempotencyKey: entryKey(contribution.cause, sum.count),
        source: contribution.source,
        kind: contribution.kind,
        points,
        pendingPoints,
        orderShopifyId,
        refundShopifyId: contribution.refundShopifyId ?? null,
        note: order.orderName,
      });
      appended++;
    }
    return { memberId: member.id, appended };
  });
}

/** The sums of a member's entries: what the cached balances must equal. */
export async function ledgerSums(memberId: string) {
  const sums = await db.loyaltyEntry.aggregate({
    where: { memberId },
    _sum: { points: true, pendingPoints: true },
  });
  return { balance: sums._sum.points ?? 0, pending: sums._sum.pendingPoints ?? 0 };
}
