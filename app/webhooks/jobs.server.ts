import { z } from "zod";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { log, withLogContext } from "../platform/logging/logger.server";
import { parseShopifyJson } from "../platform/shopify/json";
import {
  findDelivery,
  markFailedAttempt,
  markProcessed,
  pruneFinished,
  requeueParked,
  staleReceived,
  startAttempt,
} from "./inbox.server";
import { handlersFor } from "./registry.server";

const MINUTE_MS = 60_000;
const PAYLOAD_RETENTION_DAYS = 7;

/** Runs every handler registered for the delivery's topic; each handler is idempotent. */
export const processWebhook = defineJob({
  name: "webhooks.process",
  schema: z.object({ deliveryId: z.string(), shop: z.string() }),
  retryLimit: 5,
  retryDelaySeconds: 10,
  concurrency: 4,
  async run({ deliveryId }) {
    const delivery = await startAttempt(deliveryId);
    if (!delivery) return;
    await withLogContext({ shop: delivery.shopDomain }, async () => {
      const context = {
        shop: delivery.shopDomain,
        topic: delivery.topic,
        payload: parseShopifyJson(delivery.payload),
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
      log().debug({ topic: delivery.topic, deliveryId }, "Webhook processed");
    });
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

export const pruneInbox = defineJob({
  name: "webhooks.prune",
  schema: z.object({}),
  cron: "17 3 * * *",
  retryLimit: 1,
  concurrency: 1,
  async run() {
    const pruned = await pruneFinished(
      new Date(Date.now() - PAYLOAD_RETENTION_DAYS * 24 * 60 * MINUTE_MS),
    );
    log().info({ pruned }, "Pruned processed webhook payloads");
  },
});

export const WEBHOOK_JOBS = [processWebhook, sweepInbox, pruneInbox];
