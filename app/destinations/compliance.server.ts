import type { CustomerSubject } from "../compliance/subject";
import { db } from "../db.server";

/**
 * Deliveries carry ids, not personal data, but a receiver's answer (the first 1 KB we keep) may
 * echo the shopper's e-mail, and the ids tie a delivery to the person: customers/redact removes
 * every delivery about the customer's orders or the customer. shop/redact needs nothing here:
 * both tables have `shopDomain` and go with the shop.
 */
function subjectDeliveriesWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      ...subject.orderShopifyIds.map((id) => ({ event: { contains: `"orderId":"${id}"` } })),
      ...(subject.customerShopifyId
        ? [{ event: { contains: `"customerId":"${subject.customerShopifyId}"` } }]
        : []),
      ...(subject.email ? [{ responseBody: { contains: subject.email } }] : []),
    ],
  };
}

export async function exportCustomerDeliveries(subject: CustomerSubject) {
  const rows = await db.destinationDelivery.findMany({
    where: subjectDeliveriesWhere(subject),
    orderBy: { createdAt: "asc" },
    include: { destination: { select: { kind: true, url: true } } },
  });
  return rows.map((row) => ({
    eventId: row.eventId,
    eventType: row.eventType,
    destination:
      row.destination.kind === "klaviyo"
        ? "Klaviyo"
        : row.destination.kind === "shopify_flow"
          ? "Shopify Flow"
          : row.destination.url,
    status: row.status,
    createdAt: row.createdAt,
  }));
}

export async function redactCustomerDeliveries(subject: CustomerSubject) {
  const { count } = await db.destinationDelivery.deleteMany({
    where: subjectDeliveriesWhere(subject),
  });
  return { deliveriesDeleted: count };
}
