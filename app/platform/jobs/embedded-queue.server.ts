import { CronExpressionParser } from "cron-parser";
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "../../db.server";
import { retryWhileLocked } from "../db/errors";
import { runAsBackgroundWork } from "../db/priority";
import { valuesPlaceholders, type SqlExecutor } from "../db/sql";
import { log, withLogContext } from "../logging/logger.server";
import {
  COMPLETED_JOB_RETENTION_DAYS,
  PermanentJobError,
  retryDelayMs,
  type FailedJob,
  type JobDefinition,
  type JobQueue,
  type QueueCounts,
  type SendOptions,
} from "./types";

export interface EmbeddedQueueOptions {
  pollIntervalMs: number;
  /** A running job's claim lasts this long and is renewed while it runs; a crashed worker's jobs are retried once it lapses. */
  leaseMs?: number;
}

const DUE_STATES = ["created", "retry"];

/** What running a job and recording its outcome need from its row. */
interface ClaimedJob {
  id: string;
  data: string;
  retryCount: number;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
}

const JOB_COLUMNS = [
  "id",
  "queue",
  "data",
  "state",
  "idempotencyKey",
  "priority",
  "retryLimit",
  "retryCount",
  "retryDelay",
  "retryBackoff",
  "startAfter",
  "createdAt",
];
const HOUR_MS = 3_600_000;

/**
 * The job queue of the embedded (SQLite) deployment: jobs are rows of the Job table, run by a
 * polling loop inside the process. Durable across restarts; a job claimed by a process that died
 * is retried when its lease lapses.
 */
