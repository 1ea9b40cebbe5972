import { db, Prisma } from "../../db.server";
import type { PreparedImage } from "../../platform/images/images.server";
import { shopperBudget } from "../../storefront/rate-limit.server";
import {
  prepareAttachments,
  roomForAttachments,
  storeAttachments,
  type AttachmentError,
  type UploadedAttachment,
} from "./attachments.server";
import { announce } from "./live.server";

/** A message is a few paragraphs; past this it is refused with a message saying so. */
export const MAX_MESSAGE_CHARS = 5000;
/** The storefront thread's forms: one message of 5,000 characters (4 bytes each at worst). */
export const MAX_THREAD_FORM_BYTES = 32 * 1024;
export type MessageError = "empty" | "invalidText" | "tooLong" | "tooMany";

/**
 * Messages per conversation per 10 minutes, wherever they come from (the storefront, e-mail):
 * a person types a few; a script posting in a loop is stopped here with a message saying so.
 */
const messageBudget = shopperBudget({ name: "support-message", perClient: 10, windowSeconds: 600 });

/** Shoppers' text: line breaks kept, other control characters refused (never typed on purpose). */
export function checkMessage(
  raw: string | null,
): { ok: true; body: string } | { ok: false; error: MessageError } {
  const body = (raw ?? "").replace(/\r\n?/g, "\n").trim();
  if (!body) return { ok: false, error: "empty" };
  if (/[^\P{Cc}\n\t]/u.test(body)) return { ok: false, error: "invalidText" };
  if (body.length > MAX_MESSAGE_CHARS) return { ok: false, error: "tooLong" };
  return { ok: true, body };
}

/** Counts a message against its conversation's budget; the seconds to wait when over it. */
export function countMessage(shopDomain: string, conversationId: string) {
  return messageBudget.consume(shopDomain, conversationId);
}

/**
 * What comes with a message: the storefront's uploads (all kept, or the message is refused so the
 * shopper can fix it), or an e-mail's attachments sorted once the message is known to be new and
 * within budget (what is not kept is told to the merchant by an internal note after the message).
 */
export type MessageAttachments =
  UploadedAttachment[] | { sort: () => Promise<{ images: PreparedImage[]; note: string | null }> };

/**
 * A shopper's message in their conversation (the storefront thread or an e-mail reply), with the
 * images they attached: it reopens a pending or closed conversation, since the shopper is waiting
 * again. The message counts against the budget before any image is decoded, so a flood of
 * uploads is stopped as cheaply as a flood of text; a refused image stores nothing.
 */
export async function addShopperMessage(
  conversationId: string,
  shopDomain: string,
  body: string,
  channel: "storefront" | "email",
  emailMessageId?: string,
  uploads: MessageAttachments = [],
): Promise<
  | { ok: true; duplicate: boolean }
  | { ok: false; error: "tooMany"; retryAfterSeconds: number }
  | { ok: false; error: AttachmentError }
> {
  if (emailMessageId) {
    const seen = await db.supportConversationMessage.findFirst({
      where: { conversationId, emailMessageId },
      select: { id: true },
    });
    if (seen) return { ok: true, duplicate: true };
  }
  const wait = await countMessage(shopDomain, conversationId);
  if (wait !== null) return { ok: false, error: "tooMany", retryAfterSeconds: wait };
  let images: PreparedImage[];
  let note: string | null = null;
  if (Array.isArray(uploads)) {
    const prepared = await prepareAttachments(uploads);
    if (!prepared.ok) return prepared;
    if (!(await roomForAttachments(shopDomain, conversationId, prepared.images.length))) {
      return { ok: false, error: "tooManyImages" };
    }
    images = prepared.images;
  } else {
    ({ images, note } = await uploads.sort());
  }
  const stored = await storeAttachments(shopDomain, conversationId, images);
  const now = new Date();
  try {
    await db.$transaction([
      db.supportConversationMessage.create({
        data: {
          shopDomain,
          conversationId,
          author: "shopper",
          channel,
          body,
          emailMessageId: emailMessageId ?? null,
          createdAt: now,
          attachments: { create: stored.rows },
        },
      }),
      ...(note
        ? [
            db.supportConversationMessage.create({
              data: {
                shopDomain,
                conversationId,
                author: "note",
                channel,
                body: note,
                // Just after the message it is about, so the inbox shows it beneath.
                createdAt: new Date(now.getTime() + 1),
              },
            }),
          ]
        : []),
      db.supportConversation.update({
        where: { id: conversationId },
        data: { status: "open", closedAt: null, lastMessageAt: now },
      }),
    ]);
  } catch (error) {
    await stored.discard();
    // The same e-mail posted twice at once: the other post added it.
    if (
      emailMessageId &&
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002"
    ) {
      return { ok: true, duplicate: true };
    }
    throw error;
  }
  await announce(shopDomain, conversationId);
  return { ok: true, duplicate: false };
}
