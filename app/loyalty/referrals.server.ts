import { randomBytes } from "node:crypto";
import { db, type LoyaltyMemberModel } from "../db.server";
import { isUniqueViolation, retryOnUniqueViolation } from "../platform/db/errors";
import { adminGateway } from "../platform/shopify/admin.server";
import {
  DiscountCodeBasicCreateMutation,
  LoyaltySegmentCreateMutation,
  LoyaltySegmentsQuery,
} from "./operations";
import { ensureMember } from "./ledger.server";
import { grantBonus } from "./members.server";
import { loadProgram } from "./program.server";
import type { LoyaltyOrderPayload } from "./schemas";
import type { Program } from "./settings";

/**
 * Referrals: each member has a personal code; the friend uses it as a first-order discount code
 * (`REF-<code>`, created in Shopify when the member first shares it), and the member earns the
 * referral bonus when the friend's order is confirmed (past its return window).
 */

export const REFERRAL_PREFIX = "REF-";
/** At most this many rewarded referrals per member and 30 days: more looks like abuse. */
export const MAX_REFERRALS_PER_MONTH = 10;

export async function referralCodeFor(shopDomain: string, memberId: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const member = await db.loyaltyMember.findFirstOrThrow({ where: { id: memberId, shopDomain } });
    if (member.referralCode) return member.referralCode;
    const code = randomBytes(5).toString("hex").toUpperCase();
    try {
      await db.loyaltyMember.updateMany({
        where: { id: memberId, referralCode: null },
        data: { referralCode: code },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 3) throw error;
    }
  }
}

/**
 * Shopify's customer segment of the shop's customers without an order: a referral discount is
 * for new customers only, so a code posted publicly gives nothing to the shop's existing ones.
 * Created once per shop, found again by its name.
 */
export const NEW_CUSTOMERS_SEGMENT = {
  name: "Aftercare referrals: customers without orders",
  query: "number_of_orders = 0",
};

async function newCustomersSegment(shopDomain: string): Promise<string | null> {
  const existing = await adminGateway.request(shopDomain, LoyaltySegmentsQuery, {});
  const found = existing.segments.nodes.find(
    (segment) => segment.name === NEW_CUSTOMERS_SEGMENT.name,
  );
  if (found) return found.id;
  const created = await adminGateway.request(
    shopDomain,
    LoyaltySegmentCreateMutation,
    NEW_CUSTOMERS_SEGMENT,
  );
  return created.segmentCreate?.segment?.id ?? null;
}

/**
 * The member's personal referral link: Shopify's shareable discount URL for their friend
 * discount, which is created in Shopify the first time the member asks for it.
 */
export async function referralLink(
  shopDomain: string,
  memberId: string,
  known?: {
    program: Program;
    member: Pick<LoyaltyMemberModel, "id" | "referralCode" | "referralDiscountId">;
  },
) {
  const program = known?.program ?? (await loadProgram(shopDomain));
  if (!program.enabled || program.referralFriendPercent <= 0) return null;
  const ready = known?.member.referralCode && known.member.referralDiscountId;
  const code = `${REFERRAL_PREFIX}${ready ? known.member.referralCode : await referralCodeFor(shopDomain, memberId)}`;
  const member = ready
    ? known.member
    : await db.loyaltyMember.findFirstOrThrow({ where: { id: memberId, shopDomain } });
  if (!member.referralDiscountId) {
    const segment = await newCustomersSegment(shopDomain);
    if (!segment) return null;
    const result = await adminGateway.request(shopDomain, DiscountCodeBasicCreateMutation, {
      basicCodeDiscount: {
        title: `Referral from ${code}`,
        code,
        startsAt: new Date().toISOString(),
        // Once per customer, and only for customers who have never ordered: a friend's first order.
        context: { customerSegments: { add: [segment] } },
        customerGets: {
          value: { percentage: program.referralFriendPercent / 100 },
          items: { all: true },
        },
        usageLimit: null,
        appliesOncePerCustomer: true,
      },
    });
    const payload = result.discountCodeBasicCreate;
    const taken = payload?.userErrors.some((error) => error.code === "TAKEN");
    if (!payload?.codeDiscountNode && !taken) return null;
    await db.loyaltyMember.update({
      where: { id: member.id },
      data: { referralDiscountId: payload?.codeDiscountNode?.id ?? "existing" },
    });
  }
  return {
    code,
    url: `https://${shopDomain}/discount/${encodeURIComponent(code)}`,
    friendPercent: program.referralFriendPercent,
    bonus: program.referralBonus,
  };
}

/**
 * A customer's link to share, for other capabilities (the surveys' offer to a happy shopper):
 * null when the program gives friends nothing. A customer who is not a member yet (the answer can
 * come before orders/paid) becomes one, as they would with their first paid order.
 */
