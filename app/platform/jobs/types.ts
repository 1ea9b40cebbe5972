import type { ZodType } from "zod";

/**
 * Background jobs. A capability declares each of its jobs once with `defineJob` and lists it in
 * app/jobs.server.ts; it enqueues with `jobs.send(definition, data, options)`. The same
 * definitions run on the embedded queue (SQLite, in-process) and on pg-boss (PostgreSQL, any
 * number of worker processes).
 */
export interface JobContext {
  jobId: string;
  /** 0 on the first run, then 1, 2, … */
  retryCount: number;
  /** True when this run is the last one the retry policy allows. */
  isLastAttempt: boolean;
}

export interface RetryPolicy {
  /** Runs after the first one (0 = never retried). */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelaySeconds: number;
  /** Double the delay after each failure (with jitter). */
  retryBackoff: boolean;
}

/**
 * Job data that concerns one shop carries it as `shop`, so the shop's admin can list and retry
 * its failed jobs without seeing anyone else's.
 */
export interface JobDefinition<TData = unknown> extends RetryPolicy {
  /** Queue name, "<capability>.<verb>", e.g. "webhooks.process". */
  name: string;
  schema: ZodType<TData>;
  run(data: TData, context: JobContext): Promise<void>;
  /** Called after the last allowed attempt failed, before the job is marked failed. */
  onFinalFailure?(data: TData, error: Error, context: JobContext): Promise<void>;
  /** Recurring: a cron expression (UTC) on which the job is sent with `{}` as data. */
  cron?: string;
  /** Jobs of this queue run at most this many at a time per process. */
  concurrency: number;
  /**
   * Jobs whose data gives the same key never run at the same time, on any worker; jobs of
   * different keys share the queue's concurrency (one capture per shop, shops side by side).
   */
  exclusiveKey?(data: TData): string;
}

export type JobDefinitionInput<TData> = Omit<
  JobDefinition<TData>,
  keyof RetryPolicy | "concurrency"
> &
  Partial<RetryPolicy> & { concurrency?: number };

export function defineJob<TData>(definition: JobDefinitionInput<TData>): JobDefinition<TData> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.name)) {
    throw new Error(`Job names are "<capability>.<verb>": ${definition.name}`);
  }
  return {
    retryLimit: 5,
    retryDelaySeconds: 5,
    retryBackoff: true,
    concurrency: 4,
    ...definition,
  };
}

/**
 * An error that retrying cannot fix (the input is invalid). The job's final-failure hook runs at
 * once and the job ends as completed: recording the problem was its last useful work.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export interface SendOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /**
   * Enqueue at most once per key and queue while the job is kept (completed jobs are kept for
   * 14 days); a second send with the same key returns null.
   */
  idempotencyKey?: string;
  priority?: number;
}

export interface QueueCounts {
  queue: string;
  /** Due now, waiting for a worker. */
  ready: number;
  /** Waiting for their start time (delayed runs and retries). */
  deferred: number;
  active: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  data: unknown;
  error: string | null;
  failedAt: Date | null;
  retryCount: number;
}

export interface JobQueue {
  readonly kind: "embedded" | "pg-boss";
  /** Prepares the queue for sending; with `work`, also runs the definitions' workers and schedules. */
  start(definitions: JobDefinition<never>[], options: { work: boolean }): Promise<void>;
  stop(): Promise<void>;
  /** Returns the job id, or null when the idempotency key was already used. */
  send<TData>(
    definition: JobDefinition<TData>,
    data: TData,
    options?: SendOptions,
  ): Promise<string | null>;
  /** Many jobs of one definition in one round trip (the webhook ingest path); ids as for `send`. */
  sendMany<TData>(
    definition: JobDefinition<TData>,
    jobs: { data: TData; options?: SendOptions }[],
  ): Promise<(string | null)[]>;
  counts(): Promise<QueueCounts[]>;
  /** A shop's failed jobs: those whose data names the shop (`{ shop: "x.myshopify.com", … }`). */
  failures(shop: string, limit: number): Promise<FailedJob[]>;
  /** Runs one of the shop's failed jobs again from its first attempt; false if there is none. */
  retry(shop: string, queue: string, id: string): Promise<boolean>;
  /**
   * Erasure: deletes the shop's jobs (not those running) whose data or error mentions any of
   * `mentions` (case-insensitive), or all of the shop's jobs when `mentions` is "all". Returns
   * how many went.
   */
  eraseShopJobs(shop: string, mentions: string[] | "all"): Promise<number>;
}

/** Delay before retry number `retryCount` (1-based) under the policy, in milliseconds. */
export function retryDelayMs(
  policy: RetryPolicy,
  retryCount: number,
  random = Math.random,
): number {
  const base = policy.retryDelaySeconds * 1000;
  if (!policy.retryBackoff) return base;
  const exponential = base * 2 ** Math.min(retryCount - 1, 16);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

export const COMPLETED_JOB_RETENTION_DAYS = 14;
