import { renderToStaticMarkup } from "react-dom/server";
import { z } from "zod";
import { config } from "../../config.server";
import { db } from "../../db.server";
import { negotiateLocale, type ShopperLocale } from "../../platform/i18n";
import { getShop, getShopSettings } from "../../shops/index.server";
import { shopperBudget } from "../../storefront/rate-limit.server";
import {
  ASSISTANT_ERROR_STATUS,
  askAssistant,
  MAX_QUESTION_CHARS,
} from "../assistant/answer.server";
import { Answer, handoffAnswer } from "../assistant/AssistantSection";
import { assistantTranslator } from "../assistant/messages";
import {
  conversationThread,
  HANDOFF_ANSWERS,
  openConversation,
  postShopperMessage,
} from "../conversations/conversations.server";
import { conversationTranslator } from "../conversations/messages";
import { BODY_LIMITS } from "../../platform/http/body.server";
import { formImages, type UploadedAttachment } from "../conversations/attachments.server";
import { chatToken, readChatToken } from "../conversations/tokens.server";
import { MAX_MESSAGE_CHARS } from "../conversations/thread.server";
import { isOpen, parseHours } from "./hours";
import { chatTranslator } from "./messages";

/**
 * The storefront chat widget's server side (theme app embed → App Proxy /apps/aftercare/chat):
 * the assistant's deterministic answers, "talk to a person", the shopper's messages, and the
 * address of the live stream on the app's own origin with a token naming shop and conversation.
 */

/** One chat request: a question of 500 characters or a message of 5,000, with the order's fields. */
export const MAX_CHAT_BYTES = 32 * 1024;
/** A merchant who had the inbox open this recently is shown as present. */
export const AGENT_PRESENT_SECONDS = 90;

export interface ChatContext {
  shopDomain: string;
  ip: string;
  acceptLanguage: string | null;
  /** The storefront path Shopify proxied from, e.g. /apps/aftercare (links in answers). */
  pathPrefix: string;
}

export interface ChatResponse {
  status: 200 | 400 | 404 | 429;
  json: Record<string, unknown>;
  retryAfterSeconds?: number;
}

const order = { order: z.string().max(100), email: z.string().max(300) };
const ChatRequest = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("status"), locale: z.string().max(20).optional() }),
  z.object({
    intent: z.literal("ask"),
    locale: z.string().max(20).optional(),
    ...order,
    question: z.string().max(2000),
  }),
  z.object({
    intent: z.literal("contact"),
    locale: z.string().max(20).optional(),
    ...order,
    question: z.string().max(2000).default(""),
    answer: z.string().max(40).optional(),
    message: z.string().max(MAX_MESSAGE_CHARS * 2),
  }),
  z.object({
    intent: z.literal("send"),
    locale: z.string().max(20).optional(),
    token: z.string().max(400),
    message: z.string().max(MAX_MESSAGE_CHARS * 2),
  }),
  z.object({
    intent: z.literal("thread"),
    locale: z.string().max(20).optional(),
    token: z.string().max(400),
  }),
]);

/** Requests per address per minute on the chat endpoint: a person types far fewer. */
const requestBudget = shopperBudget({ name: "chat-request", perClient: 60 });

export type Presence = "online" | "away" | "closed";

/** Whether the team is at work (business hours, shop's zone) and someone has the inbox open. */
export async function chatPresence(shopDomain: string, now = new Date()): Promise<Presence> {
  const [shop, settings] = await Promise.all([
    getShop(shopDomain),
    db.supportChatSettings.findUnique({ where: { shopDomain } }),
  ]);
  if (!isOpen(parseHours(settings?.businessHours), shop?.ianaTimezone ?? "UTC", now)) {
    return "closed";
  }
  const seen = settings?.agentSeenAt?.getTime() ?? 0;
  return now.getTime() - seen <= AGENT_PRESENT_SECONDS * 1000 ? "online" : "away";
}

function streamUrl(token: string) {
  return `${config().appUrl}/chat/stream?${new URLSearchParams({ token })}`;
}

/**
 * How much of a chat request to read: a message with up to three photos (multipart) only when
 * the address already carries a live chat token of this shop (`?c=`, checked before a byte is
 * read); the JSON request's limit otherwise.
 */
export function chatBodyLimit(request: Request, shopDomain: string) {
  const multipart = /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");
  const held = readChatToken(new URL(request.url).searchParams.get("c"));
  return multipart && held?.shopDomain === shopDomain ? BODY_LIMITS.supportUpload : MAX_CHAT_BYTES;
}

/** A multipart chat request: the JSON request in its `request` field, and the photos. */
export async function chatForm(form: FormData) {
  const raw = form.get("request");
  return { raw: typeof raw === "string" ? raw : "", uploads: await formImages(form) };
}

