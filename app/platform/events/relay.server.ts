import { z } from "zod";
import { db, sql } from "../../db.server";
import { jobs } from "../jobs/queue.server";
import { defineJob, type JobContext } from "../jobs/types";
import { log } from "../logging/logger.server";
import { EVENT_CATALOG, isEventType, type Aggregate, type DomainEvent } from "./catalog";
import type { Subscriber } from "./subscribers";

/**
 * The relay: after a commit (and every minute, for events whose wake-up was lost) it turns each
 * new outbox event into one delivery job per subscriber of its type, keyed by subscriber and
 * event so a second relay of the same event enqueues nothing. A delivery job handles, in
 * sequence order, every event of its aggregate the subscriber has not finished, one claim at a
 * time: an aggregate's events reach a subscriber in the order they were written.
 */

let subscribers: readonly Subscriber[] | undefined;

/** The app's subscribers (app/capabilities.server.ts), set where the workers start. */
export function useSubscribers(list: readonly Subscriber[]) {
  const names = new Set<string>();
  for (const subscriber of list) {
    if (names.has(subscriber.name)) throw new Error(`Two subscribers named ${subscriber.name}`);
    names.add(subscriber.name);
  }
  subscribers = list;
}

function registeredSubscribers(): readonly Subscriber[] {
  // Relaying without the list would stamp events relayed that nobody heard.
  if (!subscribers) throw new Error("The event relay runs where useSubscribers() was called");
  return subscribers;
}

const RELAY_BATCH = 500;
/** A claim this old belongs to a worker that is gone: another delivery job may take it over. */
const CLAIM_TIMEOUT_MS = 10 * 60_000;
const RETENTION_DAYS = 30;

export const relayEvents = defineJob({
  name: "events.relay",
  schema: z.object({}).passthrough(),
  cron: "* * * * *",
  retryLimit: 3,
  retryDelaySeconds: 2,
  concurrency: 1,
  async run() {
    await relayPending();
  },
});

/**
 * Wake-ups within one window of this length share one relay job, which starts at the window's end
 * and relays every commit of the window: a burst of commits (a sale's webhooks) costs one relay
 * run per window instead of one per commit, for at most this much added delay. A commit always
 * precedes its window's end on the clock that named the window; between machines whose clocks
 * disagree by more than a window, a late commit's events wait for the next wake-up or the
 * minute's sweep.
 */
const WAKE_WINDOW_MS = 100;

/**
 * Enqueues the relay; called after a transaction that emitted events has committed. Resolves to
 * the relay job's id, or null when the window already has one.
 */
export async function wakeRelay() {
  const window = Math.floor(Date.now() / WAKE_WINDOW_MS);
  return jobs.send(
    relayEvents,
    {},
    {
      idempotencyKey: `window:${window}`,
      startAfter: new Date((window + 1) * WAKE_WINDOW_MS),
    },
  );
}

/** Fans every unrelayed event out to its subscribers' delivery jobs; returns how many. */
export async function relayPending(): Promise<number> {
  const list = registeredSubscribers();
  let relayed = 0;
  for (;;) {
    const batch = await db.outboxEvent.findMany({
      where: { relayedAt: null },
      orderBy: { sequence: "asc" },
      take: RELAY_BATCH,
      select: {
        sequence: true,
        id: true,
        type: true,
        shopDomain: true,
        aggregate: true,
        aggregateId: true,
      },
    });
    if (!batch.length) return relayed;
    const deliveries = batch.flatMap((event) =>
      list
        .filter((subscriber) => (subscriber.events as readonly string[]).includes(event.type))
        .map((subscriber) => ({
          data: {
            shop: event.shopDomain,
            subscriber: subscriber.name,
            aggregate: event.aggregate,
            aggregateId: event.aggregateId,
            eventId: event.id,
          },
          options: { idempotencyKey: `${subscriber.name}:${event.id}` },
        })),
    );
    if (deliveries.length) await jobs.sendMany(deliverEvents, deliveries);
    await db.outboxEvent.updateMany({
      where: { sequence: { in: batch.map((event) => event.sequence) }, relayedAt: null },
      data: { relayedAt: new Date() },
    });
    relayed += batch.length;
    if (batch.length < RELAY_BATCH) return relayed;
  }
}

const DeliveryJob = z.object({
  shop: z.string(),
  subscriber: z.string(),
  aggregate: z.string(),
  aggregateId: z.string(),
  /** The event that caused this job; the job delivers its aggregate's earlier ones first. */
  eventId: z.string(),
});
type DeliveryJob = z.infer<typeof DeliveryJob>;

