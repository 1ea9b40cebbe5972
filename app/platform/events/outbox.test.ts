import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../tests/support/wait";
import { db } from "../../db.server";
import { jobs } from "../jobs/queue.server";
import type { JobDefinition } from "../jobs/types";
import { EVENT_CATALOG } from "./catalog";
import { recorder, RECORDER, statusEvent } from "./outbox-child.testing";
import { emit, transaction } from "./outbox.server";
import { deliverEvents, EVENT_JOBS, relayPending, useSubscribers, wakeRelay } from "./relay.server";

// The outbox's promises (issue #16): a change that rolls back emits nothing; an event committed
// by a process that is then killed — before the relay, or in the middle of its delivery — is
// delivered after restart exactly once in effect; an aggregate's events arrive in order; a
// duplicate delivery is a no-op. The killed process is a real child process, SIGKILLed.

const shop = `outbox-${randomUUID().slice(0, 8)}.myshopify.com`;
const log = path.join(mkdtempSync(path.join(os.tmpdir(), "outbox-")), "handled.log");
writeFileSync(log, "");
process.env.OUTBOX_TEST_LOG = log;
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "outbox-child.testing.ts");

/** Every run of the recorder's handler, in the order they happened. */
function handled(shipmentId?: string) {
  return readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [eventId, aggregateId, subtag] = line.split(" ");
      return { eventId: eventId!, aggregateId: aggregateId!, subtag: subtag! };
    })
    .filter((run) => !shipmentId || run.aggregateId === shipmentId);
}

const children = new Set<ChildProcess>();

/**
 * Runs the process that dies. This process's workers are stopped first: they share the queue,
 * and one of them taking the child's delivery would leave the child waiting to die, forever.
 */
