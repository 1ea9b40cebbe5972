import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { waitFor } from "../../../tests/support/wait";
import { db } from "../../db.server";
import { nextCronRun } from "./embedded-queue.server";
import { jobs } from "./queue.server";
import { defineJob, PermanentJobError, retryDelayMs, type JobDefinition } from "./types";

// The contract every queue keeps, run against the one the current DATABASE_URL selects: the
// embedded queue on SQLite, pg-boss on PostgreSQL (CI runs both).

const shop = `jobs-${randomUUID().slice(0, 8)}.myshopify.com`;
const Data = z.object({ shop: z.string(), key: z.string() });
type Data = z.infer<typeof Data>;

const runs = new Map<string, number>();
const finalFailures = new Map<string, string>();
const count = (key: string) => runs.get(key) ?? 0;
const bump = (key: string) => runs.set(key, count(key) + 1);

const suffix = randomUUID().slice(0, 6);
const flaky = defineJob<Data>({
  name: `test.flaky-${suffix}`,
  schema: Data,
  retryLimit: 3,
  retryDelaySeconds: 1,
  retryBackoff: false,
  async run({ key }) {
    bump(key);
    if (count(key) <= 2) throw new Error(`transient failure ${count(key)}`);
  },
});
const broken = defineJob<Data>({
  name: `test.broken-${suffix}`,
  schema: Data,
  retryLimit: 1,
  retryDelaySeconds: 1,
  retryBackoff: false,
  async run({ key }) {
    bump(key);
    throw new Error("always broken");
  },
  async onFinalFailure({ key }, error) {
    finalFailures.set(key, error.message);
  },
});
const invalid = defineJob<Data>({
  name: `test.invalid-${suffix}`,
  schema: Data,
  retryLimit: 5,
  async run({ key }) {
    bump(key);
    throw new PermanentJobError("cannot ever work");
  },
  async onFinalFailure({ key }, error) {
    finalFailures.set(key, error.message);
  },
});
const simple = defineJob<Data>({
  name: `test.simple-${suffix}`,
  schema: Data,
  async run({ key }) {
    bump(key);
  },
});

