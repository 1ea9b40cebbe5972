import { z } from "zod";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { installedShopDomains } from "../shops/index.server";
import { captureChanges } from "./capture.server";
import { digestWeek } from "./digest";
import { sendWeeklyDigest } from "./digest.server";
import { shopTimeZone } from "./rollups.server";

/**
 * One shop's rollups brought up to date with its raw tables. Shops are captured side by side, so
 * a shop whose import is being captured does not hold back the others' minute looks (nor they
 * it); one shop's captures run one at a time, since two would recompute the same days. (The queue
 * was "analytics.capture" before it became per-shop exclusive: pg-boss fixes that at creation.)
 */
export const captureShopChanges = defineJob({
  name: "analytics.capture-shop",
  schema: z.object({ shop: z.string() }),
  retryLimit: 2,
  concurrency: 3,
  exclusiveKey: ({ shop }) => shop,
  async run({ shop }) {
    await captureChanges(shop);
  },
});

/**
 * The shop's rollups brought up to date now rather than at the next minute's look (a bulk writer
 * calls this after each batch, so the dashboard fills as it runs); `key` names the batch, so a
 * batch retried asks once.
 */
export async function captureChangesSoon(shop: string, key: string) {
  // Ahead of the minute's routine looks at every shop: a merchant is watching this one fill.
  await jobs.send(
    captureShopChanges,
    { shop },
    { idempotencyKey: `capture:${shop}:${key}`, priority: 10 },
  );
}

/** Every minute, every installed shop: the dashboard is at most a minute or two behind. */
export const captureAllShops = defineJob({
  name: "analytics.capture-all",
  schema: z.object({}),
  cron: "* * * * *",
  retryLimit: 0,
  async run() {
    const minute = new Date().toISOString().slice(0, 16);
    for (const shop of await installedShopDomains()) {
      await jobs.send(
        captureShopChanges,
        { shop },
        { idempotencyKey: `capture:${shop}:${minute}` },
      );
    }
  },
});

/** One shop's weekly digest; sending it twice for a week is refused by the notifications log. */
export const sendShopDigest = defineJob({
  name: "analytics.digest",
  schema: z.object({ shop: z.string() }),
  retryLimit: 3,
  concurrency: 1,
  async run({ shop }) {
    await sendWeeklyDigest(shop);
  },
});

/**
 * Every hour, every installed shop whose Monday 08:00 has passed: its digest, keyed by shop and
 * week so the hours after it (and other workers) enqueue nothing more.
 */
export const sendDueDigests = defineJob({
  name: "analytics.digest-all",
  schema: z.object({}),
  cron: "5 * * * *",
  retryLimit: 0,
  async run() {
    const now = new Date();
    for (const shop of await installedShopDomains()) {
      const week = digestWeek(now, await shopTimeZone(shop));
      await jobs.send(sendShopDigest, { shop }, { idempotencyKey: `digest:${shop}:${week.from}` });
    }
  },
});

export const ANALYTICS_JOBS = [captureShopChanges, captureAllShops, sendShopDigest, sendDueDigests];