export class EmbeddedJobQueue implements JobQueue {
  readonly kind = "embedded";
  private readonly definitions = new Map<string, JobDefinition<never>>();
  /** Per queue, the ids of the jobs this process runs and their exclusive keys. */
  private readonly running = new Map<string, Map<string, string | undefined>>();
  private readonly leaseMs: number;
  private working = false;
  private timer: NodeJS.Timeout | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private lastCleanupAt = 0;
  private lastScheduleCheckAt = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly sql: SqlExecutor,
    private readonly options: EmbeddedQueueOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
  }

  async start(definitions: JobDefinition<never>[], { work }: { work: boolean }) {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
    if (!work) return;
    await this.upsertSchedules(definitions);
    if (!this.working) {
      this.working = true;
      this.leaseTimer = setInterval(
        () => void this.maintainLeases(),
        Math.max(this.leaseMs / 3, 50),
      );
      this.leaseTimer.unref();
    }
    await this.recoverLapsedLeases();
    this.wake();
  }

  async stop() {
    this.working = false;
    clearTimeout(this.timer);
    clearInterval(this.leaseTimer);
    await this.ticking;
    await Promise.all(this.inFlight);
  }

  private jobRow<TData>(definition: JobDefinition<TData>, data: TData, options: SendOptions) {
    return {
      id: randomUUID(),
      queue: definition.name,
      data: JSON.stringify(definition.schema.parse(data)),
      idempotencyKey: options.idempotencyKey ?? null,
      priority: options.priority ?? 0,
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: definition.retryBackoff,
      startAfter: options.startAfter ?? new Date(),
    };
  }

  async send<TData>(definition: JobDefinition<TData>, data: TData, options: SendOptions = {}) {
    const [id] = await this.sendMany(definition, [{ data, options }]);
    return id ?? null;
  }

  /** One INSERT for the lot; a taken idempotency key yields null. */
  async sendMany<TData>(
    definition: JobDefinition<TData>,
    jobs: { data: TData; options?: SendOptions }[],
  ) {
    if (!jobs.length) return [];
    const now = new Date();
    const rows = jobs.map((job) => this.jobRow(definition, job.data, job.options ?? {}));
    const inserted = await this.sql.query<{ id: string }>(
      `INSERT INTO "Job" (${JOB_COLUMNS.map((column) => `"${column}"`).join(", ")})
       VALUES ${valuesPlaceholders(rows.length, JOB_COLUMNS.length)}
       ON CONFLICT ("queue", "idempotencyKey") DO NOTHING
       RETURNING "id"`,
      rows.flatMap((row) => [
        row.id,
        row.queue,
        row.data,
        "created",
        row.idempotencyKey,
        row.priority,
        row.retryLimit,
        0,
        row.retryDelay,
        row.retryBackoff,
        row.startAfter,
        now,
      ]),
    );
    const ids = new Set(inserted.map((row) => row.id));
    const firstStart = Math.min(
      ...rows.filter((row) => ids.has(row.id)).map((row) => row.startAfter.getTime()),
    );
    if (ids.size) this.wakeAt(firstStart);
    return rows.map((row) => (ids.has(row.id) ? row.id : null));
  }

  async counts(): Promise<QueueCounts[]> {
    const now = new Date();
    const [byState, deferred] = await Promise.all([
      this.db.job.groupBy({
        by: ["queue", "state"],
        where: { state: { in: [...DUE_STATES, "active", "failed"] } },
        _count: { _all: true },
      }),
      this.db.job.groupBy({
        by: ["queue"],
        where: { state: { in: DUE_STATES }, startAfter: { gt: now } },
        _count: { _all: true },
      }),
    ]);
    const result = new Map<string, QueueCounts>();
    const entry = (queue: string) => {
      let counts = result.get(queue);
      if (!counts)
        result.set(queue, (counts = { queue, ready: 0, deferred: 0, active: 0, failed: 0 }));
      return counts;
    };
    for (const name of this.definitions.keys()) entry(name);
    for (const row of byState) {
      const counts = entry(row.queue);
      if (DUE_STATES.includes(row.state)) counts.ready += row._count._all;
      else if (row.state === "active") counts.active = row._count._all;
      else counts.failed = row._count._all;
    }
    for (const row of deferred) {
      const counts = entry(row.queue);
      counts.deferred = row._count._all;
      counts.ready -= row._count._all;
    }
    return [...result.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  }

  async failures(shop: string, limit: number): Promise<FailedJob[]> {
    const rows = await this.db.job.findMany({
      where: { state: "failed", data: { contains: shopMarker(shop) } },
      orderBy: { completedAt: "desc" },
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id,
      queue: row.queue,
      data: JSON.parse(row.data) as unknown,
      error: row.lastError,
      failedAt: row.completedAt,
      retryCount: row.retryCount,
    }));
  }

  async eraseShopJobs(shop: string, mentions: string[] | "all") {
    if (mentions !== "all" && !mentions.length) return 0;
    const mentioning =
      mentions === "all"
        ? {}
        : {
            OR: [...new Set(mentions.flatMap((text) => [text, text.toLowerCase()]))].flatMap(
              (text) => [{ data: { contains: text } }, { lastError: { contains: text } }],
            ),
          };
    const { count } = await this.db.job.deleteMany({
      where: { state: { not: "active" }, data: { contains: shopMarker(shop) }, ...mentioning },
    });
    return count;
  }

  async retry(shop: string, queue: string, id: string) {
    const { count } = await this.db.job.updateMany({
      where: { id, queue, state: "failed", data: { contains: shopMarker(shop) } },
      data: {
        state: "retry",
        retryCount: 0,
        startAfter: new Date(),
        completedAt: null,
        lockedUntil: null,
      },
    });
    if (count && this.working) this.wake();
    return count === 1;
  }

  /** Looks for work due at `time` then rather than at the next poll after it. */
  private wakeAt(time: number) {
    const delay = time - Date.now();
    if (delay <= 0) return this.wake();
    if (!this.working) return;
    setTimeout(() => this.wake(), delay).unref();
  }

  /** Looks for due work now rather than at the next poll. */
  private wake() {
    if (!this.working) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.ticking = runAsBackgroundWork(() => this.tick()).finally(() => {
      this.ticking = undefined;
      if (!this.working) return;
      if (this.tickAgain) {
        this.tickAgain = false;
        this.wake();
      } else {
        this.timer = setTimeout(() => this.wake(), this.options.pollIntervalMs);
        this.timer.unref();
      }
    });
  }

  private async tick() {
    try {
      if (Date.now() - this.lastScheduleCheckAt >= this.options.pollIntervalMs) {
        this.lastScheduleCheckAt = Date.now();
        await this.fireSchedules();
      }
      await this.claimAndRun();
      if (Date.now() - this.lastCleanupAt > HOUR_MS) await this.cleanup();
    } catch (error) {
      log().error({ err: error }, "Job queue poll failed");
    }
  }

  private runningIn(queue: string) {
    let running = this.running.get(queue);
    if (!running) this.running.set(queue, (running = new Map()));
    return running;
  }

  /** One query for the due jobs of every queue that has a free worker slot. */
  private async claimAndRun() {
    const open = [...this.definitions.values()].filter(
      (definition) => this.runningIn(definition.name).size < definition.concurrency,
    );
    if (!open.length) return;
    const candidates = await this.db.job.findMany({
      where: {
        queue: { in: open.map((definition) => definition.name) },
        state: { in: DUE_STATES },
        startAfter: { lte: new Date() },
      },
      orderBy: [{ priority: "desc" }, { startAfter: "asc" }],
      take: 50,
      select: { id: true, queue: true, data: true },
    });
    for (const { id, queue, data } of candidates) {
      const definition = this.definitions.get(queue);
      const running = this.runningIn(queue);
      if (!definition || running.size >= definition.concurrency) continue;
      // The embedded queue runs in one process, so the keys it runs are all the keys running.
      const key = exclusiveKeyOf(definition, data);
      if (key !== undefined && [...running.values()].includes(key)) continue;
      const job = await this.claim(id);
      if (!job) continue;
      running.set(id, key);
      const done = this.execute(definition, job)
        .catch((error: unknown) => {
          // No outcome was written: the job stays active until its lease lapses, and is then
          // counted as a failed attempt and run again (recoverLapsedLeases).
          log().error({ err: error, queue, jobId: id }, "Job outcome not recorded");
        })
        .finally(() => {
          running.delete(id);
          this.inFlight.delete(done);
          this.wake();
        });
      this.inFlight.add(done);
    }
  }

  /**
   * Takes a due job and reads what running it needs in one statement: claiming is the queue's
   * hottest write, several per webhook delivery, so it skips Prisma's per-call cost.
   */
  private async claim(id: string): Promise<ClaimedJob | null> {
    const now = Date.now();
    const [row] = await this.sql.query<Omit<ClaimedJob, "id">>(
      `UPDATE "Job" SET "state" = 'active', "startedAt" = ?, "lockedUntil" = ?
       WHERE "id" = ? AND "state" IN ('created', 'retry')
       RETURNING "data", "retryCount", "retryLimit", "retryDelay", "retryBackoff"`,
      [new Date(now), new Date(now + this.leaseMs), id],
    );
    if (!row) return null;
    return {
      id,
      data: row.data,
      retryCount: Number(row.retryCount),
      retryLimit: Number(row.retryLimit),
      retryDelay: Number(row.retryDelay),
      retryBackoff: Boolean(row.retryBackoff),
    };
  }

  private async execute(definition: JobDefinition<never>, job: ClaimedJob) {
    const id = job.id;
    const context = {
      jobId: id,
      retryCount: job.retryCount,
      isLastAttempt: job.retryCount >= job.retryLimit,
    };
    await withLogContext({ jobId: id }, async () => {
      let data: never;
      try {
        data = definition.schema.parse(JSON.parse(job.data)) as never;
        await definition.run(data, context);
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        if (!(error instanceof PermanentJobError)) {
          await this.recordFailure(definition, job, error, context);
          return;
        }
        await runFinalFailureHook(definition, job.data, error, context);
      }
      await retryWhileLocked(() =>
        this.sql.query(
          `UPDATE "Job" SET "state" = 'completed', "completedAt" = ?, "lockedUntil" = NULL WHERE "id" = ?`,
          [new Date(), id],
        ),
      );
    });
  }

  /**
   * A job's outcome is written once its work is done: another connection holding SQLite's write
   * lock (a second process, a long transaction) must delay that write, not lose it and run the
   * job again.
   */
  private recordOutcome(id: string, data: Prisma.JobUpdateInput) {
    return retryWhileLocked(() => this.db.job.update({ where: { id }, data }));
  }

  private async recordFailure(
    definition: JobDefinition<never>,
    job: ClaimedJob,
    error: Error,
    context: { jobId: string; retryCount: number; isLastAttempt: boolean },
  ) {
    const message = `${error.name}: ${error.message}`.slice(0, 4000);
    if (!context.isLastAttempt) {
      const retryCount = job.retryCount + 1;
      const delay = retryDelayMs(
        {
          retryLimit: job.retryLimit,
          retryDelaySeconds: job.retryDelay,
          retryBackoff: job.retryBackoff,
        },
        retryCount,
      );
      log().warn(
        { err: error, queue: definition.name, retryCount, delay },
        "Job failed; will retry",
      );
      await this.recordOutcome(job.id, {
        state: "retry",
        retryCount,
        lastError: message,
        lockedUntil: null,
        startAfter: new Date(Date.now() + delay),
      });
      return;
    }
    await runFinalFailureHook(definition, job.data, error, context);
    await this.recordOutcome(job.id, {
      state: "failed",
      lastError: message,
      completedAt: new Date(),
      lockedUntil: null,
    });
  }

  /** Keeps this process's running jobs claimed, and takes back the jobs of processes that died. */
  private async maintainLeases() {
    const ids = [...this.running.values()].flatMap((jobs) => [...jobs.keys()]);
    try {
      if (ids.length) {
        await this.db.job.updateMany({
          where: { id: { in: ids }, state: "active" },
          data: { lockedUntil: new Date(Date.now() + this.leaseMs) },
        });
      }
      await this.recoverLapsedLeases();
    } catch (error) {
      log().error({ err: error }, "Could not maintain job leases");
    }
  }

  /** A job whose worker died mid-run counts as a failed attempt. */
  private async recoverLapsedLeases() {
    const lapsed = await this.db.job.findMany({
      where: { state: "active", lockedUntil: { lt: new Date() } },
    });
    for (const job of lapsed) {
      const definition = this.definitions.get(job.queue);
      if (!definition) continue;
      // Claim the recovery so that two processes cannot both count the lost attempt.
      const claimed = await this.db.job.updateMany({
        where: { id: job.id, state: "active", lockedUntil: job.lockedUntil },
        data: { lockedUntil: new Date(Date.now() + this.leaseMs) },
      });
      if (claimed.count !== 1) continue;
      const context = {
        jobId: job.id,
        retryCount: job.retryCount,
        isLastAttempt: job.retryCount >= job.retryLimit,
      };
      await this.recordFailure(
        definition,
        job,
        new Error("The worker running this job stopped before it finished"),
        context,
      );
    }
  }

  private async upsertSchedules(definitions: JobDefinition<never>[]) {
    for (const definition of definitions) {
      if (!definition.cron) continue;
      const existing = await this.db.jobSchedule.findUnique({ where: { queue: definition.name } });
      if (existing?.cron === definition.cron) continue;
      const nextRunAt = nextCronRun(definition.cron, new Date());
      await this.db.jobSchedule.upsert({
        where: { queue: definition.name },
        create: { queue: definition.name, cron: definition.cron, nextRunAt },
        update: { cron: definition.cron, nextRunAt },
      });
    }
  }

  private async fireSchedules() {
    const now = new Date();
    const due = await this.db.jobSchedule.findMany({ where: { nextRunAt: { lte: now } } });
    for (const schedule of due) {
      const definition = this.definitions.get(schedule.queue);
      if (!definition?.cron) continue;
      const advanced = await this.db.jobSchedule.updateMany({
        where: { queue: schedule.queue, nextRunAt: schedule.nextRunAt },
        data: { nextRunAt: nextCronRun(definition.cron, now) },
      });
      if (advanced.count !== 1) continue;
      await this.send(definition, JSON.parse(schedule.data) as never, {
        idempotencyKey: `cron:${schedule.nextRunAt.toISOString()}`,
      });
    }
  }

  private async cleanup() {
    this.lastCleanupAt = Date.now();
    const before = new Date(Date.now() - COMPLETED_JOB_RETENTION_DAYS * 24 * HOUR_MS);
    await this.db.job.deleteMany({
      where: { state: { in: ["completed", "cancelled"] }, completedAt: { lt: before } },
    });
  }
}

async function runFinalFailureHook(
  definition: JobDefinition<never>,
  data: string,
  error: Error,
  context: { jobId: string; retryCount: number; isLastAttempt: boolean },
) {
  log().error({ err: error, queue: definition.name }, "Job failed for the last time");
  try {
    await definition.onFinalFailure?.(JSON.parse(data) as never, error, context);
  } catch (hookError) {
    log().error({ err: hookError, queue: definition.name }, "Job final-failure hook failed");
  }
}

/** How a shop appears in the stored JSON of its jobs' data. */
function shopMarker(shop: string) {
  return `"shop":${JSON.stringify(shop)}`;
}

export function nextCronRun(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: "UTC" }).next().toDate();
}

/** The job's exclusive key; none for data that does not parse (the run records that failure). */
function exclusiveKeyOf(definition: JobDefinition<never>, data: string) {
  if (!definition.exclusiveKey) return undefined;
  try {
    return definition.exclusiveKey(definition.schema.parse(JSON.parse(data)) as never);
  } catch {
    return undefined;
  }
}
