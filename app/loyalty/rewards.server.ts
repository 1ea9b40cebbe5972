import { randomBytes } from "node:crypto";
import { db, type LoyaltyRedemptionModel } from "../db.server";
import { emit, transaction } from "../platform/events/index.server";
import { log } from "../platform/logging/logger.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { AdminApiError } from "../platform/shopify/admin-gateway.server";
import { toGid } from "../platform/shopify/gid";
import { fromMinorUnits } from "../platform/shopify/money";
import { appendEntry, InsufficientPointsError, ledgerTransaction } from "./ledger.server";
import { DiscountCodeBasicCreateMutation, StoreCreditAccountCreditMutation } from "./operations";
import { loadProgram } from "./program.server";
import type { Reward } from "./settings";
import { tierOf } from "./tiers";

/**
 * Redeeming points: the points are held (a ledger entry) before Shopify is asked for the reward,
 * and released (another entry) if Shopify refuses, so a shopper can never spend the same points
 * twice nor lose them to a failed call.
 */

export type Issued = { code: string | null; discountId: string | null };
export type IssueOutcome = Issued | { refused: string };

export type RewardIssuer = (request: {
  shopDomain: string;
  customerShopifyId: string;
  redemption: LoyaltyRedemptionModel;
}) => Promise<IssueOutcome>;

export type RedeemResult =
  | { ok: true; redemption: LoyaltyRedemptionModel }
  | {
      ok: false;
      reason: "unknown_reward" | "not_a_member" | "insufficient_points" | "refused";
      message: string;
    };

/** A code shoppers can type: no 0/O/1/I. */
export function rewardCode(prefix = "AC"): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(8);
  return `${prefix}-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("")}`;
}

/** The reward's value with the member's tier perk applied. */
export function rewardValue(reward: Reward, rewardDiscountPercent: number): number {
  const boosted = Math.round(reward.value * (1 + rewardDiscountPercent / 100));
  return reward.kind === "percentage" ? Math.min(100, boosted) : boosted;
}

export interface RedeemRequest {
  shopDomain: string;
  customerShopifyId: string;
  rewardId: string;
  /** The shopper's request id (a double click or a retried request sends the same one). */
  requestKey: string;
}

export async function redeemReward(
  { shopDomain, customerShopifyId, rewardId, requestKey }: RedeemRequest,
  issue: RewardIssuer = issueThroughShopify,
): Promise<RedeemResult> {
  const earlier = await db.loyaltyRedemption.findUnique({
    where: { shopDomain_requestKey: { shopDomain, requestKey } },
  });
  if (earlier) return redemptionResult(earlier);
  const program = await loadProgram(shopDomain);
  const reward = program.rewards.find((candidate) => candidate.id === rewardId);
  if (!reward) return { ok: false, reason: "unknown_reward", message: "No such reward" };
  const member = await db.loyaltyMember.findUnique({
    where: { shopDomain_customerShopifyId: { shopDomain, customerShopifyId } },
  });
  if (!member) return { ok: false, reason: "not_a_member", message: "No points yet" };
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  const currency = shop?.currencyCode ?? "USD";
  const perk = tierOf(program, member.tier)?.rewardDiscountPercent ?? 0;

  let redemption: LoyaltyRedemptionModel;
  try {
    const held = await ledgerTransaction(async (tx) => {
      const concurrent = await tx.loyaltyRedemption.findUnique({
        where: { shopDomain_requestKey: { shopDomain, requestKey } },
      });
      if (concurrent) return { redemption: concurrent, fresh: false };
      const created = await tx.loyaltyRedemption.create({
        data: {
          shopDomain,
          memberId: member.id,
          rewardId: reward.id,
          requestKey,
          kind: reward.kind,
          points: reward.points,
          value: rewardValue(reward, perk),
          minimumOrder: reward.minimumOrder,
          currency,
          code: reward.kind === "store_credit" ? null : rewardCode(),
        },
      });
      await appendEntry(
        tx,
        {
          shopDomain,
          memberId: member.id,
          idempotencyKey: `redeem:${created.id}:hold`,
          source: "reward",
          kind: "hold",
          points: -reward.points,
          redemptionId: created.id,
          note: reward.name,
        },
        { requireBalance: true },
      );
      return { redemption: created, fresh: true };
    });
    if (!held.fresh) return redemptionResult(held.redemption);
    redemption = held.redemption;
  } catch (error) {
    if (error instanceof InsufficientPointsError) {
      return { ok: false, reason: "insufficient_points", message: "Not enough points" };
    }
    throw error;
  }

  let outcome: IssueOutcome;
  try {
    outcome = await issue({ shopDomain, customerShopifyId, redemption });
  } catch (error) {
    outcome = { refused: (error as Error).message };
  }
  if ("refused" in outcome) {
    await releaseRedemption(shopDomain, redemption.id, outcome.refused);
    log().warn(
      { shop: shopDomain, redemption: redemption.id, error: outcome.refused },
      "Reward refused",
    );
    return { ok: false, reason: "refused", message: outcome.refused };
  }
  const issued = await transaction(async (tx) => {
    const updated = await tx.loyaltyRedemption.update({
      where: { id: redemption.id },
      data: {
        state: "issued",
        code: outcome.code ?? redemption.code,
        discountId: outcome.discountId,
      },
    });
    await emit(tx, {
      type: "loyalty.reward_redeemed",
      shop: shopDomain,
      aggregateId: member.id,
      data: {
        memberId: member.id,
        customerId: customerShopifyId,
        redemptionId: redemption.id,
        rewardId: reward.id,
        points: redemption.points,
      },
    });
    return updated;
  });
  return { ok: true, redemption: issued };
}

