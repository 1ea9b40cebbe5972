import type { ReceivedEmail } from "../standin/mailbox";

/**
 * The dashboard brought up to date and the weekly digest in the owner's mailbox. The digest has no
 * HTTP path: the app's hourly scheduler (`analytics.digest-all`) enqueues one `analytics.digest`
 * job per shop on Monday mornings, so the demo enqueues that same job, with the scheduler's key,
 * and the app's workers send it. The rollups are rebuilt with `npm run analytics:rebuild`'s
 * function, so the dashboard does not wait for the next minute's capture.
 */

/** What the app's modules read from the environment, as the app process has it. */
export interface AppEnvironment {
  DATABASE_URL: string;
  SHOPIFY_API_KEY: string;
  SHOPIFY_API_SECRET: string;
  SHOPIFY_APP_URL: string;
}

/** Imported only now: the app's modules read DATABASE_URL and the configuration when loaded. */
async function appModules(env: AppEnvironment) {
  Object.assign(process.env, env);
  const [{ jobs }, analytics, rollups, { db }] = await Promise.all([
    import("../../app/platform/jobs/queue.server"),
    import("../../app/analytics/jobs.server"),
    import("../../app/analytics/rollups.server"),
    import("../../app/db.server"),
  ]);
  return { jobs, db, ...analytics, ...rollups };
}

/** The digests the owner received (they also get alerts, e.g. about unhappy customers). */
async function ownerDigests(standinUrl: string, owner: string) {
  const response = await fetch(`${standinUrl}/__standin/mailbox?to=${encodeURIComponent(owner)}`);
  return ((await response.json()) as ReceivedEmail[]).filter(
    (email) => email.headers["x-aftercare-trigger"] === "digest.weekly",
  );
}

export async function refreshDashboardAndSendDigest(options: {
  env: AppEnvironment;
  shopDomain: string;
  standinUrl: string;
  /** The stand-in shop's owner, whom the digest goes to. */
  owner: string;
}) {
  const { shopDomain, standinUrl, owner } = options;
  const app = await appModules(options.env);
  try {
    const rebuilt = await app.rebuildShop(shopDomain);
    const before = (await ownerDigests(standinUrl, owner)).length;
    const { digestWeek } = await import("../../app/analytics/digest");
    const week = digestWeek(new Date(), await app.shopTimeZone(shopDomain));
    await app.jobs.send(
      app.sendShopDigest,
      { shop: shopDomain },
      { idempotencyKey: `digest:${shopDomain}:${week.from}` },
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      // A look that fails (the busy machine drops a kept-alive connection) is only a look.
      const received = await ownerDigests(standinUrl, owner).catch(() => []);
      if (received.length > before) return { rebuilt, digest: received.at(-1)!.subject };
      if (Date.now() > deadline) return { rebuilt, digest: null };
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await app.jobs.stop();
    await app.db.$disconnect();
  }
}
