import { createHash, randomUUID } from "node:crypto";
import { PgBoss, type JobWithMetadata, type SendOptions as SendOptionsOfBoss } from "pg-boss";
import { log, withLogContext } from "../logging/logger.server";
import {
  COMPLETED_JOB_RETENTION_DAYS,
  PermanentJobError,
  type FailedJob,
  type JobDefinition,
  type JobQueue,
  type QueueCounts,
  type SendOptions,
} from "./types";

const SCHEMA = "pgboss";
const DAY_SECONDS = 86_400;

/**
 * The job queue on PostgreSQL: pg-boss, so any number of web and worker processes share the
 * load with SKIP LOCKED. Idempotency keys become deterministic job ids (pg-boss ignores an
 * insert whose id exists).
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = "pg-boss";
  private boss: PgBoss | undefined;
  private starting: Promise<PgBoss> | undefined;
  private readonly createdQueues = new Map<string, Promise<void>>();
  private readonly workedQueues = new Set<string>();

  constructor(
    private readonly connectionString: string,
    private readonly options: { pollIntervalMs: number; leaseMs: number },
  ) {}

  /** Workers heartbeat their jobs; a job whose heartbeats stop (its process died) is retried. */
  private get heartbeatSeconds() {
    return Math.max(10, Math.round(this.options.leaseMs / 1000));
  }

  private ready(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.connectionString,
        schema: SCHEMA,
        application_name: "aftercare",
        max: 5,
        // Every process takes part in maintenance (expiring jobs whose worker died, cron);
        // pg-boss coordinates the instances with advisory locks.
        supervise: true,
        schedule: true,
        monitorIntervalSeconds: Math.min(60, Math.max(1, Math.round(this.heartbeatSeconds / 2))),
        superviseIntervalSeconds: Math.min(60, Math.max(1, Math.round(this.heartbeatSeconds / 2))),
      });
      boss.on("error", (error) => log().error({ err: error }, "pg-boss error"));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  private ensureQueue(boss: PgBoss, definition: JobDefinition<never>) {
    let created = this.createdQueues.get(definition.name);
    if (!created) {
      const options = {
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelaySeconds,
        retryBackoff: definition.retryBackoff,
        deleteAfterSeconds: COMPLETED_JOB_RETENTION_DAYS * DAY_SECONDS,
        heartbeatSeconds: this.heartbeatSeconds,
      };
      // pg-boss fixes a queue's policy at creation: "singleton" lets one job per key be active.
      const policy = definition.exclusiveKey ? "singleton" : "standard";
      created = boss
        .createQueue(definition.name, { ...options, policy })
        .then(() => boss.updateQueue(definition.name, options));
      this.createdQueues.set(definition.name, created);
      created.catch(() => this.createdQueues.delete(definition.name));
    }
    return created;
  }

  async start(definitions: JobDefinition<never>[], { work }: { work: boolean }) {
    const boss = await this.ready();
    await Promise.all(definitions.map((definition) => this.ensureQueue(boss, definition)));
    if (!work) return;
    for (const definition of definitions) {
      if (this.workedQueues.has(definition.name)) continue;
      this.workedQueues.add(definition.name);
      await boss.work(
        definition.name,
        {
          localConcurrency: definition.concurrency,
          pollingIntervalSeconds: Math.max(this.options.pollIntervalMs / 1000, 0.5),
          includeMetadata: true,
        },
        async ([job]: JobWithMetadata<unknown>[]) => {
          if (!job) return;
          const context = {
            jobId: job.id,
            retryCount: job.retryCount,
            isLastAttempt: job.retryCount >= job.retryLimit,
          };
          await withLogContext({ jobId: job.id }, async () => {
            const data = definition.schema.parse(job.data) as never;
            try {
              await definition.run(data, context);
            } catch (error) {
              const permanent = error instanceof PermanentJobError;
              if (!permanent && !context.isLastAttempt) {
                log().warn(
                  { err: error, queue: definition.name, retryCount: job.retryCount },
                  "Job failed; will retry",
                );
                throw error;
              }
              log().error({ err: error, queue: definition.name }, "Job failed for the last time");
              await definition
                .onFinalFailure?.(data, error as Error, context)
                .catch((hookError: unknown) =>
                  log().error(
                    { err: hookError, queue: definition.name },
                    "Job final-failure hook failed",
                  ),
                );
              if (!permanent) throw error;
            }
          });
        },
      );
      if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: "UTC" });
    }
  }

  async stop() {
    const boss = this.boss;
    this.workedQueues.clear();
    if (boss) await boss.stop({ graceful: true, timeout: 10_000 });
    this.boss = undefined;
    this.starting = undefined;
    this.createdQueues.clear();
  }

  async send<TData>(definition: JobDefinition<TData>, data: TData, options: SendOptions = {}) {
    const boss = await this.ready();
    await this.ensureQueue(boss, definition as JobDefinition<never>);
    // pg-boss rejects options that are present but undefined.
    const sendOptions: SendOptionsOfBoss = {};
    if (options.idempotencyKey)
      sendOptions.id = idempotentJobId(definition.name, options.idempotencyKey);
    if (options.startAfter) sendOptions.startAfter = options.startAfter;
    if (options.priority !== undefined) sendOptions.priority = options.priority;
    const parsed = definition.schema.parse(data);
    if (definition.exclusiveKey) sendOptions.singletonKey = definition.exclusiveKey(parsed);
    return boss.send(definition.name, parsed as object, sendOptions);
  }

  async sendMany<TData>(
    definition: JobDefinition<TData>,
    jobs: { data: TData; options?: SendOptions }[],
  ) {
    const boss = await this.ready();
    await this.ensureQueue(boss, definition as JobDefinition<never>);
    const inserts = jobs.map((job) => {
      const data = definition.schema.parse(job.data);
      return {
        id: job.options?.idempotencyKey
          ? idempotentJobId(definition.name, job.options.idempotencyKey)
          : randomUUID(),
        data: data as object,
        ...(definition.exclusiveKey ? { singletonKey: definition.exclusiveKey(data) } : {}),
        ...(job.options?.startAfter ? { startAfter: job.options.startAfter } : {}),
        ...(job.options?.priority !== undefined ? { priority: job.options.priority } : {}),
      };
    });
    const inserted = new Set(
      (await boss.insert(definition.name, inserts, { returnId: true })) ?? [],
    );
    return inserts.map((insert) => (inserted.has(insert.id) ? insert.id : null));
  }

  async counts(): Promise<QueueCounts[]> {
    const boss = await this.ready();
    // Read the job table itself: pg-boss's own queue counts are cached for minutes.
    const { rows } = await boss.getDb().executeSql(
      `SELECT q.name,
              count(j.id) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now()) AS ready,
              count(j.id) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after > now()) AS deferred,
              count(j.id) FILTER (WHERE j.state = 'active') AS active,
              count(j.id) FILTER (WHERE j.state = 'failed') AS failed
         FROM ${SCHEMA}.queue q
         LEFT JOIN ${SCHEMA}.job j ON j.name = q.name AND j.state IN ('created', 'retry', 'active', 'failed')
        GROUP BY q.name ORDER BY q.name`,
    );
    return rows.map(
      (row: { name: string; ready: string; deferred: string; active: string; failed: string }) => ({
        queue: row.name,
        ready: Number(row.ready),
        deferred: Number(row.deferred),
        active: Number(row.active),
        failed: Number(row.failed),
      }),
    );
  }

  async failures(shop: string, limit: number): Promise<FailedJob[]> {
    const boss = await this.ready();
    const { rows } = await boss.getDb().executeSql(
      `SELECT id, name, data, output, completed_on, retry_count FROM ${SCHEMA}.job
        WHERE state = 'failed' AND data->>'shop' = $1 ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [shop, limit],
    );
    return rows.map(
      (row: {
        id: string;
        name: string;
        data: unknown;
        output: unknown;
        completed_on: Date | null;
        retry_count: number;
      }) => ({
        id: row.id,
        queue: row.name,
        data: row.data,
        error: describeOutput(row.output),
        failedAt: row.completed_on,
        retryCount: row.retry_count,
      }),
    );
  }

  async eraseShopJobs(shop: string, mentions: string[] | "all") {
    if (mentions !== "all" && !mentions.length) return 0;
    const boss = await this.ready();
    const patterns =
      mentions === "all" ? null : mentions.map((text) => `%${text.replace(/[\\%_]/g, "\\$&")}%`);
    const { rows } = await boss.getDb().executeSql(
      `WITH erased AS (
         DELETE FROM ${SCHEMA}.job
          WHERE data->>'shop' = $1 AND state <> 'active'
            AND ($2::text[] IS NULL OR data::text ILIKE ANY($2) OR output::text ILIKE ANY($2))
          RETURNING 1)
       SELECT count(*)::int AS count FROM erased`,
      [shop, patterns],
    );
    return (rows[0] as { count: number } | undefined)?.count ?? 0;
  }

  async retry(shop: string, queue: string, id: string) {
    const boss = await this.ready();
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT 1 FROM ${SCHEMA}.job WHERE id = $1 AND name = $2 AND state = 'failed' AND data->>'shop' = $3`,
        [id, queue, shop],
      );
    if (!rows.length) return false;
    await boss.retry(queue, id);
    return true;
  }
}

/** A UUID derived from the queue and key, so the same key always names the same job. */
export function idempotentJobId(queue: string, key: string): string {
  const hex = createHash("sha256").update(`${queue}\u0000${key}`).digest("hex");
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function describeOutput(output: unknown): string | null {
  if (!output || typeof output !== "object") return output == null ? null : String(output);
  const { name, message } = output as { name?: string; message?: string };
  return message ? `${name ?? "Error"}: ${message}` : JSON.stringify(output);
}
