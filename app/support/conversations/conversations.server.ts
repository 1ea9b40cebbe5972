import { db } from "../../db.server";
import type { ShopperLocale } from "../../platform/i18n";
import { findShopperOrder } from "../../orders/index.server";
import { limitLookup } from "../../storefront/rate-limit.server";
import { trackByOrder } from "../../tracking/index.server";
import { CONVERSATION_STATUSES, type ConversationStatus } from "../statuses";
import type { AttachmentError, UploadedAttachment } from "./attachments.server";
import { orderContext, parseContext } from "./context.server";
import { announce } from "./live.server";
import { queueReplyEmail } from "./mail.server";
import {
  addShopperMessage,
  checkMessage,
  countMessage,
  MAX_MESSAGE_CHARS,
  type MessageError,
} from "./thread.server";
import { readShopperToken, shopperToken } from "./tokens.server";

/** A shopper who reads the thread within this many seconds gets replies there, not by e-mail. */
export const ONLINE_SECONDS = 120;

export type Author = "shopper" | "merchant" | "assistant" | "note";

/** The assistant's answers that offer a person; the first message of the transcript. */
export const HANDOFF_ANSWERS = [
  "human",
  "unsure",
  "changeAddressOpen",
  "changeAddressShipped",
  "cancelOpen",
] as const;
export type HandoffAnswer = (typeof HANDOFF_ANSWERS)[number];

export interface HandoffRequest {
  shopDomain: string;
  ip: string;
  locale: ShopperLocale;
  orderNumber: string;
  email: string;
  /** What the shopper asked the assistant, and the assistant's answer (plain text). */
  question: string;
  assistantAnswer: string;
  origin: HandoffAnswer;
  message: string;
}

export type HandoffResult =
  | { ok: true; conversationId: string; token: string; reopened: boolean }
  | { ok: false; error: MessageError | "notFound" | "missingFields"; retryAfterSeconds?: number };

/**
 * "Talk to a person": the order is found as the assistant found it (number + the order's email,
 * the shared lookup budget), and the shopper's message opens a conversation with the order's
 * context and the assistant's transcript. A shopper who already has an unclosed conversation
 * about the order adds to it instead of opening another.
 */
export async function openConversation(request: HandoffRequest): Promise<HandoffResult> {
  const checked = checkMessage(request.message);
  if (!checked.ok) return checked;
  const orderNumber = request.orderNumber.trim();
  const email = request.email.trim();
  if (!orderNumber || !email) return { ok: false, error: "missingFields" };
  if (/\p{Cc}/u.test(orderNumber + email + request.question)) {
    return { ok: false, error: "invalidText" };
  }
  const wait = await limitLookup(request.shopDomain, request.ip);
  if (wait !== null) return { ok: false, error: "tooMany", retryAfterSeconds: wait };
  const tracking = await trackByOrder(request.shopDomain, orderNumber, email);
  const order = tracking?.orderName
    ? await findShopperOrder(request.shopDomain, { orderNumber })
    : null;
  if (!tracking || !order?.email) return { ok: false, error: "notFound" };

  const existing = await db.supportConversation.findFirst({
    where: {
      shopDomain: request.shopDomain,
      orderShopifyId: order.shopifyId,
      email: order.email.toLowerCase(),
      status: { not: "closed" },
    },
    orderBy: { createdAt: "desc" },
  });
  if (existing) {
    const added = await addShopperMessage(
      existing.id,
      request.shopDomain,
      checked.body,
      "storefront",
    );
    if (!added.ok) {
      // A hand-off carries no images, so only the message budget can refuse it.
      if (added.error !== "tooMany") throw new Error(`Unexpected refusal: ${added.error}`);
      return added;
    }
    return {
      ok: true,
      conversationId: existing.id,
      token: shopperToken(existing.id),
      reopened: true,
    };
  }
  const context = await orderContext(
    request.shopDomain,
    order.shopifyId,
    order.customerShopifyId,
    tracking.shipments,
  );
  const conversation = await db.supportConversation.create({
    data: {
      shopDomain: request.shopDomain,
      orderShopifyId: order.shopifyId,
      orderName: order.name,
      customerShopifyId: order.customerShopifyId,
      email: order.email.toLowerCase(),
      locale: request.locale,
      origin: request.origin,
      context: JSON.stringify(context),
      messages: {
        create: [
          ...(request.question
            ? [
                {
                  shopDomain: request.shopDomain,
                  author: "shopper",
                  channel: "assistant",
                  body: request.question.slice(0, 1000),
                },
                {
                  shopDomain: request.shopDomain,
                  author: "assistant",
                  channel: "assistant",
                  body: request.assistantAnswer.slice(0, 2000),
                },
              ]
            : []),
          {
            shopDomain: request.shopDomain,
            author: "shopper",
            channel: "storefront",
            body: checked.body,
          },
        ].map((message, index) => ({ ...message, createdAt: new Date(Date.now() + index) })),
      },
    },
  });
  await countMessage(request.shopDomain, conversation.id);
  await announce(request.shopDomain, conversation.id);
  return {
    ok: true,
    conversationId: conversation.id,
    token: shopperToken(conversation.id),
    reopened: false,
  };
}

