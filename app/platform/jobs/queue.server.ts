import { config } from "../../config.server";
import { db, sql } from "../../db.server";
import { EmbeddedJobQueue } from "./embedded-queue.server";
import { PgBossJobQueue } from "./pgboss-queue.server";
import type { JobQueue } from "./types";

function createQueue(): JobQueue {
  const { databaseProvider, databaseUrl, JOBS_POLL_INTERVAL_MS, JOBS_LEASE_MS } = config();
  return databaseProvider === "postgresql"
    ? new PgBossJobQueue(databaseUrl, {
        pollIntervalMs: JOBS_POLL_INTERVAL_MS,
        leaseMs: JOBS_LEASE_MS,
      })
    : new EmbeddedJobQueue(db, sql, {
        pollIntervalMs: JOBS_POLL_INTERVAL_MS,
        leaseMs: JOBS_LEASE_MS,
      });
}

declare global {
  var __aftercareJobs: JobQueue | undefined;
}

/** The process's job queue: pg-boss on PostgreSQL, the embedded queue on SQLite. */
export const jobs: JobQueue = (globalThis.__aftercareJobs ??= createQueue());
