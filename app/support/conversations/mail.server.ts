import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "../../config.server";
import { db, Prisma } from "../../db.server";
import { jobs } from "../../platform/jobs/queue.server";
import { defineJob, PermanentJobError } from "../../platform/jobs/types";
import { log } from "../../platform/logging/logger.server";
import { mailer, MailerNotConfigured } from "../../platform/mail/mailer.server";
import { shopProfile } from "../../shops/index.server";
import { replyEmail } from "./ReplyEmail";
import {
  ATTACHMENT_LIMITS,
  sortMailAttachments,
  type AttachmentError,
  type MailAttachment,
  type RefusedMailAttachment,
} from "./attachments.server";
import { addShopperMessage, checkMessage, MAX_MESSAGE_CHARS } from "./thread.server";
import { conversationFromAddress, replyAddress, shopperToken } from "./tokens.server";

/** How far a Mailgun post's timestamp may be from our clock (Mailgun's docs advise checking it). */
export const INBOUND_MAX_SKEW_SECONDS = 5 * 60;
/**
 * Attachments looked at in one post: the conversation keeps three images per message, and a
 * reply carrying more than this many files is told to the merchant without them being listed.
 */
export const MAX_INBOUND_ATTACHMENTS = 20;
/** References kept on a reply: the thread's first and latest messages are what clients use. */
const MAX_REFERENCES = 20;

function messageDomain() {
  const { INBOUND_MAIL_DOMAIN, SMTP_FROM } = config();
  return INBOUND_MAIL_DOMAIN ?? SMTP_FROM.split("@")[1] ?? "aftercare.invalid";
}

/**
 * A merchant reply leaves by e-mail: its Message-ID is fixed now (the thread's next message can
 * refer to it whatever happens to the sending), then a job sends it with retries.
 */
export async function queueReplyEmail(
  shopDomain: string,
  messageId: string,
): Promise<"email" | "notConfigured"> {
  if (!config().SMTP_URL) {
    await db.supportConversationMessage.update({
      where: { id: messageId },
      data: { emailStatus: "failed" },
    });
    return "notConfigured";
  }
  await db.supportConversationMessage.update({
    where: { id: messageId },
    data: { emailMessageId: `<${messageId}@${messageDomain()}>` },
  });
  await jobs.send(sendReply, { shop: shopDomain, messageId }, { idempotencyKey: messageId });
  return "email";
}

export const sendReply = defineJob({
  name: "support.send-reply",
  schema: z.object({ shop: z.string(), messageId: z.string() }),
  retryLimit: 10,
  retryDelaySeconds: 5,
  concurrency: 2,
  async run({ shop, messageId }) {
    const message = await db.supportConversationMessage.findFirst({
      where: { id: messageId, shopDomain: shop, author: "merchant" },
      include: { conversation: true },
    });
    if (!message?.emailMessageId || message.emailStatus === "sent") return;
    const { conversation } = message;
    const earlier = await db.supportConversationMessage.findMany({
      where: {
        conversationId: conversation.id,
        emailMessageId: { not: null },
        createdAt: { lt: message.createdAt },
      },
      orderBy: { createdAt: "asc" },
      select: { emailMessageId: true, author: true },
    });
    const references = earlier.map((entry) => entry.emailMessageId!);
    const kept =
      references.length > MAX_REFERENCES
        ? [references[0]!, ...references.slice(-(MAX_REFERENCES - 1))]
        : references;
    // RFC 5322 §3.6.4: In-Reply-To names the message answered, the shopper's latest if any.
    const answered =
      [...earlier].reverse().find((entry) => entry.author === "shopper")?.emailMessageId ??
      references.at(-1);
    const profile = await shopProfile(shop);
    const shopName = profile?.name ?? shop;
    const threadUrl = `https://${shop}/apps/aftercare/help/conversation?${new URLSearchParams({ t: shopperToken(conversation.id) })}`;
    const email = replyEmail({
      locale: conversation.locale,
      shopName,
      orderName: conversation.orderName,
      body: message.body,
      threadUrl,
    });
    try {
      await mailer.send({
        fromName: shopName,
        to: conversation.email,
        replyTo: replyAddress(conversation.id),
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: {
          "Message-ID": message.emailMessageId,
          ...(answered ? { "In-Reply-To": answered } : {}),
          ...(kept.length ? { References: kept.join(" ") } : {}),
          "X-Aftercare-Conversation": conversation.id,
        },
      });
    } catch (error) {
      if (error instanceof MailerNotConfigured) throw new PermanentJobError(error.message);
      throw error;
    }
    await db.supportConversationMessage.update({
      where: { id: message.id },
      data: { emailStatus: "sent" },
    });
  },
  async onFinalFailure({ shop, messageId }) {
    await db.supportConversationMessage.updateMany({
      where: { id: messageId, shopDomain: shop },
      data: { emailStatus: "failed" },
    });
  },
});

