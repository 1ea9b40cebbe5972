import { randomUUID } from "node:crypto";
import Database from "libsql";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PrismaClient } from "../../../prisma/generated/sqlite/client";
import { waitFor } from "../../../tests/support/wait";
import { isDatabaseLocked, retryWhileLocked } from "../db/errors";
import { EmbeddedSqlite, sqliteFilePath } from "../db/sqlite.server";
import { EmbeddedJobQueue } from "./embedded-queue.server";
import { defineJob, type JobDefinition } from "./types";

const onSqlite = !process.env.DATABASE_URL?.startsWith("postgres");

/**
 * Another process's write transaction on the same file (a second connection), held until
 * released: the app's connection then gets SQLITE_BUSY once its busy timeout runs out.
 */
function holdWriteLock() {
  const other = new Database(sqliteFilePath(process.env.DATABASE_URL!));
  other.exec("BEGIN IMMEDIATE");
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    other.exec("ROLLBACK");
    other.close();
  };
}

/** A job's state as another process sees it: committed, not pending in this connection. */
function committedState(id: string) {
  const other = new Database(sqliteFilePath(process.env.DATABASE_URL!));
  try {
    return (other.prepare('SELECT "state" FROM "Job" WHERE "id" = ?').get(id) as { state: string })
      .state;
  } finally {
    other.close();
  }
}

describe.runIf(onSqlite)("the embedded queue while another connection holds the write lock", () => {
  // A short busy timeout, so a held lock fails a write in milliseconds rather than ten seconds.
  const adapter = new EmbeddedSqlite(process.env.DATABASE_URL!, { busyTimeoutMs: 20 });
  const db = new PrismaClient({ adapter });
  const queue = new EmbeddedJobQueue(db, adapter.sql, { pollIntervalMs: 50 });
  const Data = z.object({ key: z.string() });
  const runs = new Map<string, number>();
  /** Released when its job's work is done: the outcome write meets the lock. */
  const releases = new Map<string, () => void>();
  const suffix = randomUUID().slice(0, 6);
  const lockedJob = (name: string, outcome: "succeed" | "fail", holdMs: number) =>
    defineJob<z.infer<typeof Data>>({
      name: `test.${name}-${suffix}`,
      schema: Data,
      retryLimit: 1,
      retryDelaySeconds: 60,
      retryBackoff: false,
      async run({ key }) {
        runs.set(key, (runs.get(key) ?? 0) + 1);
        const release = holdWriteLock();
        releases.set(key, release);
        setTimeout(release, holdMs);
        if (outcome === "fail") throw new Error("transient failure");
      },
    });
  // Released within the retries' backoff (50 + 100 + 200 + 400 + 800 ms).
  const succeeds = lockedJob("locked-success", "succeed", 300);
  const fails = lockedJob("locked-failure", "fail", 300);
  // Held past every retry: the outcome is not written this time.
  const stuck = lockedJob("locked-stuck", "succeed", 3_000);
  const plain = defineJob<z.infer<typeof Data>>({
    name: `test.plain-${suffix}`,
    schema: Data,
    async run({ key }) {
      runs.set(key, (runs.get(key) ?? 0) + 1);
    },
  });

  afterAll(async () => {
    for (const release of releases.values()) release();
    await queue.stop();
    await db.$disconnect();
  });

  it("recognises SQLite's lock error from libsql and through Prisma", async () => {
    const release = holdWriteLock();
    try {
      const raw = new Database(sqliteFilePath(process.env.DATABASE_URL!), { timeout: 1 });
      const rawError = (() => {
        try {
          raw.exec("BEGIN IMMEDIATE");
        } catch (error) {
          return error;
        } finally {
          raw.close();
        }
      })();
      expect(isDatabaseLocked(rawError)).toBe(true);
      const prismaError = await db.job
        .create({ data: { queue: "test.lock", data: "{}" } })
        .catch((error: unknown) => error);
      expect(isDatabaseLocked(prismaError)).toBe(true);
    } finally {
      release();
    }
    expect(isDatabaseLocked(new Error("Unique constraint failed"))).toBe(false);
  });

  it("records a job's outcome once the lock is released, completed or to retry", async () => {
    await queue.start([succeeds, fails, stuck, plain] as JobDefinition<never>[], { work: true });
    const succeeded = randomUUID();
    const failed = randomUUID();
    const succeededId = await queue.send(succeeds, { key: succeeded });
    await waitFor(
      async () => (await db.job.findUnique({ where: { id: succeededId! } }))?.state === "completed",
      { message: "the completed job's outcome" },
    );
    const failedId = await queue.send(fails, { key: failed });
    const retry = await waitFor(
      async () => {
        const job = await db.job.findUnique({ where: { id: failedId! } });
        return job?.state === "retry" ? job : undefined;
      },
      { message: "the failed job's retry" },
    );
    expect(retry).toMatchObject({ retryCount: 1, lastError: "Error: transient failure" });
    expect([committedState(succeededId!), committedState(failedId!)]).toEqual([
      "completed",
      "retry",
    ]);
    expect([runs.get(succeeded), runs.get(failed)]).toEqual([1, 1]);
  });

  it("keeps working after an outcome it could not write", async () => {
    const stuckKey = randomUUID();
    const stuckId = await queue.send(stuck, { key: stuckKey });
    await waitFor(() => runs.get(stuckKey) === 1, { message: "the stuck job's run" });
    // Every retry meets the lock; the job stays claimed, to be retried when its lease lapses.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await db.job.findUnique({ where: { id: stuckId! } }))?.state).toBe("active");
    releases.get(stuckKey)!();
    const next = randomUUID();
    await queue.send(plain, { key: next });
    await waitFor(() => runs.get(next) === 1, { message: "the next job's run" });
    expect(committedState(stuckId!)).toBe("active");
  });

  it("gives up at once on errors other than a lock, and after five retries on a lock", async () => {
    let calls = 0;
    const locked = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    await expect(
      retryWhileLocked(
        async () => {
          calls += 1;
          throw locked;
        },
        { firstDelayMs: 1 },
      ),
    ).rejects.toBe(locked);
    expect(calls).toBe(6);
    calls = 0;
    await expect(
      retryWhileLocked(async () => {
        calls += 1;
        throw new Error("constraint failed");
      }),
    ).rejects.toThrow("constraint failed");
    expect(calls).toBe(1);
  });
});

describe.runIf(onSqlite)("the embedded queue's delayed jobs", () => {
  const adapter = new EmbeddedSqlite(process.env.DATABASE_URL!);
  const db = new PrismaClient({ adapter });
  // Polls once an hour: a job that runs within the test was woken by the queue itself.
  const queue = new EmbeddedJobQueue(db, adapter.sql, { pollIntervalMs: 3_600_000 });
  const runs = new Set<string>();
  const delayed = defineJob<{ key: string }>({
    name: `test.delayed-${randomUUID().slice(0, 6)}`,
    schema: z.object({ key: z.string() }),
    async run({ key }) {
      runs.add(key);
    },
  });

  afterAll(async () => {
    await queue.stop();
    await db.$disconnect();
  });

  it("runs a delayed job at its start time, not at the next poll", async () => {
    await queue.start([delayed] as JobDefinition<never>[], { work: true });
    const key = randomUUID();
    await queue.send(delayed, { key }, { startAfter: new Date(Date.now() + 300) });
    expect(runs.has(key)).toBe(false);
    await waitFor(() => runs.has(key), { message: "the delayed job's run" });
  });
});