export async function chatRequest(
  context: ChatContext,
  raw: string,
  uploads: UploadedAttachment[] = [],
): Promise<ChatResponse> {
  let parsed: z.infer<typeof ChatRequest>;
  try {
    parsed = ChatRequest.parse(JSON.parse(raw));
  } catch {
    const t = chatTranslator(negotiateLocale([], context.acceptLanguage));
    return { status: 400, json: { error: "badRequest", message: t("badRequest") } };
  }
  const locale = negotiateLocale([parsed.locale], context.acceptLanguage);
  const wait = await requestBudget.consume(context.shopDomain, context.ip);
  if (wait !== null) {
    return {
      status: 429,
      retryAfterSeconds: wait,
      json: {
        error: "tooMany",
        message: chatTranslator(locale)("tooManyRequests", { seconds: wait }),
      },
    };
  }
  switch (parsed.intent) {
    case "status": {
      const presence = await chatPresence(context.shopDomain);
      return { status: 200, json: { presence, notice: chatTranslator(locale)(presence) } };
    }
    case "ask":
      return ask(context, locale, parsed);
    case "contact":
      return contact(context, locale, parsed);
    case "send":
    case "thread":
      return inConversation(context, locale, parsed, uploads);
  }
}

async function ask(
  context: ChatContext,
  locale: ShopperLocale,
  input: { order: string; email: string; question: string },
): Promise<ChatResponse> {
  const t = assistantTranslator(locale);
  const result = await askAssistant({
    shopDomain: context.shopDomain,
    ip: context.ip,
    locale,
    orderNumber: input.order,
    email: input.email,
    question: input.question,
  });
  if (!result.ok) {
    return {
      status: ASSISTANT_ERROR_STATUS[result.error],
      retryAfterSeconds: result.retryAfterSeconds,
      json: {
        error: result.error,
        message: t(result.error, { seconds: result.retryAfterSeconds ?? 0 }),
      },
    };
  }
  const { supportEmail } = await getShopSettings(context.shopDomain);
  // React escapes every value; the widget inserts this markup as is and shopper text never.
  const answerHtml = renderToStaticMarkup(
    <Answer
      answer={result.answer}
      locale={locale}
      t={t}
      supportEmail={supportEmail}
      linkBase={`${context.pathPrefix}/`}
    />,
  );
  return {
    status: 200,
    json: {
      intent: result.intent,
      answerHtml,
      // Every answer offers a person; this names why, for the conversation's transcript.
      handoff: handoffAnswer(result.answer) ?? "human",
    },
  };
}

const CONVERSATION_STATUS = {
  ...ASSISTANT_ERROR_STATUS,
  empty: 400,
  tooLong: 400,
  notAnImage: 400,
  imageTooLarge: 400,
  tooManyImages: 400,
} as const;

async function contact(
  context: ChatContext,
  locale: ShopperLocale,
  input: { order: string; email: string; question: string; answer?: string; message: string },
): Promise<ChatResponse> {
  const answer = HANDOFF_ANSWERS.find((key) => key === input.answer) ?? "human";
  const question = input.question
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
  const result = await openConversation({
    shopDomain: context.shopDomain,
    ip: context.ip,
    locale,
    orderNumber: input.order.slice(0, 100),
    email: input.email.slice(0, 300),
    question,
    assistantAnswer: assistantTranslator(locale)(answer, { order: input.order }).replace(
      /\s*:\s*$/,
      ".",
    ),
    origin: answer,
    message: input.message,
  });
  if (!result.ok && result.error === "notFound") {
    // The assistant's words: the same for a wrong e-mail and no such order.
    return {
      status: 404,
      json: { error: "notFound", message: assistantTranslator(locale)("notFound") },
    };
  }
  if (!result.ok) return refusal(locale, result);
  return conversationAnswer(context, locale, result.conversationId);
}

async function inConversation(
  context: ChatContext,
  locale: ShopperLocale,
  input: { intent: "send" | "thread"; token: string; message?: string },
  uploads: UploadedAttachment[],
): Promise<ChatResponse> {
  const held = readChatToken(input.token);
  // Another shop's token is the same as none: nothing says the conversation exists.
  if (!held || held.shopDomain !== context.shopDomain) {
    return refusal(locale, { error: "notFound" });
  }
  if (input.intent === "send") {
    const posted = await postShopperMessage(
      context.shopDomain,
      held.conversationId,
      input.message ?? null,
      uploads,
    );
    if (!posted.ok) return refusal(locale, posted);
  }
  return conversationAnswer(context, locale, held.conversationId);
}

async function conversationAnswer(
  context: ChatContext,
  locale: ShopperLocale,
  conversationId: string,
): Promise<ChatResponse> {
  const [thread, presence] = await Promise.all([
    conversationThread(context.shopDomain, conversationId),
    chatPresence(context.shopDomain),
  ]);
  if (!thread) return refusal(locale, { error: "notFound" });
  const token = chatToken(context.shopDomain, conversationId);
  return {
    status: 200,
    json: {
      token,
      stream: streamUrl(token),
      presence,
      notice: chatTranslator(locale)(presence),
      orderName: thread.orderName,
      messages: thread.messages,
      // A message's images: this base, the image's id, then ?c= and the chat token.
      imageBase: `${context.pathPrefix}/help/conversation/attachments/`,
    },
  };
}

function refusal(
  locale: ShopperLocale,
  result: { error: keyof typeof CONVERSATION_STATUS; retryAfterSeconds?: number },
): ChatResponse {
  const message =
    result.error === "notFound"
      ? chatTranslator(locale)("conversationGone")
      : result.error === "questionTooLong"
        ? assistantTranslator(locale)(result.error)
        : conversationTranslator(locale)(result.error, { seconds: result.retryAfterSeconds ?? 0 });
  return {
    status: CONVERSATION_STATUS[result.error],
    retryAfterSeconds: result.retryAfterSeconds,
    json: { error: result.error, message },
  };
}