// Per key: how many runs are active now, the most ever active at once, and the runs so far.
const active = new Map<string, number>();
const mostActive = new Map<string, number>();
const started = new Set<string>();
const exclusive = defineJob<Data & { group: string }>({
  name: `test.exclusive-${suffix}`,
  schema: Data.extend({ group: z.string() }),
  retryLimit: 0,
  concurrency: 4,
  exclusiveKey: ({ group }) => group,
  async run({ key, group }) {
    active.set(group, (active.get(group) ?? 0) + 1);
    mostActive.set(group, Math.max(mostActive.get(group) ?? 0, active.get(group)!));
    started.add(group);
    // Each group's runs wait until another group has started one: a queue that ran the groups
    // one after another would never get there.
    await waitFor(() => started.size >= 2, { timeout: 20_000, message: "another group running" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    active.set(group, active.get(group)! - 1);
    bump(key);
  },
});

const definitions = [flaky, broken, invalid, simple, exclusive] as JobDefinition<never>[];

beforeAll(async () => {
  await jobs.start(definitions, { work: true });
});

afterAll(async () => {
  await jobs.stop();
});

describe(`the ${process.env.DATABASE_URL?.startsWith("postgres") ? "pg-boss" : "embedded"} job queue`, () => {
  it("retries a failing job until it succeeds", async () => {
    const key = randomUUID();
    await jobs.send(flaky, { shop, key });
    await waitFor(() => count(key) === 3, { message: "third run" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(count(key)).toBe(3);
  });

  it("after its last attempt, reports the failure once and lists it for the shop", async () => {
    const key = randomUUID();
    const id = await jobs.send(broken, { shop, key });
    await waitFor(() => finalFailures.get(key), { message: "final failure" });
    expect(count(key)).toBe(2);
    const failed = await waitFor(async () =>
      (await jobs.failures(shop, 50)).find((job) => job.id === id),
    );
    expect(failed.queue).toBe(broken.name);
    expect(failed.error).toMatch(/always broken/);
    expect(await jobs.failures(`other-${shop}`, 50)).toEqual([]);

    expect(await jobs.retry(`other-${shop}`, broken.name, id!)).toBe(false);
    expect(await jobs.retry(shop, broken.name, id!)).toBe(true);
    await waitFor(() => count(key) >= 3, { message: "manual retry run" });
  });

  it("does not retry a permanent error", async () => {
    const key = randomUUID();
    await jobs.send(invalid, { shop, key });
    await waitFor(() => finalFailures.get(key), { message: "final failure" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(count(key)).toBe(1);
    expect(finalFailures.get(key)).toBe("cannot ever work");
  });

  it("enqueues an idempotency key once", async () => {
    const key = randomUUID();
    const first = await jobs.send(simple, { shop, key }, { idempotencyKey: key });
    const second = await jobs.send(simple, { shop, key }, { idempotencyKey: key });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await waitFor(() => count(key) === 1);
    expect(await jobs.send(simple, { shop, key }, { idempotencyKey: key })).toBeNull();
  });

  it("holds a delayed job until its start time", async () => {
    const key = randomUUID();
    const startAfter = new Date(Date.now() + 2500);
    await jobs.send(simple, { shop, key }, { startAfter });
    const counts = await jobs.counts();
    expect(counts.find((queue) => queue.queue === simple.name)?.deferred).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(count(key)).toBe(0);
    await waitFor(() => count(key) === 1, { message: "delayed run" });
    expect(Date.now()).toBeGreaterThanOrEqual(startAfter.getTime());
  });

  it("runs jobs of different exclusive keys side by side and never two of one key at once", async () => {
    const key = randomUUID();
    const groups = [`a-${key}`, `b-${key}`];
    await jobs.sendMany(
      exclusive,
      [0, 1, 2].flatMap(() => groups.map((group) => ({ data: { shop, key, group } }))),
    );
    await waitFor(() => count(key) === 6, { timeout: 60_000, message: "six exclusive runs" });
    expect(groups.map((group) => mostActive.get(group))).toEqual([1, 1]);
  });

  it("rejects data that does not match the job's schema when sending", async () => {
    await expect(jobs.send(simple, { shop } as unknown as Data)).rejects.toThrow();
  });
});

describe("retry timing", () => {
  it("doubles the delay with jitter when backing off", () => {
    const policy = { retryLimit: 5, retryDelaySeconds: 10, retryBackoff: true };
    expect(retryDelayMs(policy, 1, () => 0)).toBe(5_000);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(10_000);
    expect(retryDelayMs(policy, 3, () => 1)).toBe(40_000);
    expect(retryDelayMs({ ...policy, retryBackoff: false }, 3)).toBe(10_000);
  });

  it("computes the next run of a cron schedule in UTC", () => {
    expect(nextCronRun("17 3 * * *", new Date("2026-11-22T10:00:00Z")).toISOString()).toBe(
      "2026-11-23T03:17:00.000Z",
    );
    expect(nextCronRun("* * * * *", new Date("2026-11-22T10:00:30Z")).toISOString()).toBe(
      "2026-11-22T10:01:00.000Z",
    );
  });
});

describe.runIf(!process.env.DATABASE_URL?.startsWith("postgres"))(
  "the embedded queue's crash recovery",
  () => {
    it("retries a job whose worker died mid-run once its lease lapses", async () => {
      const key = randomUUID();
      await db.job.create({
        data: {
          queue: simple.name,
          data: JSON.stringify({ shop, key }),
          state: "active",
          startedAt: new Date(Date.now() - 120_000),
          lockedUntil: new Date(Date.now() - 60_000),
          retryLimit: 3,
          retryDelay: 1,
          retryBackoff: false,
        },
      });
      await jobs.start(definitions, { work: true });
      await waitFor(() => count(key) === 1, { message: "recovered run" });
    });
  },
);
