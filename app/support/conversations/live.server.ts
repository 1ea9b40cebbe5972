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

type Send = (event: string, data: unknown, id?: string) => void;

/**
 * A Server-Sent Events stream that follows a pub/sub channel: each nudge runs `onNudge` (one at a
 * time, so what each sends goes out in order), a comment every KEEPALIVE_SECONDS keeps proxies
 * from closing it, and `markPresent` runs on opening and with each keep-alive, so the reader
 * counts as present while the stream is open.
 */
function channelStream(options: {
  channel: string;
  signal: AbortSignal;
  markPresent: () => Promise<unknown>;
  onNudge: (send: Send, payload: string) => Promise<void> | void;
  /** Run `onNudge` once on opening, for what was written before the stream subscribed. */
  catchUpOnOpen?: boolean;
}): ReadableStream<Uint8Array> {
  let stop: (() => Promise<void>) | null = null;
  let keepAlive: ReturnType<typeof setInterval> | null = null;
  let handling = Promise.resolve();
  let closed = false;
  const release = () => {
    closed = true;
    if (keepAlive) clearInterval(keepAlive);
    void stop?.();
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: Send = (event, data, id) => {
        if (!closed) controller.enqueue(sseEvent(event, data, id));
      };
      const close = () => {
        if (closed) return;
        release();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const handle = (payload: string) => {
        handling = handling.then(() => (closed ? undefined : options.onNudge(send, payload)));
        handling.catch((error: unknown) => {
          log().warn({ err: error }, "live stream read failed");
          close();
        });
      };
      options.signal.addEventListener("abort", close);
      stop = await pubsub().subscribe(options.channel, handle);
      if (closed) return void stop();
      // A retry hint for EventSource.
      controller.enqueue(encoder.encode(`retry: 3000\n\n`));
      await options.markPresent();
      if (options.catchUpOnOpen) handle("");
      keepAlive = setInterval(() => {
        if (closed) return;
        controller.enqueue(encoder.encode(`: keep-alive\n\n`));
        void options.markPresent();
      }, KEEPALIVE_SECONDS * 1000);
    },
    cancel: release,
  });
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
  return channelStream({
    channel: conversationChannel(conversationId),
    signal,
    catchUpOnOpen: true,
    markPresent: () =>
      db.supportConversation
        .updateMany({
          where: { id: conversationId, shopDomain },
          data: { shopperSeenAt: new Date() },
        })
        .catch(() => {}),
    async onNudge(send) {
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
        cursor = message.createdAt;
        const live: LiveMessage = {
          id: message.id,
          author: message.author as LiveMessage["author"],
          body: message.body,
          at: message.createdAt.toISOString(),
        };
        send("message", live, String(message.createdAt.getTime()));
      }
    },
  });
}

/** A stream of the shop's inbox: the id of each conversation that changed, for the inbox to reload. */
export function inboxEvents(shopDomain: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  return channelStream({
    channel: inboxChannel(shopDomain),
    signal,
    markPresent: () =>
      db.supportChatSettings
        .updateMany({ where: { shopDomain }, data: { agentSeenAt: new Date() } })
        .catch(() => {}),
    onNudge(send, conversationId) {
      send("conversation", { id: conversationId });
    },
  });
}
