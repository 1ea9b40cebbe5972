import { db } from "../db.server";
import { RETURN_FULFILLMENT_PREFIX } from "../tracking/index.server";
import type { CustomerExperience } from "./experiences";
import { isOnTime, npsGroup } from "./kpi";

export interface NewCustomer {
  customerShopifyId: string;
  firstOrderShopifyId: string;
}

/**
 * What happened after each customer's first order (app/analytics/experiences.ts), read for a
 * batch of new customers of one day: four queries whatever the batch size.
 */
export async function customerExperiences(
  shopDomain: string,
  customers: NewCustomer[],
): Promise<Map<string, CustomerExperience>> {
  const orderIds = customers.map((customer) => customer.firstOrderShopifyId);
  const customerIds = customers.map((customer) => customer.customerShopifyId);
  const [fulfillments, returns, answers, members] = await Promise.all([
    // From the fulfillments (indexed by order) to their shipments: filtering shipments by
    // delivery first would read every delivered parcel of the shop for each batch.
    db.trackingFulfillment.findMany({
      where: {
        shopDomain,
        orderShopifyId: { in: orderIds },
        NOT: { shopifyId: { startsWith: RETURN_FULFILLMENT_PREFIX } },
      },
      select: {
        orderShopifyId: true,
        shipments: {
          where: { deliveredAt: { not: null } },
          select: {
            deliveredAt: true,
            estimateLatest: true,
            estimates: {
              where: { kind: "revised", previousLatest: { not: null } },
              orderBy: { createdAt: "asc" },
              take: 1,
              select: { previousLatest: true },
            },
          },
        },
      },
    }),
    db.returnRequest.findMany({
      where: {
        shopDomain,
        kind: "return",
        orderShopifyId: { in: orderIds },
        status: { notIn: ["declined", "cancelled"] },
      },
      select: { orderShopifyId: true },
    }),
    db.surveyResponse.findMany({
      // Unordered, so the (shopDomain, customerShopifyId, kind) index serves it: with an ORDER BY
      // on createdAt SQLite walks every NPS answer of the shop instead. The first is found below.
      where: { shopDomain, kind: "nps", customerShopifyId: { in: customerIds } },
      select: { id: true, customerShopifyId: true, score: true, createdAt: true },
    }),
    db.loyaltyMember.findMany({
      where: { shopDomain, customerShopifyId: { in: customerIds } },
      select: { customerShopifyId: true },
    }),
  ]);
  const delivery = new Map<string, "late" | "on_time">();
  for (const { orderShopifyId: order, shipments } of fulfillments) {
    for (const parcel of shipments) {
      const promise = parcel.estimates[0]?.previousLatest ?? parcel.estimateLatest;
      if (!promise) continue;
      if (!isOnTime(parcel.deliveredAt!, promise)) delivery.set(order, "late");
      else if (!delivery.has(order)) delivery.set(order, "on_time");
    }
  }
  const returned = new Set(returns.map((ret) => ret.orderShopifyId));
  const firstAnswers = new Map<string, (typeof answers)[number]>();
  for (const answer of answers) {
    if (!answer.customerShopifyId) continue;
    const first = firstAnswers.get(answer.customerShopifyId);
    const earlier =
      !first ||
      answer.createdAt < first.createdAt ||
      (answer.createdAt.getTime() === first.createdAt.getTime() && answer.id < first.id);
    if (earlier) firstAnswers.set(answer.customerShopifyId, answer);
  }
  const memberIds = new Set(members.map((member) => member.customerShopifyId));
  return new Map(
    customers.map((customer) => [
      customer.customerShopifyId,
      {
        firstDelivery: delivery.get(customer.firstOrderShopifyId) ?? null,
        firstOrderReturned: returned.has(customer.firstOrderShopifyId),
        firstNps: firstAnswers.has(customer.customerShopifyId)
          ? npsGroup(firstAnswers.get(customer.customerShopifyId)!.score)
          : null,
        member: memberIds.has(customer.customerShopifyId),
      },
    ]),
  );
}
