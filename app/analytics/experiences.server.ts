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
  const [parcels, returns, answers, members] = await Promise.all([
    db.trackingShipment.findMany({
      where: {
        shopDomain,
        deliveredAt: { not: null },
        fulfillment: {
          orderShopifyId: { in: orderIds },
          NOT: { shopifyId: { startsWith: RETURN_FULFILLMENT_PREFIX } },
        },
      },
      select: {
        deliveredAt: true,
        estimateLatest: true,
        fulfillment: { select: { orderShopifyId: true } },
        estimates: {
          where: { kind: "revised", previousLatest: { not: null } },
          orderBy: { createdAt: "asc" },
          take: 1,
          select: { previousLatest: true },
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
      where: { shopDomain, kind: "nps", customerShopifyId: { in: customerIds } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { customerShopifyId: true, score: true },
    }),
    db.loyaltyMember.findMany({
      where: { shopDomain, customerShopifyId: { in: customerIds } },
      select: { customerShopifyId: true },
    }),
  ]);
  const delivery = new Map<string, "late" | "on_time">();
  for (const parcel of parcels) {
    const promise = parcel.estimates[0]?.previousLatest ?? parcel.estimateLatest;
    if (!promise) continue;
    const order = parcel.fulfillment.orderShopifyId;
    if (!isOnTime(parcel.deliveredAt!, promise)) delivery.set(order, "late");
    else if (!delivery.has(order)) delivery.set(order, "on_time");
  }
  const returned = new Set(returns.map((ret) => ret.orderShopifyId));
  const firstNps = new Map<string, "promoter" | "passive" | "detractor">();
  for (const answer of answers) {
    if (answer.customerShopifyId && !firstNps.has(answer.customerShopifyId)) {
      firstNps.set(answer.customerShopifyId, npsGroup(answer.score));
    }
  }
  const memberIds = new Set(members.map((member) => member.customerShopifyId));
  return new Map(
    customers.map((customer) => [
      customer.customerShopifyId,
      {
        firstDelivery: delivery.get(customer.firstOrderShopifyId) ?? null,
        firstOrderReturned: returned.has(customer.firstOrderShopifyId),
        firstNps: firstNps.get(customer.customerShopifyId) ?? null,
        member: memberIds.has(customer.customerShopifyId),
      },
    ]),
  );
}