export interface ShopperThread {
  id: string;
  token: string;
  orderName: string;
  status: ConversationStatus;
  messages: {
    id: string;
    author: Exclude<Author, "note">;
    body: string;
    at: string;
    /** The ids of the images attached, served to whoever holds the conversation's token. */
    images: string[];
  }[];
}

/**
 * The thread as the shopper holding its token sees it, on this shop's storefront only (another
 * shop's token, a forged or expired one all give nothing); internal notes are never part of it.
 * Reading it marks the shopper as present, so a reply then reaches them here.
 */
export async function shopperThread(
  shopDomain: string,
  token: string | null,
): Promise<ShopperThread | null> {
  const id = readShopperToken(token);
  const thread = id ? await conversationThread(shopDomain, id) : null;
  return thread ? { ...thread, token: token! } : null;
}

/**
 * A conversation of this shop as its shopper sees it (never internal notes), for whoever already
 * proved they hold it (a link token, the chat widget's token); reading it marks them present.
 */
export async function conversationThread(
  shopDomain: string,
  id: string,
): Promise<Omit<ShopperThread, "token"> | null> {
  const conversation = await db.supportConversation.findFirst({
    where: { id, shopDomain },
    include: {
      messages: {
        where: { author: { not: "note" } },
        orderBy: { createdAt: "asc" },
        take: 200,
        include: { attachments: { select: { id: true }, orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!conversation) return null;
  await db.supportConversation.update({ where: { id }, data: { shopperSeenAt: new Date() } });
  return {
    id,
    orderName: conversation.orderName,
    status: conversation.status as ConversationStatus,
    messages: conversation.messages.map((message) => ({
      id: message.id,
      author: message.author as Exclude<Author, "note">,
      body: message.body,
      at: message.createdAt.toISOString(),
      images: message.attachments.map((attachment) => attachment.id),
    })),
  };
}

export type ShopperReplyResult =
  | { ok: true; thread: ShopperThread }
  | {
      ok: false;
      error: MessageError | AttachmentError | "notFound";
      retryAfterSeconds?: number;
    };

/** A shopper's reply on the storefront thread, with the images they attached. */
export async function shopperReply(
  shopDomain: string,
  token: string | null,
  text: string | null,
  uploads: UploadedAttachment[] = [],
): Promise<ShopperReplyResult> {
  const id = readShopperToken(token);
  const posted = id
    ? await postShopperMessage(shopDomain, id, text, uploads)
    : ({ ok: false, error: "notFound" } as const);
  if (!posted.ok) return posted;
  const thread = await shopperThread(shopDomain, token);
  return thread ? { ok: true, thread } : { ok: false, error: "notFound" };
}

/**
 * A shopper's message in a conversation of this shop they proved they hold: text, images, or
 * both (a picture may say it all).
 */
export async function postShopperMessage(
  shopDomain: string,
  id: string,
  text: string | null,
  uploads: UploadedAttachment[] = [],
): Promise<
  | { ok: true }
  | { ok: false; error: MessageError | AttachmentError | "notFound"; retryAfterSeconds?: number }
> {
  const conversation = await db.supportConversation.findFirst({
    where: { id, shopDomain },
    select: { id: true },
  });
  if (!conversation) return { ok: false, error: "notFound" };
  const checked =
    uploads.length > 0 && !text?.trim() ? { ok: true as const, body: "" } : checkMessage(text);
  if (!checked.ok) return checked;
  const added = await addShopperMessage(
    conversation.id,
    shopDomain,
    checked.body,
    "storefront",
    undefined,
    uploads,
  );
  return added.ok ? { ok: true } : added;
}

// The admin side.

export interface InboxFilter {
  status: ConversationStatus | null;
  assignee: string | null;
}

export function parseInboxFilter(search: URLSearchParams): InboxFilter {
  const status = search.get("status");
  return {
    status: CONVERSATION_STATUSES.includes(status as ConversationStatus)
      ? (status as ConversationStatus)
      : null,
    assignee: search.get("assignee")?.trim().slice(0, 100) || null,
  };
}

export async function listConversations(shopDomain: string, filter: InboxFilter) {
  const [conversations, assignees] = await Promise.all([
    db.supportConversation.findMany({
      where: {
        shopDomain,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.assignee ? { assignee: filter.assignee } : {}),
      },
      orderBy: { lastMessageAt: "desc" },
      take: 100,
      include: {
        messages: { where: { author: { not: "note" } }, orderBy: { createdAt: "desc" }, take: 1 },
      },
    }),
    db.supportConversation.findMany({
      where: { shopDomain, assignee: { not: null } },
      distinct: ["assignee"],
      select: { assignee: true },
    }),
  ]);
  return {
    assignees: assignees.map((row) => row.assignee!).sort(),
    conversations: conversations.map((conversation) => ({
      id: conversation.id,
      orderName: conversation.orderName,
      email: conversation.email,
      status: conversation.status as ConversationStatus,
      assignee: conversation.assignee,
      lastMessageAt: conversation.lastMessageAt.toISOString(),
      createdAt: conversation.createdAt.toISOString(),
      firstResponseAt: conversation.firstResponseAt?.toISOString() ?? null,
      preview: conversation.messages[0]?.body.slice(0, 140) ?? "",
      waiting: conversation.messages[0]?.author === "shopper",
    })),
  };
}

export async function conversationDetail(shopDomain: string, id: string) {
  const conversation = await db.supportConversation.findFirst({
    where: { id, shopDomain },
    include: {
      messages: {
        orderBy: { createdAt: "asc" },
        include: { attachments: { select: { id: true }, orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!conversation) return null;
  const savedReplies = await db.supportSavedReply.findMany({
    where: { shopDomain },
    orderBy: { title: "asc" },
    select: { id: true, title: true, body: true },
  });
  return {
    id: conversation.id,
    orderName: conversation.orderName,
    orderShopifyId: conversation.orderShopifyId,
    customerShopifyId: conversation.customerShopifyId,
    email: conversation.email,
    locale: conversation.locale,
    status: conversation.status as ConversationStatus,
    assignee: conversation.assignee,
    createdAt: conversation.createdAt.toISOString(),
    firstResponseAt: conversation.firstResponseAt?.toISOString() ?? null,
    closedAt: conversation.closedAt?.toISOString() ?? null,
    shopperOnline: isOnline(conversation.shopperSeenAt),
    context: parseContext(conversation.context),
    messages: conversation.messages.map((message) => ({
      id: message.id,
      author: message.author as Author,
      channel: message.channel,
      body: message.body,
      emailStatus: message.emailStatus,
      at: message.createdAt.toISOString(),
      images: message.attachments.map((attachment) => attachment.id),
    })),
    savedReplies,
  };
}
export type ConversationDetail = NonNullable<Awaited<ReturnType<typeof conversationDetail>>>;

function isOnline(seenAt: Date | null, now = new Date()) {
  return seenAt !== null && now.getTime() - seenAt.getTime() <= ONLINE_SECONDS * 1000;
}

/**
 * The values a saved reply's {{variables}} take for this conversation. A variable the
 * conversation has no value for (no parcel yet for {{tracking_url}}) is left out, so the merchant
 * is told instead of the shopper receiving an empty link.
 */
export function replyVariables(conversation: {
  shopDomain: string;
  orderName: string;
  context: string;
}): Record<string, string> {
  const context = parseContext(conversation.context);
  const storefront = `https://${conversation.shopDomain}/apps/aftercare`;
  const trackingUrl =
    context?.shipments.find((shipment) => !shipment.deliveredAt)?.trackingUrl ??
    context?.shipments[0]?.trackingUrl;
  return {
    order_name: conversation.orderName,
    return_link: `${storefront}/returns?${new URLSearchParams({ order: conversation.orderName })}`,
    ...(trackingUrl ? { tracking_url: trackingUrl } : {}),
  };
}

export const VARIABLE = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The text with its {{variables}} filled, or the names that have no value here. */
export function fillVariables(
  text: string,
  values: Record<string, string>,
): { ok: true; text: string } | { ok: false; missing: string[] } {
  const missing = [...text.matchAll(VARIABLE)]
    .map((match) => match[1]!)
    .filter((name) => !Object.hasOwn(values, name));
  if (missing.length) return { ok: false, missing: [...new Set(missing)] };
  return { ok: true, text: text.replace(VARIABLE, (_all, name: string) => values[name]!) };
}

export type MerchantActionResult =
  | { ok: true; delivered?: "storefront" | "email" | "notConfigured" }
  | { ok: false; error: "notFound" | MessageError | "unknownVariables"; missing?: string[] };

/**
 * The merchant's reply: variables filled, the first one starts nothing but stops the timer to
 * first response, the conversation waits on the shopper (pending). A shopper reading the thread
 * right now sees it there; otherwise it goes by e-mail, threaded with the conversation's mail.
 */
export async function replyToShopper(
  shopDomain: string,
  id: string,
  text: string,
): Promise<MerchantActionResult> {
  const conversation = await db.supportConversation.findFirst({ where: { id, shopDomain } });
  if (!conversation) return { ok: false, error: "notFound" };
  const checked = checkMessage(text);
  if (!checked.ok) return checked;
  const filled = fillVariables(checked.body, replyVariables(conversation));
  if (!filled.ok) return { ok: false, error: "unknownVariables", missing: filled.missing };
  if (filled.text.length > MAX_MESSAGE_CHARS) return { ok: false, error: "tooLong" };
  const now = new Date();
  const online = isOnline(conversation.shopperSeenAt, now);
  const message = await db.$transaction(async (tx) => {
    const created = await tx.supportConversationMessage.create({
      data: {
        shopDomain,
        conversationId: id,
        author: "merchant",
        channel: "admin",
        body: filled.text,
        emailStatus: online ? "none" : "queued",
      },
    });
    await tx.supportConversation.update({
      where: { id },
      data: {
        status: "pending",
        closedAt: null,
        lastMessageAt: now,
        firstResponseAt: conversation.firstResponseAt ?? now,
      },
    });
    return created;
  });
  await announce(shopDomain, id);
  if (online) return { ok: true, delivered: "storefront" };
  return { ok: true, delivered: await queueReplyEmail(shopDomain, message.id) };
}

export async function addNote(
  shopDomain: string,
  id: string,
  text: string,
): Promise<MerchantActionResult> {
  const conversation = await db.supportConversation.findFirst({
    where: { id, shopDomain },
    select: { id: true },
  });
  if (!conversation) return { ok: false, error: "notFound" };
  const checked = checkMessage(text);
  if (!checked.ok) return checked;
  await db.supportConversationMessage.create({
    data: { shopDomain, conversationId: id, author: "note", channel: "admin", body: checked.body },
  });
  return { ok: true };
}

export async function updateConversation(
  shopDomain: string,
  id: string,
  change: { status?: ConversationStatus; assignee?: string | null },
): Promise<MerchantActionResult> {
  const conversation = await db.supportConversation.findFirst({ where: { id, shopDomain } });
  if (!conversation) return { ok: false, error: "notFound" };
  const status = change.status ?? conversation.status;
  await db.supportConversation.update({
    where: { id },
    data: {
      status,
      closedAt: status === "closed" ? (conversation.closedAt ?? new Date()) : null,
      ...(change.assignee !== undefined
        ? { assignee: change.assignee?.trim().slice(0, 100) || null }
        : {}),
    },
  });
  return { ok: true };
}

export async function listSavedReplies(shopDomain: string) {
  return db.supportSavedReply.findMany({ where: { shopDomain }, orderBy: { title: "asc" } });
}

export type SavedReplyResult =
  | { ok: true }
  | {
      ok: false;
      error: "missingTitle" | "duplicateTitle" | "unknownVariables" | MessageError;
      missing?: string[];
    };

const KNOWN_VARIABLES = ["order_name", "return_link", "tracking_url"];

export async function saveReply(
  shopDomain: string,
  input: { id?: string | null; title: string; body: string },
): Promise<SavedReplyResult> {
  const title = input.title.trim().slice(0, 100);
  if (!title) return { ok: false, error: "missingTitle" };
  const checked = checkMessage(input.body);
  if (!checked.ok) return checked;
  const filled = fillVariables(
    checked.body,
    Object.fromEntries(KNOWN_VARIABLES.map((name) => [name, ""])),
  );
  if (!filled.ok) return { ok: false, error: "unknownVariables", missing: filled.missing };
  const clash = await db.supportSavedReply.findFirst({
    where: { shopDomain, title, ...(input.id ? { id: { not: input.id } } : {}) },
  });
  if (clash) return { ok: false, error: "duplicateTitle" };
  if (input.id) {
    await db.supportSavedReply.updateMany({
      where: { id: input.id, shopDomain },
      data: { title, body: checked.body },
    });
  } else {
    await db.supportSavedReply.create({ data: { shopDomain, title, body: checked.body } });
  }
  return { ok: true };
}

export async function deleteSavedReply(shopDomain: string, id: string) {
  await db.supportSavedReply.deleteMany({ where: { id, shopDomain } });
}

/** The shopper's conversations for the customer record's timeline. */
/** Ids per query: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ORDERS_PER_QUERY = 500;

/** When shoppers asked a person about these orders: an experiment's support-contact outcome. */
export async function conversationsOfOrders(shopDomain: string, orderShopifyIds: string[]) {
  const conversations = [];
  for (let start = 0; start < orderShopifyIds.length; start += ORDERS_PER_QUERY) {
    conversations.push(
      ...(await db.supportConversation.findMany({
        where: {
          shopDomain,
          orderShopifyId: { in: orderShopifyIds.slice(start, start + ORDERS_PER_QUERY) },
        },
        select: { orderShopifyId: true, createdAt: true },
      })),
    );
  }
  return conversations;
}

export async function customerConversations(
  shopDomain: string,
  customerShopifyId: string,
  orderIds: string[],
) {
  return db.supportConversation.findMany({
    where: {
      shopDomain,
      OR: [{ customerShopifyId }, { orderShopifyId: { in: orderIds } }],
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      orderName: true,
      status: true,
      createdAt: true,
      firstResponseAt: true,
      closedAt: true,
    },
  });
}
