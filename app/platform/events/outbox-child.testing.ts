import { appendFileSync } from "node:fs";
import { db } from "../../db.server";
import { jobs } from "../jobs/queue.server";
import type { JobDefinition } from "../jobs/types";
import type { EventInput } from "./catalog";
import { emit, transaction } from "./outbox.server";
import { EVENT_JOBS, useSubscribers } from "./relay.server";
import { defineSubscriber } from "./subscribers";

/**
 * The process the outbox test kills (run with tsx): it makes a change with its event and dies
 * at the moment the test names. The recorder subscriber is shared with the test, which plays
 * the process that starts afterwards.
 */

export const RECORDER = "test.outbox-recorder";

/** Appends "<event id> <aggregate> <status>" to OUTBOX_TEST_LOG for every run of the handler. */
export function recorder(options: { dieAfterEffect?: boolean } = {}) {
  return defineSubscriber({
    name: RECORDER,
    events: ["shipment.status_changed"],
    async handle(event) {
      const log = process.env.OUTBOX_TEST_LOG;
      if (!log) throw new Error("OUTBOX_TEST_LOG is not set");
      appendFileSync(log, `${event.id} ${event.aggregateId} ${event.data.current.subtag}\n`);
      if (options.dieAfterEffect) process.kill(process.pid, "SIGKILL");
    },
  });
}

export function statusEvent(shop: string, shipmentId: string, step: number): EventInput {
  return {
    type: "shipment.status_changed",
    shop,
    aggregateId: shipmentId,
    data: {
      shipmentId,
      orderId: "1001",
      isReturn: false,
      previous: { tag: "InTransit", subtag: `InTransit_${step}` },
      current: { tag: "InTransit", subtag: `InTransit_${step + 1}` },
      source: "test",
    },
  };
}

async function main() {
  const [mode, shop, shipmentId] = process.argv.slice(2);
  if (!mode || !shop || !shipmentId) throw new Error("usage: <mode> <shop> <shipmentId>");
  if (mode === "die-after-commit") {
    // Committed without a managed transaction's wake-up, then killed: only the sweep can find it.
    await db.$transaction((tx) => emit(tx, statusEvent(shop, shipmentId, 1)));
    process.kill(process.pid, "SIGKILL");
  }
  if (mode === "die-mid-delivery") {
    useSubscribers([recorder({ dieAfterEffect: true })]);
    await jobs.start(EVENT_JOBS as JobDefinition<never>[], { work: true });
    await transaction((tx) => emit(tx, statusEvent(shop, shipmentId, 1)));
    // Stays up until the subscriber kills it, however long a loaded machine takes to get there:
    // a deadline here made the child exit on its own and the test fail on a busy machine.
    await new Promise<never>(() => setInterval(() => undefined, 60_000));
  }
}

if (process.argv[1]?.endsWith("outbox-child.testing.ts")) await main();