export async function customerReferralLink(shopDomain: string, customerShopifyId: string) {
  const program = await loadProgram(shopDomain);
  if (!program.enabled || program.referralFriendPercent <= 0) return null;
  const member = await retryOnUniqueViolation(() =>
    db.$transaction((tx) => ensureMember(tx, shopDomain, { customerShopifyId })),
  );
  const link = await referralLink(shopDomain, member.id, { program, member });
  return link && { url: link.url, friendPercent: link.friendPercent };
}

export type ReferralDecision = { ok: true } | { ok: false; reason: string };

/** The rules a referral must pass, as a pure function of what is known. */
export function judgeReferral(input: {
  referrer: { customerShopifyId: string; email: string | null };
  friend: { customerShopifyId: string; email: string | null };
  friendHadEarlierOrders: boolean;
  friendAlreadyReferred: boolean;
  referrerRecentReferrals: number;
}): ReferralDecision {
  const sameEmail =
    input.referrer.email && input.friend.email && input.referrer.email === input.friend.email;
  if (input.referrer.customerShopifyId === input.friend.customerShopifyId || sameEmail) {
    return { ok: false, reason: "self-referral" };
  }
  if (input.friendHadEarlierOrders) return { ok: false, reason: "not a first order" };
  if (input.friendAlreadyReferred) return { ok: false, reason: "friend already referred" };
  if (input.referrerRecentReferrals >= MAX_REFERRALS_PER_MONTH) {
    return { ok: false, reason: "too many referrals this month" };
  }
  return { ok: true };
}

/** orders/paid: an order placed with a referral code records the referral (pending). */
export async function creditReferral(shopDomain: string, order: LoyaltyOrderPayload) {
  const code = order.discount_codes
    ?.map((discount) => discount.code.toUpperCase())
    .find((candidate) => candidate.startsWith(REFERRAL_PREFIX));
  if (!code || !order.customer) return null;
  const referrer = await db.loyaltyMember.findUnique({
    where: {
      shopDomain_referralCode: { shopDomain, referralCode: code.slice(REFERRAL_PREFIX.length) },
    },
  });
  if (!referrer) return null;
  const friendEmail = (order.customer.email ?? order.email ?? null)?.toLowerCase() ?? null;
  const [earlierOrders, existing, recent] = await Promise.all([
    db.loyaltyOrder.count({
      where: {
        shopDomain,
        customerShopifyId: order.customer.id,
        orderShopifyId: { not: order.id },
        paidAt: { not: null },
      },
    }),
    db.loyaltyReferral.findUnique({
      where: {
        shopDomain_friendCustomerShopifyId: {
          shopDomain,
          friendCustomerShopifyId: order.customer.id,
        },
      },
    }),
    db.loyaltyReferral.count({
      where: {
        shopDomain,
        referrerId: referrer.id,
        state: { in: ["pending", "rewarded"] },
        createdAt: { gte: new Date(Date.now() - 30 * 24 * 3600 * 1000) },
      },
    }),
  ]);
  if (existing) return existing;
  const decision = judgeReferral({
    referrer,
    friend: { customerShopifyId: order.customer.id, email: friendEmail },
    friendHadEarlierOrders: earlierOrders > 0,
    friendAlreadyReferred: false,
    referrerRecentReferrals: recent,
  });
  try {
    return await db.loyaltyReferral.create({
      data: {
        shopDomain,
        referrerId: referrer.id,
        friendCustomerShopifyId: order.customer.id,
        friendEmail,
        orderShopifyId: order.id,
        state: decision.ok ? "pending" : "refused",
        reason: decision.ok ? null : decision.reason,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The friend's order was confirmed: the referrer earns, unless the order earned nothing in the end. */
export async function rewardReferral(shopDomain: string, orderShopifyId: string) {
  const referral = await db.loyaltyReferral.findFirst({
    where: { shopDomain, orderShopifyId, state: "pending" },
  });
  if (!referral) return null;
  const order = await db.loyaltyOrder.findUnique({
    where: { shopDomain_orderShopifyId: { shopDomain, orderShopifyId } },
  });
  const program = await loadProgram(shopDomain);
  if (!order?.confirmedAt || order.cancelledAt) {
    await db.loyaltyReferral.update({
      where: { id: referral.id },
      data: { state: "refused", reason: "order cancelled" },
    });
    return null;
  }
  await grantBonus(shopDomain, referral.referrerId, {
    key: `referral:${referral.id}`,
    source: "referral",
    points: program.referralBonus,
    note: "Friend's first order",
  });
  await db.loyaltyReferral.update({ where: { id: referral.id }, data: { state: "rewarded" } });
  return referral.referrerId;
}
