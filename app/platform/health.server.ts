import { db } from "../db.server";
import { jobs } from "./jobs/queue.server";

export interface Health {
  ok: boolean;
  database: "ok" | string;
  queue: "ok" | string;
  queueKind: string;
}

/** Whether the database answers and the job queue can be read (for /healthz and start-up). */
export async function checkHealth(): Promise<Health> {
  const [database, queue] = await Promise.all([
    db.$queryRawUnsafe("SELECT 1").then(
      () => "ok",
      (error: unknown) => `error: ${(error as Error).message}`,
    ),
    jobs.counts().then(
      () => "ok",
      (error: unknown) => `error: ${(error as Error).message}`,
    ),
  ]);
  return { ok: database === "ok" && queue === "ok", database, queue, queueKind: jobs.kind };
}
