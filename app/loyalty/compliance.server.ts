import { db } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";

function memberWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
      ...(subject.email ? [{ email: subject.email.toLowerCase() }] : []),
    ],
  };
}

/** customers/data_request: the member's account, ledger, rewards, tiers and referrals. */
export async function exportCustomerLoyalty(subject: CustomerSubject) {
  if (!subject.customerShopifyId && !subject.email) return [];
  const members = await db.loyaltyMember.findMany({
    where: memberWhere(subject),
    include: { entries: { orderBy: { createdAt: "asc" } }, redemptions: true, tierChanges: true },
  });
  return members.map((member) => ({
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    birthday: member.birthday,
    balance: member.balance,
    pending: member.pending,
    tier: member.tier,
    referralCode: member.referralCode,
    ledger: member.entries.map((entry) => ({
      at: entry.createdAt,
      source: entry.source,
      kind: entry.kind,
      points: entry.points,
      pendingPoints: entry.pendingPoints,
      order: entry.orderShopifyId,
      note: entry.note,
    })),
    rewards: member.redemptions.map((redemption) => ({
      at: redemption.createdAt,
      kind: redemption.kind,
      points: redemption.points,
      code: redemption.code,
      state: redemption.state,
    })),
    tierChanges: member.tierChanges.map((change) => ({
      at: change.createdAt,
      from: change.fromTier,
      to: change.toTier,
    })),
  }));
}

/**
 * customers/redact: the member and everything keyed to them go (the ledger cascades); the shop's
 * liability totals shrink by the erased balance, which is what erasure means.
 */
export async function redactCustomerLoyalty(
  subject: CustomerSubject,
): Promise<Record<string, number>> {
  if (!subject.customerShopifyId && !subject.email) return { membersDeleted: 0 };
  const members = await db.loyaltyMember.findMany({
    where: memberWhere(subject),
    select: { id: true, customerShopifyId: true },
  });
  const ids = members.map((member) => member.id);
  const customerIds = members.map((member) => member.customerShopifyId);
  const referrals = await db.loyaltyReferral.deleteMany({
    where: {
      shopDomain: subject.shopDomain,
      // The customer as referrer, or as a referred friend (who may never have become a member).
      OR: [
        { referrerId: { in: ids } },
        { friendCustomerShopifyId: { in: customerIds } },
        ...(subject.customerShopifyId
          ? [{ friendCustomerShopifyId: subject.customerShopifyId }]
          : []),
        ...(subject.email ? [{ friendEmail: subject.email.toLowerCase() }] : []),
        { orderShopifyId: { in: subject.orderShopifyIds } },
      ],
    },
  });
  const orders = await db.loyaltyOrder.updateMany({
    where: { shopDomain: subject.shopDomain, customerShopifyId: { in: customerIds } },
    data: { customerShopifyId: null },
  });
  const { count } = await db.loyaltyMember.deleteMany({ where: { id: { in: ids } } });
  return { membersDeleted: count, referralsDeleted: referrals.count, ordersUnlinked: orders.count };
}
