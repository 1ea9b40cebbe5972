import type { CustomerSubject } from "../../compliance/subject";
import { db } from "../../db.server";
import { normalizeEmail } from "../../orders/index.server";
import { attachmentKeys, removeAttachmentFiles } from "./attachments.server";

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
        select: {
          author: true,
          channel: true,
          body: true,
          createdAt: true,
          // The images they attached: what they are; the merchant can send the files on request.
          attachments: {
            select: { id: true, contentType: true, bytes: true, width: true, height: true },
          },
        },
      },
    },
  });
  return { conversations };
}

/**
 * Conversations hold the shopper's own words, the images they attached and the order context:
 * the whole thread goes, the image files in storage with it (once their rows are gone, so a
 * failure leaves at worst a file no row names, never a row without its file).
 */
export async function redactCustomerConversations(subject: CustomerSubject) {
  const where = customerConversations(subject);
  if (where.OR.length === 0) return { conversationsDeleted: 0, attachmentsDeleted: 0 };
  const ids = (await db.supportConversation.findMany({ where, select: { id: true } })).map(
    (conversation) => conversation.id,
  );
  const keys = await attachmentKeys({
    shopDomain: subject.shopDomain,
    conversationId: { in: ids },
  });
  const { count } = await db.supportConversation.deleteMany({
    where: { shopDomain: subject.shopDomain, id: { in: ids } },
  });
  await removeAttachmentFiles(keys);
  return { conversationsDeleted: count, attachmentsDeleted: keys.length };
}

/** shop/redact: every attachment file of the shop, before its rows go. */
export async function deleteShopSupportFiles(shopDomain: string) {
  const keys = await attachmentKeys({ shopDomain });
  await removeAttachmentFiles(keys);
  return keys.length;
}
