import { db } from "../db.server";
import type { CustomerSubject } from "../orders/orders.server";

function messagesWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      { orderShopifyId: { in: subject.orderShopifyIds } },
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
      ...(subject.email ? [{ recipient: subject.email.toLowerCase() }] : []),
    ],
  };
}

export async function exportCustomerNotifications(subject: CustomerSubject) {
  const [messages, unsubscribed] = await Promise.all([
    db.notificationMessage.findMany({
      where: messagesWhere(subject),
      select: {
        trigger: true,
        recipient: true,
        orderName: true,
        status: true,
        subject: true,
        sentAt: true,
        openedAt: true,
      },
    }),
    subject.email
      ? db.notificationUnsubscribe.findFirst({
          where: { shopDomain: subject.shopDomain, email: subject.email.toLowerCase() },
        })
      : null,
  ]);
  return { messages, unsubscribedAt: unsubscribed?.createdAt ?? null };
}

/**
 * Erases the emails sent to the customer. Their unsubscribe stays: erasing it would start
 * emailing them again, against their choice.
 */
export async function redactCustomerNotifications(subject: CustomerSubject) {
  const { count } = await db.notificationMessage.deleteMany({ where: messagesWhere(subject) });
  return { messagesDeleted: count };
}
