import { z } from "zod";
import { db } from "../db.server";
import { retryOnUniqueViolation } from "../platform/db/errors";
import { appendEntry, ledgerTransaction } from "./ledger.server";
import { loadProgram } from "./program.server";
import type { Program } from "./settings";

export const MEMBERS_PAGE_SIZE = 25;

export const MemberFilterSchema = z.object({
  query: z.string().trim().max(200).optional().catch(undefined),
  tier: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type MemberFilter = z.infer<typeof MemberFilterSchema>;

export function parseMemberFilter(params: URLSearchParams): MemberFilter {
  return MemberFilterSchema.parse(Object.fromEntries(params));
}

export async function listMembers(shopDomain: string, filter: MemberFilter) {
  const query = filter.query?.toLowerCase();
  const where = {
    shopDomain,
    ...(filter.tier ? { tier: filter.tier } : {}),
    ...(query
      ? {
          OR: [
            { email: { contains: query } },
            { customerShopifyId: query },
            { firstName: { contains: filter.query } },
            { lastName: { contains: filter.query } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.loyaltyMember.findMany({
      where,
      orderBy: [{ balance: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
    }),
    db.loyaltyMember.count({ where }),
  ]);
  return { rows, total, pageSize: MEMBERS_PAGE_SIZE };
}

export const AdjustmentSchema = z.object({
  points: z.coerce
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((points) => points !== 0),
  reason: z.string().trim().min(3).max(300),
  /** The form's own id: submitting the same form twice adjusts once. */
  requestKey: z.string().min(8).max(100),
});

/** A merchant's adjustment: an entry naming who made it and why (the audit trail is the ledger). */
export async function adjustPoints(
  shopDomain: string,
  memberId: string,
  input: z.infer<typeof AdjustmentSchema>,
  actor: string,
) {
  return ledgerTransaction(async (tx) => {
    const member = await tx.loyaltyMember.findFirst({ where: { id: memberId, shopDomain } });
    if (!member) return null;
    return appendEntry(tx, {
      shopDomain,
      memberId,
      idempotencyKey: `manual:${input.requestKey}`,
      source: "manual",
      kind: "adjust",
      points: input.points,
      note: input.reason,
      actor,
    });
  });
}

/**
 * What a point is worth in the shop's currency (minor units): the best value a fixed-amount or
 * store-credit reward gives per point, so the liability is never understated.
 */
export function pointValue(program: Program): number {
  let best = 0;
  for (const reward of program.rewards) {
    if (reward.kind !== "percentage") best = Math.max(best, reward.value / reward.points);
  }
  return best;
}

/** Spendable points owed now: a negative balance (points spent, then reversed) is owed by the shopper and offsets nothing. */
export async function outstandingPoints(shopDomain: string) {
  const owed = await db.loyaltyMember.aggregate({
    where: { shopDomain, balance: { gt: 0 } },
    _sum: { balance: true },
  });
  return owed._sum.balance ?? 0;
}

export interface LiabilityMonth {
  month: string;
  issued: number;
  reversed: number;
  redeemed: number;
  expired: number;
  adjusted: number;
}

function monthStart(date: Date, monthsBack: number) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1));
}

/**
 * The ledger's movements from `from` (inclusive) to `to`, by what they did to points: issued by
 * orders, reversed by refunds and cancellations, redeemed (held for a reward, less holds
 * released), expired, adjusted by hand. Reductions are positive numbers.
 */
export async function ledgerMovements(shopDomain: string, from: Date, to: Date) {
  const groups = await db.loyaltyEntry.groupBy({
    by: ["kind"],
    where: { shopDomain, createdAt: { gte: from, lt: to } },
    _sum: { points: true, pendingPoints: true },
  });
  const sum = (...kinds: string[]) =>
    groups
      .filter((group) => kinds.includes(group.kind))
      .reduce(
        (total, group) => total + (group._sum.points ?? 0) + (group._sum.pendingPoints ?? 0),
        0,
      );
  return {
    issued: sum("earn"),
    reversed: 0 - sum("reverse", "cancel"),
    redeemed: 0 - sum("hold", "release"),
    expired: 0 - sum("expire"),
    adjusted: sum("adjust"),
  };
}

/**
 * One month's movements: a month that has ended is read from its stored totals (computed on first
 * request), the current one is summed live from the entries (by the shop and date index).
 */
async function monthTotals(
  shopDomain: string,
  from: Date,
  closed: boolean,
): Promise<LiabilityMonth> {
  const month = from.toISOString().slice(0, 7);
  if (closed) {
    const stored = await db.loyaltyMonthTotal.findUnique({
      where: { shopDomain_month: { shopDomain, month } },
    });
    if (stored) {
      const { issued, reversed, redeemed, expired, adjusted } = stored;
      return { month, issued, reversed, redeemed, expired, adjusted };
    }
  }
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const totals = { month, ...(await ledgerMovements(shopDomain, from, to)) };
  if (closed) {
    await retryOnUniqueViolation(() =>
      db.loyaltyMonthTotal.upsert({
        where: { shopDomain_month: { shopDomain, month } },
        create: { shopDomain, ...totals },
        update: {},
      }),
    );
  }
  return totals;
}

/**
 * Outstanding points and their value, and the points issued, reversed, redeemed, expired and
 * adjusted per month over the last 12 months (closed months stored once, see monthTotals).
 */
export async function liabilityReport(shopDomain: string, now = new Date(), months = 12) {
  const program = await loadProgram(shopDomain);
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  const currency = shop?.currencyCode ?? "USD";
  const [totals, spendable] = await Promise.all([
    db.loyaltyMember.aggregate({ where: { shopDomain }, _sum: { pending: true }, _count: true }),
    outstandingPoints(shopDomain),
  ]);
  const rows: LiabilityMonth[] = [];
  for (let back = months - 1; back >= 0; back--) {
    rows.push(await monthTotals(shopDomain, monthStart(now, back), back > 0));
  }
  const rewardOrders = await db.loyaltyRedemption.aggregate({
    where: { shopDomain, usedAt: { gte: monthStart(now, months - 1) } },
    _sum: { usedOrderTotal: true },
    _count: true,
  });
  const pending = totals._sum.pending ?? 0;
  const value = pointValue(program);
  return {
    currency,
    members: totals._count,
    spendable,
    pending,
    pointValue: value,
    /** Spendable points only count: pending points can still be reversed. */
    liability: Math.round(spendable * value),
    pendingLiability: Math.round(pending * value),
    months: rows,
    /** Orders that used a reward code over the report's months, and their revenue. */
    rewardOrders: rewardOrders._count,
    rewardRevenue: rewardOrders._sum.usedOrderTotal ?? 0,
  };
}