export const deliverEvents = defineJob({
  name: "events.deliver",
  schema: DeliveryJob,
  retryLimit: 5,
  retryDelaySeconds: 5,
  concurrency: 8,
  async run(job, context) {
    const subscriber = registeredSubscribers().find((entry) => entry.name === job.subscriber);
    if (!subscriber) {
      log().warn({ subscriber: job.subscriber }, "Event delivery for an unknown subscriber");
      return;
    }
    await deliverAggregate(subscriber, job, context);
  },
  async onFinalFailure(job) {
    // Park the event that kept failing, so the aggregate's later events are not held forever.
    const stuck = await db.outboxReceipt.findFirst({
      where: {
        subscriber: job.subscriber,
        state: "pending",
        event: { shopDomain: job.shop, aggregate: job.aggregate, aggregateId: job.aggregateId },
      },
      orderBy: { event: { sequence: "asc" } },
    });
    if (!stuck) return;
    await db.outboxReceipt.update({
      where: { subscriber_eventId: { subscriber: job.subscriber, eventId: stuck.eventId } },
      data: { state: "failed", finishedAt: new Date(), claimedBy: null },
    });
    log().error(
      { subscriber: job.subscriber, eventId: stuck.eventId, error: stuck.error },
      "An event's subscriber failed after its retries; the event is parked",
    );
    await jobs.send(deliverEvents, job, {
      idempotencyKey: `${job.subscriber}:${stuck.eventId}:after-failure`,
    });
  },
});

async function deliverAggregate(subscriber: Subscriber, job: DeliveryJob, context: JobContext) {
  for (;;) {
    const next = await db.outboxEvent.findFirst({
      where: {
        shopDomain: job.shop,
        aggregate: job.aggregate,
        aggregateId: job.aggregateId,
        type: { in: [...subscriber.events] },
        receipts: { none: { subscriber: subscriber.name, state: { in: ["done", "failed"] } } },
      },
      orderBy: { sequence: "asc" },
    });
    if (!next) return;
    // Another job holds this aggregate's earliest unfinished event; it goes on to the later ones.
    if (!(await claim(subscriber.name, next, context.jobId))) return;
    const key = { subscriber_eventId: { subscriber: subscriber.name, eventId: next.id } };
    try {
      await subscriber.handle(domainEvent(next));
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await db.outboxReceipt.update({
        where: key,
        data: { state: "pending", claimedBy: null, error: message.slice(0, 1000) },
      });
      throw error;
    }
    await sql.query(
      `UPDATE "OutboxReceipt" SET "state" = 'done', "finishedAt" = ?, "claimedBy" = NULL, "error" = NULL
       WHERE "subscriber" = ? AND "eventId" = ?`,
      [new Date(), subscriber.name, next.id],
    );
  }
}

async function claim(
  subscriber: string,
  event: { id: string; shopDomain: string },
  jobId: string,
): Promise<boolean> {
  // Raw statements: a receipt is claimed and finished for every event each subscriber handles.
  const created = await sql.query(
    `INSERT INTO "OutboxReceipt" ("subscriber", "eventId", "shopDomain", "state", "attempts", "claimedBy", "claimedAt")
     VALUES (?, ?, ?, 'claimed', 1, ?, ?)
     ON CONFLICT ("subscriber", "eventId") DO NOTHING
     RETURNING "eventId"`,
    [subscriber, event.id, event.shopDomain, jobId, new Date()],
  );
  if (created.length) return true;
  const taken = await db.outboxReceipt.updateMany({
    where: {
      subscriber,
      eventId: event.id,
      OR: [
        { state: "pending" },
        // This job's own earlier attempt, cut short (its worker died).
        { state: "claimed", claimedBy: jobId },
        { state: "claimed", claimedAt: { lt: new Date(Date.now() - CLAIM_TIMEOUT_MS) } },
      ],
    },
    data: {
      state: "claimed",
      claimedBy: jobId,
      claimedAt: new Date(),
      attempts: { increment: 1 },
    },
  });
  return taken.count > 0;
}

function domainEvent(row: {
  id: string;
  type: string;
  version: number;
  shopDomain: string;
  aggregate: string;
  aggregateId: string;
  occurredAt: Date;
  data: string;
}): DomainEvent {
  if (!isEventType(row.type)) throw new Error(`Unknown event type ${row.type}`);
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    shop: row.shopDomain,
    aggregate: row.aggregate as Aggregate,
    aggregateId: row.aggregateId,
    occurredAt: row.occurredAt,
    data: EVENT_CATALOG[row.type].data.parse(JSON.parse(row.data)),
  } as DomainEvent;
}

/** Deletes delivered events (and their receipts) after a month. */
export const pruneEvents = defineJob({
  name: "events.prune",
  schema: z.object({}).passthrough(),
  cron: "41 3 * * *",
  retryLimit: 1,
  concurrency: 1,
  async run() {
    const { count } = await db.outboxEvent.deleteMany({
      where: {
        relayedAt: { not: null },
        occurredAt: { lt: new Date(Date.now() - RETENTION_DAYS * 24 * 3_600_000) },
      },
    });
    log().info({ pruned: count }, "Pruned delivered domain events");
  },
});

export const EVENT_JOBS = [relayEvents, deliverEvents, pruneEvents];
