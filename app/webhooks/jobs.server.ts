import { z } from "zod";
import { config } from "../config.server";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { log, withLogContext } from "../platform/logging/logger.server";
import { parseShopifyJson } from "../platform/shopify/json";
import { installations } from "../shops/index.server";
import { COMPLIANCE_TOPICS } from "./admission";
import {
  claimHeld,
  findDelivery,
  heldDeliveries,
  holdDelivery,
  ignoreWithoutPayload,
  markFailedAttempt,
  markProcessed,
  pruneFinished,
  purgeHeld,
  requeueParked,
  shopsWithHeldDeliveries,
  staleReceived,
  startAttempt,
} from "./inbox.server";
import { handlersFor } from "./registry.server";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

type ClaimedDelivery = NonNullable<Awaited<ReturnType<typeof startAttempt>>>;

/**
 * Runs every handler registered for a claimed delivery's topic; each handler is idempotent. The
 * shop is checked again first: it may have uninstalled since the delivery was stored, or (a
 * delivery stored while its install was being written) not be installed yet.
 */
async function processDelivery(delivery: ClaimedDelivery) {
  await withLogContext({ shop: delivery.shopDomain }, async () => {
    if (!COMPLIANCE_TOPICS.has(delivery.topic)) {
      const installation = (await installations([delivery.shopDomain])).get(delivery.shopDomain);
      if (installation === undefined) return holdDelivery(delivery.id);
      if (installation === "uninstalled")
        return ignoreWithoutPayload(delivery.id, "The shop uninstalled Aftercare before it ran");
    }
    const context = {
      shop: delivery.shopDomain,
      topic: delivery.topic,
      payload: parseShopifyJson(delivery.payload ?? "{}"),
      webhookId: delivery.webhookId,
      deliveryId: delivery.id,
      triggeredAt: delivery.triggeredAt,
    };
    for (const handler of handlersFor(delivery.topic)) {
      try {
        await handler.handle(context);
      } catch (error) {
        const message = `${handler.name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        await markFailedAttempt(delivery.id, message, false);
        throw error;
      }
    }
    await markProcessed(delivery.id);
    log().debug({ topic: delivery.topic, deliveryId: delivery.id }, "Webhook processed");
  });
}

export const processWebhook = defineJob({
  name: "webhooks.process",
  schema: z.object({ deliveryId: z.string(), shop: z.string() }),
  retryLimit: 5,
  retryDelaySeconds: 10,
  concurrency: 4,
  async run({ deliveryId }) {
    const delivery = await startAttempt(deliveryId);
    if (delivery) await processDelivery(delivery);
  },
  async onFinalFailure({ deliveryId }, error) {
    const delivery = await findDelivery(deliveryId);
    await markFailedAttempt(deliveryId, delivery?.lastError ?? error.message, true);
  },
});

export async function enqueueDelivery(
  delivery: { id: string; shopDomain: string },
  idempotencyKey: string,
) {
  return jobs.send(
    processWebhook,
    { deliveryId: delivery.id, shop: delivery.shopDomain },
    { idempotencyKey },
  );
}

/** Enqueues newly stored deliveries in one round trip, keyed by their webhook id. */
export async function enqueueDeliveries(
  deliveries: { id: string; shopDomain: string; webhookId: string }[],
) {
  if (!deliveries.length) return;
  await jobs.sendMany(
    processWebhook,
    deliveries.map((delivery) => ({
      data: { deliveryId: delivery.id, shop: delivery.shopDomain },
      options: { idempotencyKey: delivery.webhookId },
    })),
  );
}

/** Sends a parked delivery through its handlers again. */
export async function replayDelivery(shopDomain: string, deliveryId: string) {
  const delivery = await findDelivery(deliveryId);
  if (!delivery || delivery.shopDomain !== shopDomain) return false;
  if (!(await requeueParked(shopDomain, deliveryId))) return false;
  await enqueueDelivery(delivery, `${delivery.webhookId}:replay:${delivery.attempts}`);
  return true;
}

/**
 * Deliveries stored but never enqueued (the process died in between) are enqueued here: every
 * minute for those older than a minute, and for all of them when workers start.
 */
export const sweepInbox = defineJob({
  name: "webhooks.sweep",
  schema: z.object({ minAgeSeconds: z.number().int().min(0).default(60) }),
  cron: "* * * * *",
  retryLimit: 0,
  concurrency: 1,
  async run({ minAgeSeconds }) {
    const stale = await staleReceived(new Date(Date.now() - minAgeSeconds * 1000), 500);
    for (const delivery of stale) {
      const key =
        delivery.attempts === 0
          ? delivery.webhookId
          : `${delivery.webhookId}:sweep:${delivery.attempts}`;
      const sent = await enqueueDelivery(delivery, key);
      if (sent)
        log().warn(
          { deliveryId: delivery.id },
          "Enqueued a webhook delivery that was stored but never queued",
        );
    }
  },
});

/**
 * Runs what was held for a shop until it installed, one delivery after the other in the order
 * Shopify triggered them (the queue's parallel workers would not keep that order). A delivery
 * that fails goes on to the usual retries and the rest follow.
 */
export const releaseHeld = defineJob({
  name: "webhooks.release-held",
  schema: z.object({ shop: z.string() }),
  retryLimit: 3,
  concurrency: 1,
  async run({ shop }) {
    for (const held of await heldDeliveries(shop)) {
      const delivery = await claimHeld(held.id);
      if (!delivery) continue;
      try {
        await processDelivery(delivery);
      } catch {
        await enqueueDelivery(delivery, `${delivery.webhookId}:released:${delivery.attempts}`);
      }
    }
  },
});

/** After an install: the shop's held deliveries run now. */
export async function releaseHeldDeliveries(shop: string) {
  await jobs.send(releaseHeld, { shop });
}

/**
 * Held deliveries whose shop never installed within WEBHOOK_HOLD_HOURS are deleted with their
 * payload; on the way, shops that installed without their held deliveries being released (the
 * install raced a delivery) get them released.
 */
export async function expireHeldDeliveries(now = new Date()) {
  const purged = await purgeHeld(new Date(now.getTime() - config().WEBHOOK_HOLD_HOURS * HOUR_MS));
  const holding = await shopsWithHeldDeliveries(500);
  const installed = await installations(holding);
  for (const shop of holding)
    if (installed.get(shop) === "installed") await releaseHeldDeliveries(shop);
  return purged;
}

export const purgeHeldDeliveries = defineJob({
  name: "webhooks.purge-held",
  schema: z.object({}),
  cron: "*/10 * * * *",
  retryLimit: 1,
  concurrency: 1,
  async run() {
    const purged = await expireHeldDeliveries();
    if (purged) log().info({ purged }, "Purged held webhook deliveries of shops never installed");
  },
});

export const pruneInbox = defineJob({
  name: "webhooks.prune",
  schema: z.object({}),
  cron: "17 3 * * *",
  retryLimit: 1,
  concurrency: 1,
  async run() {
    const pruned = await pruneFinished(
      new Date(Date.now() - config().WEBHOOK_RETENTION_DAYS * 24 * 60 * MINUTE_MS),
    );
    log().info({ pruned }, "Pruned processed webhook payloads");
  },
});

export const WEBHOOK_JOBS = [
  processWebhook,
  sweepInbox,
  releaseHeld,
  purgeHeldDeliveries,
  pruneInbox,
];
