import { db, sql } from "../db.server";
import { sqlInstant } from "../platform/db/sql";
import { shopProfile } from "../shops/index.server";
import { qualifyingValue } from "./members.server";
import { loadProgram, shopperProgram } from "./program.server";
import { rewardValue } from "./rewards.server";
import { currencyFractionDigits } from "../platform/shopify/money";
import { nextTier, tierOf } from "./tiers";

/** A member as the shopper and the merchant see them: balances, tier, history and rewards. */
export async function memberSummary(
  shopDomain: string,
  customerShopifyId: string,
  historySize = 25,
) {
  const program = await loadProgram(shopDomain);
  const member = await db.loyaltyMember.findUnique({
    where: { shopDomain_customerShopifyId: { shopDomain, customerShopifyId } },
  });
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  const currency = shop?.currencyCode ?? "USD";
  const tier = tierOf(program, member?.tier);
  const perk = tier?.rewardDiscountPercent ?? 0;
  const balance = member?.balance ?? 0;
  const [entries, redemptions, tierChanges, qualifying] = member
    ? await Promise.all([
        db.loyaltyEntry.findMany({
          where: { memberId: member.id },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: historySize,
        }),
        db.loyaltyRedemption.findMany({
          where: { shopDomain, memberId: member.id, state: "issued" },
          orderBy: { createdAt: "desc" },
          take: 10,
        }),
        db.loyaltyTierChange.findMany({
          where: { shopDomain, memberId: member.id },
          orderBy: { createdAt: "desc" },
          take: 10,
        }),
        qualifyingValue(shopDomain, member.id, program),
      ])
    : [[], [], [], 0];
  return {
    program,
    enabled: program.enabled,
    member,
    currency,
    balance,
    pending: member?.pending ?? 0,
    /** A reversal took back points already spent: the shopper is told why the balance is negative. */
    negative: balance < 0,
    tier: tier?.name ?? null,
    tierBasis: program.tierBasis,
    qualifying,
    next: nextTier(program, qualifying),
    tierChanges,
    entries,
    redemptions,
    rewards: program.rewards.map((reward) => ({
      ...reward,
      value: rewardValue(reward, perk),
      affordable: balance >= reward.points,
    })),
  };
}
export type MemberSummary = Awaited<ReturnType<typeof memberSummary>>;

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * The customer-account loyalty page's data, read on every visit: the program and the shop's
 * currency from their per-process caches, then the member, their latest entries, their issued
 * codes and their 12-month tier measure in raw SQL (bench/benchmarks/loyalty-page.ts: Prisma's
 * per-query cost made the page a tenth of its floor).
 */
