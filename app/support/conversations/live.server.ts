import { db } from "../../db.server";
import { log } from "../../platform/logging/logger.server";
import { pubsub } from "../../platform/pubsub/index.server";

/**
 * Live conversations: a message stored in a conversation nudges its channel, and the shop's inbox
 * channel; every web process's open streams of that channel read what is new from the database.
 * A nudge carries no text, so a missed one (a reconnect) loses nothing: the next read catches up.
 */
export const conversationChannel = (conversationId: string) =>
  `support:conversation:${conversationId}`;
export const inboxChannel = (shopDomain: string) => `support:inbox:${shopDomain}`;

/** Tells the conversation's open streams and the shop's inbox that something changed. */
export async function announce(shopDomain: string, conversationId: string) {
  const bus = pubsub();
  const results = await Promise.allSettled([
    bus.publish(conversationChannel(conversationId), "message"),
    bus.publish(inboxChannel(shopDomain), conversationId),
  ]);
  for (const result of results) {
    // The message is stored: a failed nudge only delays it until the next read.
    if (result.status === "rejected") log().warn({ err: result.reason }, "chat nudge failed");
  }
}

/** Between keep-alives: under the 30–60 s idle timeouts of common proxies and load balancers. */
export const KEEPALIVE_SECONDS = 25;

export interface LiveMessage {
  id: string;
  author: "shopper" | "merchant" | "assistant";
  body: string;
  at: string;
}

const encoder = new TextEncoder();

/** One Server-Sent Event; `data` is JSON, one line, so no newline inside can end it early. */
function sseEvent(event: string, data: unknown, id?: string) {
  return encoder.encode(
    `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
  );
}

/**
 * A Server-Sent Events stream of a conversation's messages after `since` (the Last-Event-ID a
 * reconnecting EventSource sends): the shopper's and the team's, never internal notes. While it is
 * open the shopper counts as present, so the team's replies come here rather than by e-mail.
 */
export function conversationEvents(
  shopDomain: string,
  conversationId: string,
  since: Date,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let cursor = since;
  let stop: (() => Promise<void>) | null = null;
  let keepAlive: ReturnType<typeof setInterval> | null = null;
  let reading = Promise.resolve();
  let closed = false;

  const markPresent = () =>
    db.supportConversation
      .updateMany({
        where: { id: conversationId, shopDomain },
        data: { shopperSeenAt: new Date() },
      })
      .catch(() => {});

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        if (keepAlive) clearInterval(keepAlive);
        void stop?.();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const readNew = () => {
        reading = reading.then(async () => {
          if (closed) return;
          const messages = await db.supportConversationMessage.findMany({
            where: {
              shopDomain,
              conversationId,
              author: { not: "note" },
              createdAt: { gt: cursor },
            },
            orderBy: { createdAt: "asc" },
            take: 100,
          });
          for (const message of messages) {
            if (closed) return;
            cursor = message.createdAt;
            const live: LiveMessage = {
              id: message.id,
              author: message.author as LiveMessage["author"],
              body: message.body,
              at: message.createdAt.toISOString(),
            };
            controller.enqueue(sseEvent("message", live, String(message.createdAt.getTime())));
          }
        });
        reading.catch((error: unknown) => {
          log().warn({ err: error }, "chat stream read failed");
          close();
        });
      };
      signal.addEventListener("abort", close);
      stop = await pubsub().subscribe(conversationChannel(conversationId), readNew);
      if (closed) return void stop();
      // A retry hint for EventSource, then whatever was written before the stream opened.
      controller.enqueue(encoder.encode(`retry: 3000\n\n`));
      await markPresent();
      readNew();
      keepAlive = setInterval(() => {
        if (closed) return;
        controller.enqueue(encoder.encode(`: keep-alive\n\n`));
        void markPresent();
      }, KEEPALIVE_SECONDS * 1000);
    },
    cancel() {
      closed = true;
      if (keepAlive) clearInterval(keepAlive);
      void stop?.();
    },
  });
}

/** A stream of the shop's inbox: the id of each conversation that changed, for the inbox to reload. */
export function inboxEvents(shopDomain: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  let stop: (() => Promise<void>) | null = null;
  let keepAlive: ReturnType<typeof setInterval> | null = null;
  let closed = false;
  const markAgentPresent = () =>
    db.supportChatSettings
      .updateMany({ where: { shopDomain }, data: { agentSeenAt: new Date() } })
      .catch(() => {});
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        if (keepAlive) clearInterval(keepAlive);
        void stop?.();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      signal.addEventListener("abort", close);
      stop = await pubsub().subscribe(inboxChannel(shopDomain), (conversationId) => {
        if (!closed) controller.enqueue(sseEvent("conversation", { id: conversationId }));
      });
      if (closed) return void stop();
      controller.enqueue(encoder.encode(`retry: 3000\n\n`));
      await markAgentPresent();
      keepAlive = setInterval(() => {
        if (closed) return;
        controller.enqueue(encoder.encode(`: keep-alive\n\n`));
        void markAgentPresent();
      }, KEEPALIVE_SECONDS * 1000);
    },
    cancel() {
      closed = true;
      if (keepAlive) clearInterval(keepAlive);
      void stop?.();
    },
  });
}
