import { db } from "../db.server";
import type { CustomerSubject } from "../compliance/subject";

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

function smsContactsWhere(subject: CustomerSubject) {
  return {
    shopDomain: subject.shopDomain,
    OR: [
      { orderShopifyId: { in: subject.orderShopifyIds } },
      ...(subject.customerShopifyId ? [{ customerShopifyId: subject.customerShopifyId }] : []),
    ],
  };
}

export async function exportCustomerNotifications(subject: CustomerSubject) {
  const [messages, unsubscribed, smsContacts] = await Promise.all([
    db.notificationMessage.findMany({
      where: messagesWhere(subject),
      select: {
        trigger: true,
        channel: true,
        recipient: true,
        smsBody: true,
        deliveryStatus: true,
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
    db.smsContact.findMany({
      where: smsContactsWhere(subject),
      select: {
        orderShopifyId: true,
        orderPhone: true,
        customerPhone: true,
        marketingState: true,
        marketingOptInLevel: true,
      },
    }),
  ]);
  return { messages, unsubscribedAt: unsubscribed?.createdAt ?? null, smsContacts };
}

/**
 * Erases the emails and SMS sent to the customer, their short links and the phones kept for
 * their orders. Their unsubscribe and SMS opt-out stay: erasing them would start messaging them
 * again, against their choice.
 */
export async function redactCustomerNotifications(subject: CustomerSubject) {
  const messages = await db.notificationMessage.findMany({
    where: messagesWhere(subject),
    select: { id: true },
  });
  const ids = messages.map((message) => message.id);
  await db.smsLink.deleteMany({
    where: { shopDomain: subject.shopDomain, messageId: { in: ids } },
  });
  const { count } = await db.notificationMessage.deleteMany({
    where: { shopDomain: subject.shopDomain, id: { in: ids } },
  });
  const contacts = await db.smsContact.deleteMany({ where: smsContactsWhere(subject) });
  return { messagesDeleted: count, smsContactsDeleted: contacts.count };
}