export const SUPPORT_JOBS = [sendReply];

export type InboundOutcome =
  | { status: 200; outcome: "added" | "duplicate" }
  | { status: 401; outcome: "badSignature" | "stale" | "replayed" | "notConfigured" }
  | { status: 406; outcome: "unknownRecipient" | "unknownSender" | "empty" | "tooMany" };

/** The fields of an inbound post that prove it is Mailgun's, read before any other. */
export type InboundSignature = Pick<InboundMail, "timestamp" | "token" | "signature">;

/** Mailgun's documented fields of an inbound route's POST (only those we read). */
export interface InboundMail {
  timestamp: string;
  token: string;
  signature: string;
  sender: string;
  recipient: string;
  bodyPlain: string;
  strippedText: string;
  messageId: string;
  inReplyTo: string;
  references: string;
  /** `attachment-1` … `attachment-N` (N = `attachment-count`), in the e-mail's order. */
  attachments: MailAttachment[];
  /** `attachment-count` when it names more files than were read. */
  attachmentCount: number;
}

/**
 * Mailgun's signature of a webhook or inbound post: hex HMAC-SHA256 of timestamp + token with the
 * account's HTTP webhook signing key (documentation.mailgun.com, "Securing Webhooks").
 */
export function mailgunSignature(key: string, timestamp: string, token: string) {
  return createHmac("sha256", key)
    .update(timestamp + token)
    .digest("hex");
}

/**
 * Checks a post is Mailgun's and new, before anything else is read from it: the signature, the
 * timestamp within INBOUND_MAX_SKEW_SECONDS, and the token never seen before (stored, so a
 * captured post replayed within the window is refused too).
 */
export async function verifyInbound(
  fields: InboundSignature,
  now = new Date(),
): Promise<InboundOutcome | null> {
  const key = config().MAILGUN_SIGNING_KEY;
  if (!key) return { status: 401, outcome: "notConfigured" };
  const { timestamp, token, signature } = fields;
  if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-zA-Z]{1,100}$/.test(token)) {
    return { status: 401, outcome: "badSignature" };
  }
  const expected = Buffer.from(mailgunSignature(key, timestamp, token));
  const given = Buffer.from(signature.slice(0, 64));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 401, outcome: "badSignature" };
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > INBOUND_MAX_SKEW_SECONDS) {
    return { status: 401, outcome: "stale" };
  }
  try {
    await db.supportInboundToken.create({ data: { token } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: 401, outcome: "replayed" };
    }
    throw error;
  }
  // Tokens older than the window can no longer pass the timestamp check.
  await db.supportInboundToken.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - 2 * INBOUND_MAX_SKEW_SECONDS * 1000) } },
  });
  return null;
}

/** The address inside "Name <address>" (or a bare address), lower-cased. */
function bareAddress(value: string) {
  return (/<([^>]*)>/.exec(value)?.[1] ?? value).trim().toLowerCase();
}

const MESSAGE_ID = /<[^<>\s]{1,250}>/g;

/**
 * A shopper's e-mail reply, verified: it joins the conversation its reply-to address names (or,
 * when a mail client answered our From instead, the one whose message it answers), only when it
 * comes from the conversation's own address. Mailgun does not retry a 406. The rest of the post
 * (its text, headers and files) is read only once the signature, timestamp and token pass.
 */