async function runChild(mode: string, shipmentId: string) {
  await stopWorkers();
  return new Promise<NodeJS.Signals | number | null>((resolve, reject) => {
    const process_ = spawn(process.execPath, ["--import", "tsx", child, mode, shop, shipmentId], {
      env: { ...process.env, JOBS_LEASE_MS: "1000", JOBS_POLL_INTERVAL_MS: "50" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    children.add(process_);
    process_.on("error", reject);
    process_.on("exit", (code, signal) => {
      children.delete(process_);
      resolve(signal ?? code);
    });
  });
}

let workersStarted = false;
async function startWorkers() {
  if (workersStarted) return;
  workersStarted = true;
  useSubscribers([recorder()]);
  await jobs.start(EVENT_JOBS as JobDefinition<never>[], { work: true });
}

async function stopWorkers() {
  if (!workersStarted) return;
  workersStarted = false;
  await jobs.stop();
}

async function receipt(eventId: string) {
  return db.outboxReceipt.findUnique({
    where: { subscriber_eventId: { subscriber: RECORDER, eventId } },
  });
}

afterAll(async () => {
  for (const process_ of children) process_.kill("SIGKILL");
  await jobs.stop();
});

describe("the transactional outbox", () => {
  it("delivers, after restart, an event whose process was killed right after its commit", async () => {
    const shipmentId = randomUUID();
    expect(await runChild("die-after-commit", shipmentId)).toBe("SIGKILL");
    const [event] = await db.outboxEvent.findMany({ where: { aggregateId: shipmentId } });
    expect(event?.relayedAt).toBeNull();
    expect(handled(shipmentId)).toEqual([]);

    await startWorkers();
    await wakeRelay(); // what startBackgroundWork does when a process starts
    await waitFor(async () => (await receipt(event!.id))?.state === "done", {
      timeout: 30_000,
      message: "the event delivered after restart",
    });
    expect(handled(shipmentId).map((run) => run.eventId)).toEqual([event!.id]);
  });

  it("runs again, after restart, a delivery whose process was killed in the middle of it, and then never again", async () => {
    const shipmentId = randomUUID();
    expect(await runChild("die-mid-delivery", shipmentId)).toBe("SIGKILL");
    const [event] = await db.outboxEvent.findMany({ where: { aggregateId: shipmentId } });
    // The handler ran and the process died before its receipt said done.
    expect(handled(shipmentId).map((run) => run.eventId)).toEqual([event!.id]);
    expect((await receipt(event!.id))?.state).toBe("claimed");

    // Starting workers recovers jobs whose lease lapsed (pg-boss: whose heartbeat stopped).
    await startWorkers();
    await waitFor(async () => (await receipt(event!.id))?.state === "done", {
      timeout: 90_000,
      interval: 200,
      message: "the interrupted delivery finished after restart",
    });
    expect(handled(shipmentId).map((run) => run.eventId)).toEqual([event!.id, event!.id]);

    await redeliver(event!.id, shipmentId);
    expect(handled(shipmentId)).toHaveLength(2);
  }, 120_000);

  it("emits nothing when the change rolls back", async () => {
    await startWorkers();
    const shipmentId = randomUUID();
    await expect(
      transaction(async (tx) => {
        await emit(tx, statusEvent(shop, shipmentId, 1));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxEvent.count({ where: { aggregateId: shipmentId } })).toBe(0);
    await relayPending();
    expect(handled(shipmentId)).toEqual([]);
  });

  it("rejects an event whose data does not match the catalog, and the change with it", async () => {
    const shipmentId = randomUUID();
    const event = statusEvent(shop, shipmentId, 1);
    await expect(
      transaction((tx) =>
        emit(tx, { ...event, data: { ...event.data, orderId: "#1001" } } as typeof event),
      ),
    ).rejects.toThrow();
    expect(await db.outboxEvent.count({ where: { aggregateId: shipmentId } })).toBe(0);
  });

  it("delivers each aggregate's events in the order they were written", async () => {
    await startWorkers();
    const shipments = [randomUUID(), randomUUID(), randomUUID()];
    const steps = 12;
    // Interleaved commits of three aggregates; each commit wakes the relay, so the delivery jobs
    // of one aggregate run concurrently (8 at a time) and must still take its events in order.
    for (let step = 1; step <= steps; step++) {
      await Promise.all(
        shipments.map((shipmentId) =>
          transaction((tx) => emit(tx, statusEvent(shop, shipmentId, step))),
        ),
      );
    }
    for (const shipmentId of shipments) {
      await waitFor(() => handled(shipmentId).length >= steps, {
        timeout: 60_000,
        message: `the ${steps} events of ${shipmentId}`,
      });
      const written = await db.outboxEvent.findMany({
        where: { aggregateId: shipmentId },
        orderBy: { sequence: "asc" },
      });
      expect(handled(shipmentId).map((run) => run.eventId)).toEqual(written.map((e) => e.id));
      expect(handled(shipmentId).map((run) => run.subtag)).toEqual(
        written.map((_, index) => `InTransit_${index + 2}`),
      );
    }
  }, 90_000);

  it("makes a duplicate delivery a no-op", async () => {
    await startWorkers();
    const shipmentId = randomUUID();
    await transaction((tx) => emit(tx, statusEvent(shop, shipmentId, 1)));
    const [event] = await db.outboxEvent.findMany({ where: { aggregateId: shipmentId } });
    await waitFor(async () => (await receipt(event!.id))?.state === "done", {
      message: "the first delivery",
    });
    await redeliver(event!.id, shipmentId);
    expect(handled(shipmentId)).toHaveLength(1);
  });

  it("wakes the relay once for commits that land in the same 100 ms window", async () => {
    const window = () => Math.floor(Date.now() / 100);
    for (;;) {
      const started = window();
      const ids = await Promise.all([1, 2, 3, 4, 5].map(() => wakeRelay()));
      // A burst that straddled a window's end may rightly wake twice: try again.
      if (window() !== started) continue;
      expect(ids.filter((id) => id !== null).length).toBeLessThanOrEqual(1);
      return;
    }
  });

  it("names every event in the catalog with a version and an aggregate", () => {
    for (const [type, definition] of Object.entries(EVENT_CATALOG)) {
      expect(type).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(definition.version).toBeGreaterThanOrEqual(1);
      expect(type.startsWith(`${definition.aggregate}.`) || definition.aggregate === "member").toBe(
        true,
      );
    }
  });
});

/** The relay runs the event again and its delivery job is sent again, as a duplicate would be. */
async function redeliver(eventId: string, shipmentId: string) {
  await db.outboxEvent.update({ where: { id: eventId }, data: { relayedAt: null } });
  await relayPending();
  const again = await jobs.send(
    deliverEvents,
    { shop, subscriber: RECORDER, aggregate: "shipment", aggregateId: shipmentId, eventId },
    { idempotencyKey: `${RECORDER}:${eventId}:duplicate` },
  );
  expect(again).not.toBeNull();
  await waitFor(async () => (await jobState(again!)) === "completed", {
    message: "the duplicate delivery job",
  });
}

async function jobState(id: string) {
  if (jobs.kind === "embedded") return (await db.job.findUnique({ where: { id } }))?.state;
  const rows = await db.$queryRawUnsafe<{ state: string }[]>(
    `SELECT state FROM pgboss.job WHERE id = $1::uuid`,
    id,
  );
  return rows[0]?.state;
}
