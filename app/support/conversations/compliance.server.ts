import type { CustomerSubject } from "../../compliance/subject";
import { db } from "../../db.server";
import { normalizeEmail } from "../../orders/index.server";

/** The customer's conversations: theirs by customer id, by e-mail, or by one of their orders. */
function customerConversations(subject: CustomerSubject) {
  const email = subject.email ? normalizeEmail(subject.email) : null;
  return {
    shopDomain: subject.shopDomain,
    OR: [
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
      ...(email ? [{ email }] : []),
      ...(subject.orderShopifyIds.length > 0
        ? [{ orderShopifyId: { in: subject.orderShopifyIds } }]
        : []),
    ],
  };
}

export async function exportCustomerConversations(subject: CustomerSubject) {
  const where = customerConversations(subject);
  if (where.OR.length === 0) return { conversations: [] };
  const conversations = await db.supportConversation.findMany({
    where,
    orderBy: { createdAt: "asc" },
    select: {
      orderName: true,
      email: true,
      status: true,
      createdAt: true,
      closedAt: true,
      messages: {
        // Internal notes are the merchant's, not data about the shopper they were shown.
        where: { author: { not: "note" } },
        orderBy: { createdAt: "asc" },
        select: { author: true, channel: true, body: true, createdAt: true },
      },
    },
  });
  return { conversations };
}

/** Conversations hold the shopper's own words and the order context: the whole thread goes. */
export async function redactCustomerConversations(subject: CustomerSubject) {
  const where = customerConversations(subject);
  if (where.OR.length === 0) return { conversationsDeleted: 0 };
  const { count } = await db.supportConversation.deleteMany({ where });
  return { conversationsDeleted: count };
}
