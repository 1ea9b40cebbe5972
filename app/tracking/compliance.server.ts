import { db } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";

/** The fulfillments that concern a customer: of their orders, or sent to their email. */
function subjectWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      { orderShopifyId: { in: subject.orderShopifyIds } },
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
      ...(subject.email ? [{ email: subject.email.toLowerCase() }] : []),
    ],
  };
}

export async function exportCustomerShipments(subject: CustomerSubject) {
  const fulfillments = await db.trackingFulfillment.findMany({
    where: subjectWhere(subject),
    include: {
      shipments: { select: { trackingNumber: true, carrier: true, tag: true, deliveredAt: true } },
      checkpoints: {
        select: { occurredAt: true, message: true, city: true, region: true, country: true },
      },
    },
  });
  return fulfillments.map((fulfillment) => ({
    order: fulfillment.orderName,
    email: fulfillment.email,
    destination: fulfillment.destination ? JSON.parse(fulfillment.destination) : null,
    shipments: fulfillment.shipments,
    checkpoints: fulfillment.checkpoints,
  }));
}

/**
 * Keeps shipments for the shop's delivery statistics, without anything that identifies the
 * customer: the scans' places near the destination (city, region, postal code) locate their home.
 */
export async function redactCustomerShipments(subject: CustomerSubject) {
  const fulfillments = await db.trackingFulfillment.findMany({
    where: subjectWhere(subject),
    select: { id: true },
  });
  const ids = fulfillments.map((fulfillment) => fulfillment.id);
  const [anonymized, checkpoints] = await db.$transaction([
    db.trackingFulfillment.updateMany({
      where: { id: { in: ids } },
      data: { email: null, destination: null, customerShopifyId: null, locale: null },
    }),
    db.trackingCheckpoint.updateMany({
      where: { fulfillmentId: { in: ids } },
      data: { city: null, region: null, postalCode: null },
    }),
  ]);
  return { fulfillmentsAnonymized: anonymized.count, checkpointsAnonymized: checkpoints.count };
}