export async function receiveInboundMail(
  signed: InboundSignature,
  readMail: () => Omit<InboundMail, keyof InboundSignature>,
): Promise<InboundOutcome> {
  const refused = await verifyInbound(signed);
  if (refused) return refused;
  try {
    return await acceptInbound({ ...signed, ...readMail() });
  } catch (error) {
    // Mailgun retries what failed with the same token: it must not then be taken for a replay.
    await db.supportInboundToken.deleteMany({ where: { token: signed.token } });
    throw error;
  }
}

const REFUSAL_REASONS: Record<AttachmentError, string> = {
  notAnImage: "not a photo (JPEG, PNG, WebP or HEIC)",
  imageTooLarge: `larger than ${ATTACHMENT_LIMITS.maxBytes / (1024 * 1024)} MB`,
  tooManyImages: `past the ${ATTACHMENT_LIMITS.perMessage} photos a message keeps or the ${ATTACHMENT_LIMITS.perConversation} a conversation keeps`,
};

/** A file name as the shopper's mail client gave it, safe to show on one line. */
function shownFileName(name: string) {
  const cleaned = name
    .replace(/[^\P{Cc}]/gu, " ")
    .trim()
    .slice(0, 120);
  return cleaned ? `"${cleaned}"` : "(unnamed)";
}

/** The internal note telling the merchant which attachments of an e-mail were not kept, and why. */
export function refusedAttachmentsNote(refused: RefusedMailAttachment[], unread: number) {
  const total = refused.length + unread;
  if (total === 0) return null;
  const lines = refused.map(
    (entry) => `- ${shownFileName(entry.fileName)}: ${REFUSAL_REASONS[entry.reason]}`,
  );
  if (unread > 0) lines.push(`- ${unread} more, not looked at`);
  const count = total === 1 ? "1 attachment" : `${total} attachments`;
  return `${count} of the shopper's e-mail above ${total === 1 ? "was" : "were"} not kept (ask for them another way if needed):\n${lines.join("\n")}`;
}

async function acceptInbound(mail: InboundMail): Promise<InboundOutcome> {
  let conversationId = conversationFromAddress(mail.recipient);
  if (!conversationId) {
    const answered = [...`${mail.inReplyTo} ${mail.references}`.slice(0, 8000).matchAll(MESSAGE_ID)]
      .map((match) => match[0])
      .slice(-MAX_REFERENCES);
    const known = answered.length
      ? await db.supportConversationMessage.findFirst({
          where: { emailMessageId: { in: answered }, author: "merchant" },
          select: { conversationId: true },
        })
      : null;
    conversationId = known?.conversationId ?? null;
  }
  const conversation = conversationId
    ? await db.supportConversation.findUnique({ where: { id: conversationId } })
    : null;
  if (!conversation) return { status: 406, outcome: "unknownRecipient" };
  if (bareAddress(mail.sender) !== conversation.email) {
    log().warn({ conversationId: conversation.id }, "Inbound reply from another address refused");
    return { status: 406, outcome: "unknownSender" };
  }
  // Mailgun's stripped-text leaves out the quoted thread and the signature.
  const text = (mail.strippedText || mail.bodyPlain).slice(0, MAX_MESSAGE_CHARS);
  const hasFiles = mail.attachmentCount > 0;
  const checked = hasFiles && !text.trim() ? { ok: true as const, body: "" } : checkMessage(text);
  if (!checked.ok) return { status: 406, outcome: "empty" };
  const messageId =
    mail.messageId.match(MESSAGE_ID)?.[0] ??
    (mail.messageId ? `<${mail.messageId.slice(0, 250)}>` : undefined);
  const added = await addShopperMessage(
    conversation.id,
    conversation.shopDomain,
    checked.body,
    "email",
    messageId,
    {
      sort: async () => {
        const sorted = await sortMailAttachments(
          conversation.shopDomain,
          conversation.id,
          mail.attachments,
        );
        const unread = Math.max(0, mail.attachmentCount - mail.attachments.length);
        return { images: sorted.images, note: refusedAttachmentsNote(sorted.refused, unread) };
      },
    },
  );
  if (!added.ok) return { status: 406, outcome: "tooMany" };
  return { status: 200, outcome: added.duplicate ? "duplicate" : "added" };
}
