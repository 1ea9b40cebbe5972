import { db } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";

/** The customer's recommendation clicks and impressions, and the orders credited to them. */
function customerWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      { orderShopifyId: { in: subject.orderShopifyIds } },
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
    ],
  };
}

export async function exportCustomerRecommendations(subject: CustomerSubject) {
  const [events, attributions] = await Promise.all([
    db.recommendationEvent.findMany({
      where: customerWhere(subject),
      select: { orderShopifyId: true, productId: true, kind: true, createdAt: true },
    }),
    db.recommendationAttribution.findMany({
      where: customerWhere(subject),
      select: { orderShopifyId: true, productIds: true, revenue: true, currency: true },
    }),
  ]);
  return { events, attributions };
}

/** Erases what ties a customer to what they looked at and bought after a recommendation. */
export async function redactCustomerRecommendations(subject: CustomerSubject) {
  const [events, attributions] = await db.$transaction([
    db.recommendationEvent.deleteMany({ where: customerWhere(subject) }),
    db.recommendationAttribution.deleteMany({ where: customerWhere(subject) }),
  ]);
  return { eventsDeleted: events.count, attributionsDeleted: attributions.count };
}