function redemptionResult(redemption: LoyaltyRedemptionModel): RedeemResult {
  if (redemption.state === "released") {
    return { ok: false, reason: "refused", message: redemption.error ?? "Refused" };
  }
  return { ok: true, redemption };
}

/** Gives held points back (Shopify refused, or the hold was abandoned); at most once. */
export async function releaseRedemption(shopDomain: string, redemptionId: string, error: string) {
  await ledgerTransaction(async (tx) => {
    const redemption = await tx.loyaltyRedemption.findFirst({
      where: { id: redemptionId, shopDomain, state: "holding" },
    });
    if (!redemption) return;
    await appendEntry(tx, {
      shopDomain,
      memberId: redemption.memberId,
      idempotencyKey: `redeem:${redemption.id}:release`,
      source: "reward",
      kind: "release",
      points: redemption.points,
      redemptionId: redemption.id,
      note: error.slice(0, 200),
    });
    await tx.loyaltyRedemption.update({
      where: { id: redemption.id },
      data: { state: "released", error: error.slice(0, 500) },
    });
  });
}

/** Asks Shopify for the reward: a single-use code only this customer can use, or store credit. */
export const issueThroughShopify: RewardIssuer = async ({
  shopDomain,
  customerShopifyId,
  redemption,
}) => {
  const customerGid = toGid("Customer", customerShopifyId);
  if (redemption.kind === "store_credit") {
    const result = await adminGateway.request(shopDomain, StoreCreditAccountCreditMutation, {
      id: customerGid,
      creditInput: {
        creditAmount: {
          amount: fromMinorUnits(redemption.value, redemption.currency),
          currencyCode: redemption.currency,
        },
      },
    });
    const payload = result.storeCreditAccountCredit;
    if (!payload || payload.userErrors.length) {
      return { refused: payload?.userErrors.map((e) => e.message).join("; ") ?? "empty payload" };
    }
    return { code: null, discountId: payload.storeCreditAccountTransaction?.id ?? null };
  }
  const value =
    redemption.kind === "percentage"
      ? { percentage: redemption.value / 100 }
      : {
          discountAmount: {
            amount: fromMinorUnits(redemption.value, redemption.currency),
            appliesOnEachItem: false,
          },
        };
  let result;
  try {
    result = await adminGateway.request(shopDomain, DiscountCodeBasicCreateMutation, {
      basicCodeDiscount: {
        title: `Loyalty reward ${redemption.code}`,
        code: redemption.code!,
        startsAt: new Date().toISOString(),
        context: { customers: { add: [customerGid] } },
        customerGets: { value, items: { all: true } },
        minimumRequirement: redemption.minimumOrder
          ? {
              subtotal: {
                greaterThanOrEqualToSubtotal: fromMinorUnits(
                  redemption.minimumOrder,
                  redemption.currency,
                ),
              },
            }
          : null,
        usageLimit: 1,
        appliesOncePerCustomer: true,
      },
    });
  } catch (error) {
    if (error instanceof AdminApiError) return { refused: error.message };
    throw error;
  }
  const payload = result.discountCodeBasicCreate;
  if (!payload || payload.userErrors.length || !payload.codeDiscountNode) {
    return {
      refused:
        payload?.userErrors.map((e) => e.message).join("; ") || "Shopify created no discount",
    };
  }
  return { code: redemption.code, discountId: payload.codeDiscountNode.id };
};

/** A hold older than this never heard back from Shopify (the process died mid-call). */
const ABANDONED_HOLD_MS = 15 * 60_000;

export async function releaseAbandonedHolds(now = new Date()) {
  const abandoned = await db.loyaltyRedemption.findMany({
    where: { state: "holding", createdAt: { lt: new Date(now.getTime() - ABANDONED_HOLD_MS) } },
    take: 200,
  });
  for (const redemption of abandoned) {
    await releaseRedemption(
      redemption.shopDomain,
      redemption.id,
      "Abandoned: no answer from Shopify",
    );
  }
  return abandoned.length;
}

/**
 * orders/paid: an order that used a reward's code is recorded on the redemption, so the program's
 * report can show the revenue of orders that redeemed points.
 */
export async function recordRewardUse(
  shopDomain: string,
  order: { id: string; codes: string[]; total: number; at: Date },
) {
  const codes = order.codes.map((code) => code.trim().toUpperCase()).filter(Boolean);
  if (codes.length === 0) return 0;
  const { count } = await db.loyaltyRedemption.updateMany({
    where: { shopDomain, code: { in: codes }, state: "issued", usedOrderShopifyId: null },
    data: { usedOrderShopifyId: order.id, usedOrderTotal: order.total, usedAt: order.at },
  });
  return count;
}
