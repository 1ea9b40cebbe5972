import { CAPABILITIES } from "./capabilities.server";
import { config } from "./config.server";
import { prepareDatabase } from "./db.server";
import { FLOW_SUBSCRIBERS } from "./flows/index.server";
import { EVENT_JOBS, useSubscribers, wakeRelay } from "./platform/events/index.server";
import { jobs } from "./platform/jobs/queue.server";
import type { JobDefinition } from "./platform/jobs/types";
import { log } from "./platform/logging/logger.server";
import { onShopInstalled } from "./shops/index.server";
import { releaseHeldDeliveries, sweepInbox, WEBHOOK_JOBS } from "./webhooks/jobs.server";

/** Every background job of the app: the one list the workers run. */
export const ALL_JOBS = [
  ...WEBHOOK_JOBS,
  ...EVENT_JOBS,
  ...CAPABILITIES.flatMap((capability) => capability.jobs ?? []),
] as JobDefinition<never>[];

/** Every event subscriber of the app: flows, and capabilities following their own events. */
export const ALL_SUBSCRIBERS = [
  ...FLOW_SUBSCRIBERS,
  ...CAPABILITIES.flatMap((capability) => capability.subscribers ?? []),
];

// Wired here, where every capability is in reach, because the inbox's handlers depend on shops.
onShopInstalled(releaseHeldDeliveries);

let started: Promise<void> | undefined;

/** Runs the workers and recurring jobs in this process (the web process by default, or `npm run worker`). */
export function startBackgroundWork(): Promise<void> {
  started ??= (async () => {
    await prepareDatabase();
    useSubscribers(ALL_SUBSCRIBERS);
    await jobs.start(ALL_JOBS, { work: true });
    await jobs.send(sweepInbox, { minAgeSeconds: 0 });
    // Events a process committed but did not get to relay before it stopped.
    await wakeRelay();
    log().info({ queue: jobs.kind, jobs: ALL_JOBS.length }, "Background workers started");
  })();
  return started;
}

/**
 * Stops taking jobs and waits for the running ones, for at most `SHUTDOWN_GRACE_MS`: a job still
 * running then is left to its lease, and the next worker runs it again (jobs are safe to repeat),
 * so a stuck job cannot keep a stopping process alive until the platform kills it.
 */
export async function stopBackgroundWork() {
  const graceMs = config().SHUTDOWN_GRACE_MS;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<"gave up">((resolve) => {
    timer = setTimeout(() => resolve("gave up"), graceMs);
  });
  const outcome = await Promise.race([jobs.stop().then(() => "stopped" as const), gaveUp]);
  clearTimeout(timer);
  started = undefined;
  if (outcome === "gave up") {
    log().warn({ graceMs }, "Jobs still running at shutdown are left to their leases");
  }
}
