import { db } from "../db.server";
import { jobs } from "./jobs/queue.server";
import { log } from "./logging/logger.server";

export interface Health {
  ok: boolean;
  database: "ok" | "error";
  queue: "ok" | "error";
  queueKind: string;
}

/**
 * Whether the database answers and the job queue can be read (for /healthz and start-up). The
 * answer is public, so a failure says only "error"; its details (hosts, users, SQL) go to the log.
 */
export async function checkHealth(): Promise<Health> {
  const [database, queue] = await Promise.all([
    probe("database", () => db.$queryRawUnsafe("SELECT 1")),
    probe("queue", () => jobs.counts()),
  ]);
  return { ok: database === "ok" && queue === "ok", database, queue, queueKind: jobs.kind };
}

async function probe(part: string, check: () => Promise<unknown>): Promise<"ok" | "error"> {
  try {
    await check();
    return "ok";
  } catch (error) {
    log().error({ err: error, part }, "Health check failed");
    return "error";
  }
}
