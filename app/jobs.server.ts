import { prepareDatabase } from "./db.server";
import { LOYALTY_JOBS } from "./loyalty/jobs.server";
import { jobs } from "./platform/jobs/queue.server";
import type { JobDefinition } from "./platform/jobs/types";
import { log } from "./platform/logging/logger.server";
import { NOTIFICATION_JOBS } from "./notifications/notify.server";
import { RECOMMENDATION_JOBS } from "./recommendations/jobs.server";
import { RETURN_JOBS } from "./returns/shopify-returns.server";
import { SHOP_JOBS } from "./shops/shops.server";
import { TRACKING_JOBS } from "./tracking/jobs.server";
import { sweepInbox, WEBHOOK_JOBS } from "./webhooks/jobs.server";

/** Every background job of the app: the one list the workers run. */
export const ALL_JOBS = [
  ...WEBHOOK_JOBS,
  ...SHOP_JOBS,
  ...TRACKING_JOBS,
  ...NOTIFICATION_JOBS,
  ...RECOMMENDATION_JOBS,
  ...LOYALTY_JOBS,
  ...RETURN_JOBS,
] as JobDefinition<never>[];

let started: Promise<void> | undefined;

/** Runs the workers and recurring jobs in this process (the web process by default, or `npm run worker`). */
export function startBackgroundWork(): Promise<void> {
  started ??= (async () => {
    await prepareDatabase();
    await jobs.start(ALL_JOBS, { work: true });
    await jobs.send(sweepInbox, { minAgeSeconds: 0 });
    log().info({ queue: jobs.kind, jobs: ALL_JOBS.length }, "Background workers started");
  })();
  return started;
}

export async function stopBackgroundWork() {
  await jobs.stop();
  started = undefined;
}
