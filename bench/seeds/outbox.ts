/**
 * The outbox bench's work, in one process on DATABASE_URL (a fresh database). Prints one JSON line.
 *
 * 1. Emit cost: a change alone (one row written in a transaction) against the same change with
 *    its event written by `emit(tx, …)`, each timed over BENCH_OUTBOX_CHANGES transactions.
 * 2. Delivery: BENCH_OUTBOX_EVENTS events over BENCH_OUTBOX_AGGREGATES shipments, committed, then
 *    the relay and the delivery jobs run in this process until the subscriber has handled every
 *    one (in order per aggregate, with receipts). The floor is the least the same answer needs:
 *    one job per event through the same queue to the same handler, with no relay and no receipts.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../../app/db.server";
import { emit, transaction } from "../../app/platform/events/outbox.server";
import { EVENT_JOBS, useSubscribers, wakeRelay } from "../../app/platform/events/relay.server";
import { defineSubscriber } from "../../app/platform/events/subscribers";
import { jobs } from "../../app/platform/jobs/queue.server";
import { defineJob, type JobDefinition } from "../../app/platform/jobs/types";
import { statusEvent } from "../../app/platform/events/outbox-child.testing";

const CHANGES = Number(process.env.BENCH_OUTBOX_CHANGES ?? 500);
const EVENTS = Number(process.env.BENCH_OUTBOX_EVENTS ?? 2_000);
const AGGREGATES = Number(process.env.BENCH_OUTBOX_AGGREGATES ?? 200);
const shop = "bench-outbox.myshopify.com";

function percentile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

async function change(withEvent: boolean) {
  await transaction(async (tx) => {
    const id = randomUUID();
    // The change: a row of the shop's own data, as a handler writes one.
    await tx.webhookDelivery.create({
      data: {
        webhookId: id,
        shopDomain: shop,
        topic: "bench/change",
        status: "processed",
        payload: null,
        triggeredAt: new Date(),
      },
    });
    if (withEvent) await emit(tx, statusEvent(shop, id, 1));
  });
}

/** Both kinds of change, alternated so that neither gets a warmer cache or a quieter machine. */
async function timedChanges() {
  const times = { plain: [] as number[], withEvent: [] as number[] };
  for (let i = 0; i < CHANGES * 2; i++) {
    const withEvent = i % 2 === 1;
    const started = performance.now();
    await change(withEvent);
    (withEvent ? times.withEvent : times.plain).push(performance.now() - started);
  }
  const summary = (ms: number[]) => ({ p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) });
  return { plainChange: summary(times.plain), changeWithEvent: summary(times.withEvent) };
}

let handled = 0;
let allHandled: () => void = () => undefined;
function count() {
  handled += 1;
  if (handled === EVENTS) allHandled();
}
const finished = () => new Promise<void>((resolve) => (allHandled = resolve));

const { plainChange, changeWithEvent } = await timedChanges();
// The emit test's events are not part of the delivery run.
await db.outboxEvent.updateMany({ data: { relayedAt: new Date() } });

const aggregates = Array.from({ length: AGGREGATES }, () => randomUUID());
for (let step = 0; step < EVENTS / AGGREGATES; step++) {
  await Promise.all(
    aggregates.map((aggregateId) =>
      db.outboxEvent.create({
        data: {
          shopDomain: shop,
          type: "shipment.status_changed",
          version: 1,
          aggregate: "shipment",
          aggregateId,
          data: JSON.stringify(statusEvent(shop, aggregateId, step + 1).data),
        },
      }),
    ),
  );
}
useSubscribers([
  defineSubscriber({
    name: "bench.counter",
    events: ["shipment.status_changed"],
    async handle() {
      count();
    },
  }),
]);
let done = finished();
let started = performance.now();
await jobs.start(EVENT_JOBS as JobDefinition<never>[], { work: true });
await wakeRelay();
await done;
const outboxSeconds = (performance.now() - started) / 1000;
await jobs.stop();

const noop = defineJob({
  name: "bench.noop",
  schema: z.object({ aggregateId: z.string(), step: z.number() }),
  retryLimit: 1,
  concurrency: 8,
  async run() {
    count();
  },
});
handled = 0;
done = finished();
started = performance.now();
await jobs.start([noop] as JobDefinition<never>[], { work: true });
const perEvent = aggregates.flatMap((aggregateId) =>
  Array.from({ length: EVENTS / AGGREGATES }, (_, step) => ({ data: { aggregateId, step } })),
);
for (let i = 0; i < perEvent.length; i += 500)
  await jobs.sendMany(noop, perEvent.slice(i, i + 500));
await done;
const floorSeconds = (performance.now() - started) / 1000;
await jobs.stop();
await db.$disconnect();

console.log(
  JSON.stringify({
    changes: CHANGES,
    events: EVENTS,
    aggregates: AGGREGATES,
    plainChange,
    changeWithEvent,
    outbox: { seconds: outboxSeconds, perSecond: EVENTS / outboxSeconds },
    floor: { seconds: floorSeconds, perSecond: EVENTS / floorSeconds },
  }),
);
process.exit(0);
