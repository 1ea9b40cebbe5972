import { config } from "../../config.server";
import { db } from "../../db.server";
import { shopperBudget } from "../../storefront/rate-limit.server";
import { conversationEvents, inboxEvents } from "../conversations/live.server";
import { readChatToken } from "../conversations/tokens.server";

/**
 * The live stream of a conversation, on the app's own origin: Shopify's App Proxy answers a
 * request once, it does not hold a stream open. The chat token names shop and conversation; the
 * browser may read the stream from the shop's storefront origins only (CORS).
 */

/** Stream openings per address per minute: EventSource reconnects every few seconds at most. */
const openBudget = shopperBudget({ name: "chat-stream", perClient: 30 });
/** Streams of one conversation open in this process at once: a few tabs, not a crowd. */
export const MAX_STREAMS_PER_CONVERSATION = 4;
const openStreams = new Map<string, number>();

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/i;

/** The origins a shop's storefront is served from: its myshopify domain and those it listed. */
export async function storefrontOrigins(shopDomain: string): Promise<string[]> {
  const settings = await db.supportChatSettings.findUnique({
    where: { shopDomain },
    select: { storefrontOrigins: true },
  });
  const listed = (settings?.storefrontOrigins ?? "")
    .split(/\s+/)
    .map((origin) => origin.trim().replace(/\/$/, "").toLowerCase())
    .filter((origin) => ORIGIN.test(origin));
  const template = config().SHOPIFY_SHOP_ORIGIN;
  // The stand-in plays every shop's storefront on its own origin (demo and tests only).
  const standin = template ? [new URL(template.replace("{shop}", shopDomain)).origin] : [];
  return [`https://${shopDomain}`, ...listed, ...standin];
}

export type StreamResponse =
  | { status: 200; body: ReadableStream<Uint8Array>; headers: Record<string, string> }
  | { status: 403 | 404 | 429; headers: Record<string, string>; retryAfterSeconds?: number };

export async function openConversationStream(input: {
  token: string | null;
  origin: string | null;
  ip: string;
  lastEventId: string | null;
  signal: AbortSignal;
}): Promise<StreamResponse> {
  const held = readChatToken(input.token);
  if (!held) return { status: 404, headers: {} };
  const allowed = await storefrontOrigins(held.shopDomain);
  const cors: Record<string, string> =
    input.origin && allowed.includes(input.origin.toLowerCase())
      ? { "Access-Control-Allow-Origin": input.origin, Vary: "Origin" }
      : { Vary: "Origin" };
  // A page on another site may not open the stream, even with a leaked token.
  if (input.origin && !cors["Access-Control-Allow-Origin"]) return { status: 403, headers: cors };
  const wait = await openBudget.consume(held.shopDomain, input.ip);
  if (wait !== null) return { status: 429, headers: cors, retryAfterSeconds: wait };
  const conversation = await db.supportConversation.findFirst({
    where: { id: held.conversationId, shopDomain: held.shopDomain },
    select: { id: true, createdAt: true },
  });
  if (!conversation) return { status: 404, headers: cors };
  const open = openStreams.get(conversation.id) ?? 0;
  if (open >= MAX_STREAMS_PER_CONVERSATION) {
    return { status: 429, headers: cors, retryAfterSeconds: 10 };
  }
  openStreams.set(conversation.id, open + 1);
  input.signal.addEventListener("abort", () => {
    const left = (openStreams.get(conversation.id) ?? 1) - 1;
    if (left > 0) openStreams.set(conversation.id, left);
    else openStreams.delete(conversation.id);
  });
  const lastSeen = Number(input.lastEventId);
  const since =
    Number.isSafeInteger(lastSeen) && lastSeen > conversation.createdAt.getTime()
      ? new Date(lastSeen)
      : new Date();
  return {
    status: 200,
    body: conversationEvents(held.shopDomain, conversation.id, since, input.signal),
    headers: { ...cors, ...SSE_HEADERS },
  };
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store",
  // Nginx and similar proxies would otherwise hold events back to fill a buffer.
  "X-Accel-Buffering": "no",
};

/** The merchant's inbox, live: the admin page reloads its data when a conversation changes. */
export function openInboxStream(shopDomain: string, signal: AbortSignal) {
  return { body: inboxEvents(shopDomain, signal), headers: SSE_HEADERS };
}