export async function shopperLoyaltyPage(
  shopDomain: string,
  customerShopifyId: string,
  historySize = 25,
) {
  const [program, shop] = await Promise.all([shopperProgram(shopDomain), shopProfile(shopDomain)]);
  const [member] = await sql.query<{
    id: string;
    balance: number;
    pending: number;
    tier: string | null;
    birthday: string | null;
    referralCode: string | null;
    referralDiscountId: string | null;
  }>(
    `SELECT "id", "balance", "pending", "tier", "birthday", "referralCode", "referralDiscountId"
       FROM "LoyaltyMember" WHERE "shopDomain" = ? AND "customerShopifyId" = ?`,
    [shopDomain, customerShopifyId],
  );
  const [entries, redemptions, qualifying] = member
    ? await Promise.all([
        sql.query<{
          id: string;
          createdAt: unknown;
          source: string;
          kind: string;
          points: number;
          pendingPoints: number;
          note: string | null;
        }>(
          `SELECT "id", "createdAt", "source", "kind", "points", "pendingPoints", "note"
             FROM "LoyaltyEntry" WHERE "memberId" = ?
            ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`,
          [member.id, historySize],
        ),
        sql.query<{ code: string | null; kind: string; value: number; createdAt: unknown }>(
          `SELECT "code", "kind", "value", "createdAt" FROM "LoyaltyRedemption"
            WHERE "shopDomain" = ? AND "memberId" = ? AND "state" = 'issued'
            ORDER BY "createdAt" DESC LIMIT 10`,
          [shopDomain, member.id],
        ),
        program.tierBasis === "points"
          ? pointsEarnedSince(member.id, new Date(Date.now() - YEAR_MS))
          : qualifyingValue(shopDomain, member.id, program),
      ])
    : [[], [], 0];
  const balance = Number(member?.balance ?? 0);
  const tier = tierOf(program, member?.tier);
  const perk = tier?.rewardDiscountPercent ?? 0;
  return {
    program,
    member: member ?? null,
    currency: shop?.currency ?? "USD",
    balance,
    pending: Number(member?.pending ?? 0),
    negative: balance < 0,
    tier: tier?.name ?? null,
    tierBasis: program.tierBasis,
    next: nextTier(program, qualifying),
    entries: entries.map((entry) => ({
      ...entry,
      createdAt: sqlInstant(entry.createdAt)!,
      points: Number(entry.points),
      pendingPoints: Number(entry.pendingPoints),
    })),
    redemptions: redemptions.map((redemption) => ({
      ...redemption,
      value: Number(redemption.value),
      createdAt: sqlInstant(redemption.createdAt)!,
    })),
    rewards: program.rewards.map((reward) => ({
      ...reward,
      value: rewardValue(reward, perk),
      affordable: balance >= reward.points,
    })),
  };
}

/** `qualifyingValue` for a points-based program, as one statement on the (memberId, createdAt) index. */
async function pointsEarnedSince(memberId: string, since: Date) {
  const [sums] = await sql.query<{ points: unknown; pending: unknown }>(
    `SELECT SUM("points") AS "points", SUM("pendingPoints") AS "pending" FROM "LoyaltyEntry"
      WHERE "memberId" = ? AND "createdAt" >= ? AND "kind" IN ('earn', 'reverse', 'cancel')`,
    [memberId, since],
  );
  return Number(sums?.points ?? 0) + Number(sums?.pending ?? 0);
}

export type OrderPoints =
  | { state: "pending" | "confirmed"; points: number; confirmAfter: string | null }
  | { state: "estimated"; points: number; returnWindowDays: number }
  | { state: "none" };

/**
 * What an order earns, for the thank-you page: the ledger's figure once orders/paid arrived,
 * else an estimate from the checkout subtotal (same currency as the shop only). A customer only
 * sees their own orders.
 */
export async function orderPoints(
  shopDomain: string,
  orderShopifyId: string | null,
  customerShopifyId: string | null,
  checkout: { subtotal: number | null; currency: string | null },
): Promise<OrderPoints> {
  const program = await loadProgram(shopDomain);
  if (!program.enabled || !customerShopifyId) return { state: "none" };
  const order = orderShopifyId
    ? await db.loyaltyOrder.findUnique({
        where: { shopDomain_orderShopifyId: { shopDomain, orderShopifyId } },
      })
    : null;
  if (order?.customerShopifyId && order.customerShopifyId !== customerShopifyId) {
    return { state: "none" };
  }
  if (order && order.pointsEarned !== null) {
    return {
      state: order.confirmedAt ? "confirmed" : "pending",
      points: order.cancelledAt ? 0 : order.pointsEarned,
      confirmAfter: order.confirmAfter?.toISOString() ?? null,
    };
  }
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (checkout.subtotal === null || checkout.currency !== (shop?.currencyCode ?? "USD")) {
    return { state: "none" };
  }
  const member = await db.loyaltyMember.findUnique({
    where: { shopDomain_customerShopifyId: { shopDomain, customerShopifyId } },
  });
  const multiplier = tierOf(program, member?.tier)?.earnMultiplier ?? 1;
  const major = checkout.subtotal / 10 ** currencyFractionDigits(checkout.currency);
  return {
    state: "estimated",
    points: Math.floor(major * program.pointsPerUnit * multiplier + 1e-9),
    returnWindowDays: program.returnWindowDays,
  };
}
