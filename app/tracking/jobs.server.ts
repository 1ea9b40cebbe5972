import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { db } from "../db.server";
import { defineSubscriber, transaction } from "../platform/events/index.server";
import { jobs } from "../platform/jobs/queue.server";
import { PermanentJobError, defineJob } from "../platform/jobs/types";
import { log } from "../platform/logging/logger.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { toGid } from "../platform/shopify/gid";
import { FulfillmentEventCreateMutation } from "./operations";
import { trackingProvider } from "./providers/registry.server";
import {
  applyProviderTracking,
  recordCheckpoints,
  refreshShipment,
  shopTrackingContext,
} from "./shipments.server";
import { status, toFulfillmentEventStatus, type Status } from "./status";

const ShipmentJob = z.object({ shop: z.string(), shipmentId: z.string() });

const WriteBackJob = ShipmentJob.extend({ status: z.string() });

/** A claim older than this is from a worker that died mid-send: another run takes it over. */
const CLAIM_TIMEOUT_MS = 5 * 60_000;

/**
 * Pushes one status of a shipment to Shopify (with the time, place and words of the newest scan
 * that is that status), at most once per shipment × status, and never after a later one.
 */
export const writeBackStatus = defineJob({
  name: "tracking.write-back",
  schema: WriteBackJob,
  retryLimit: 6,
  async run({ shop, shipmentId, status: eventStatus }) {
    const shipment = await db.trackingShipment.findFirst({
      where: { id: shipmentId, shopDomain: shop },
      include: { fulfillment: true },
    });
    if (!shipment) return;
    const context = await shopTrackingContext(shop);
    if (!context.settings.writeBack) return;

    const checkpoints = await db.trackingCheckpoint.findMany({
      where: { fulfillmentId: shipment.fulfillmentId, OR: [{ shipmentId }, { shipmentId: null }] },
      orderBy: { occurredAt: "desc" },
    });
    const scan = checkpoints.find(
      (checkpoint) => toFulfillmentEventStatus(checkpoint as Status) === eventStatus,
    );
    if (!scan) return;
    // Shopify shows the latest event it got: an older status sent now would move it backwards.
    const later = await db.trackingWriteBack.findFirst({
      where: { shipmentId, state: "sent", happenedAt: { gt: scan.occurredAt } },
    });
    if (later) return;

    const record = await db.trackingWriteBack.upsert({
      where: { shipmentId_status: { shipmentId, status: eventStatus } },
      create: { shopDomain: shop, shipmentId, status: eventStatus, happenedAt: scan.occurredAt },
      update: {},
    });
    const claimed = await db.trackingWriteBack.updateMany({
      where: {
        id: record.id,
        OR: [
          { state: { in: ["pending", "failed"] } },
          { state: "sending", updatedAt: { lt: new Date(Date.now() - CLAIM_TIMEOUT_MS) } },
        ],
      },
      data: { state: "sending", happenedAt: scan.occurredAt },
    });
    if (claimed.count === 0) return;

    const fail = (message: string) =>
      db.trackingWriteBack.update({
        where: { id: record.id },
        data: { state: "failed", error: message.slice(0, 500) },
      });
    let result;
    try {
      result = await adminGateway.request(shop, FulfillmentEventCreateMutation, {
        fulfillmentEvent: {
          fulfillmentId: toGid("Fulfillment", shipment.fulfillment.shopifyId),
          status: eventStatus,
          happenedAt: scan.occurredAt.toISOString(),
          message: scan.message,
          estimatedDeliveryAt: shipment.estimateLatest?.toISOString() ?? null,
          city: scan.city,
          province: scan.region,
          country: scan.country,
          zip: scan.postalCode,
        },
      });
    } catch (error) {
      await fail((error as Error).message);
      throw error;
    }
    const payload = result.fulfillmentEventCreate;
    if (!payload || payload.userErrors.length) {
      const message =
        payload?.userErrors.map((error) => error.message).join("; ") ?? "empty payload";
      await fail(message);
      throw new PermanentJobError(`fulfillmentEventCreate refused: ${message}`);
    }
    await db.trackingWriteBack.update({
      where: { id: record.id },
      data: { state: "sent", shopifyEventId: payload.fulfillmentEvent?.id ?? null, error: null },
    });
  },
});

/**
 * A status a carrier data source (not Shopify) told us goes back to Shopify, so the order-status
 * page, Shop app and Shopify's own notifications stay right. A return's parcel has no Shopify
 * fulfillment to write to.
 */
export const writeBackOnStatusChange = defineSubscriber({
  name: "tracking.write-back",
  events: ["shipment.status_changed"],
  async handle({ shop, data }) {
    if (data.isReturn) return;
    const eventStatus = toFulfillmentEventStatus(data.current as Status);
    // Only what a carrier data source told us is news to Shopify; its own statuses are not.
    const fromCarrierSource = data.source !== null && data.source !== "shopify";
    if (!eventStatus || !fromCarrierSource) return;
    await jobs.send(
      writeBackStatus,
      { shop, shipmentId: data.shipmentId, status: eventStatus },
      { idempotencyKey: `${data.shipmentId}:${eventStatus}` },
    );
  },
});

/** Starts following a new shipment with the shop's aggregator. */
export const registerTracker = defineJob({
  name: "tracking.register",
  schema: ShipmentJob,
  retryLimit: 8,
  retryDelaySeconds: 30,
  async run({ shop, shipmentId }) {
    const shipment = await db.trackingShipment.findFirst({
      where: { id: shipmentId, shopDomain: shop },
    });
    const provider = shipment && trackingProvider(shipment.provider);
    if (!shipment || !provider || shipment.providerRef) return;
    const tracking = await provider.register({
      shopDomain: shop,
      trackingNumber: shipment.trackingNumber,
      carrier: shipment.carrier,
      providerRef: null,
    });
    await applyProviderTracking(shop, shipment.id, tracking);
    await db.trackingShipment.update({
      where: { id: shipment.id },
      data: { nextPollAt: nextPoll(shipment.tag, 0), pollFailures: 0 },
    });
  },
});

const HOUR_MS = 3_600_000;
const MAX_POLL_BACKOFF_MS = 24 * HOUR_MS;

/** When to ask the aggregator again: soon when delivery is near, backing off after failures. */
export function nextPoll(tag: string, failures: number, now = new Date()): Date {
  if (failures > 0) {
    return new Date(now.getTime() + Math.min(MAX_POLL_BACKOFF_MS, 15 * 60_000 * 2 ** failures));
  }
  return new Date(now.getTime() + (tag === "OutForDelivery" ? 1 : 6) * HOUR_MS);
}

/** Aggregators limit requests per account: at most this many polls per shop per second. */
const pollLimiter = new RateLimiterMemory({ points: 5, duration: 1 });

/** The fallback when an aggregator's webhooks are late or lost: poll shipments that are due. */
export const pollTrackers = defineJob({
  name: "tracking.poll",
  schema: z.object({}).passthrough(),
  cron: "*/10 * * * *",
  retryLimit: 0,
  concurrency: 1,
  async run() {
    const due = await db.trackingShipment.findMany({
      where: {
        provider: { not: "shopify" },
        providerRef: { not: null },
        nextPollAt: { lte: new Date() },
        tag: { notIn: ["Delivered", "Expired"] },
      },
      orderBy: { nextPollAt: "asc" },
      take: 200,
    });
    for (const shipment of due) {
      const provider = trackingProvider(shipment.provider);
      if (!provider || !shipment.providerRef) continue;
      await waitForPollSlot(shipment.shopDomain);
      try {
        const tracking = await provider.fetch({
          shopDomain: shipment.shopDomain,
          trackingNumber: shipment.trackingNumber,
          carrier: shipment.carrier,
          providerRef: shipment.providerRef,
        });
        const changes = await applyProviderTracking(shipment.shopDomain, shipment.id, tracking);
        const tag = changes[0]?.current.tag ?? shipment.tag;
        await db.trackingShipment.update({
          where: { id: shipment.id },
          data: { nextPollAt: nextPoll(tag, 0), pollFailures: 0 },
        });
      } catch (error) {
        const failures = shipment.pollFailures + 1;
        log().warn({ shipment: shipment.id, failures, err: error }, "Tracker poll failed");
        await db.trackingShipment.update({
          where: { id: shipment.id },
          data: { nextPollAt: nextPoll(shipment.tag, failures), pollFailures: failures },
        });
      }
    }
  },
});

async function waitForPollSlot(shop: string) {
  for (;;) {
    try {
      await pollLimiter.consume(shop);
      return;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await new Promise((resolve) => setTimeout(resolve, rejection.msBeforeNext));
    }
  }
}

const EXPIRE_AFTER_MS = 30 * 24 * HOUR_MS;

/**
 * Time alone changes some states: a shipment stalls, misses its estimate, or expires after 30
 * days without news. Re-derives every open shipment, shop by shop.
 */
export const sweepShipments = defineJob({
  name: "tracking.sweep",
  schema: z.object({ shop: z.string().optional() }).passthrough(),
  cron: "17 * * * *",
  retryLimit: 1,
  concurrency: 1,
  async run({ shop }) {
    const shops = shop
      ? [shop]
      : (
          await db.trackingShipment.findMany({
            where: { tag: { notIn: ["Delivered", "Expired"] } },
            distinct: ["shopDomain"],
            select: { shopDomain: true },
          })
        ).map((row) => row.shopDomain);
    for (const shopDomain of shops) {
      const context = await shopTrackingContext(shopDomain);
      let cursor: string | undefined;
      for (;;) {
        const page = await db.trackingShipment.findMany({
          where: { shopDomain, tag: { notIn: ["Delivered", "Expired"] } },
          orderBy: { id: "asc" },
          take: 200,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
          select: { id: true, fulfillmentId: true, lastCheckpointAt: true, createdAt: true },
        });
        if (page.length === 0) break;
        cursor = page.at(-1)!.id;
        const now = new Date();
        for (const shipment of page) {
          await transaction(async (tx) => {
            const lastNews = shipment.lastCheckpointAt ?? shipment.createdAt;
            if (now.getTime() - lastNews.getTime() > EXPIRE_AFTER_MS) {
              await recordCheckpoints(tx, shopDomain, shipment.fulfillmentId, shipment.id, [
                expiredCheckpoint(now),
              ]);
            }
            await refreshShipment(tx, context, shipment.id, now);
          });
        }
      }
    }
  },
});

function expiredCheckpoint(now: Date) {
  const expired: Status = status("Expired_001");
  return {
    source: "aftercare",
    occurredAt: now,
    utcOffset: null,
    status: expired,
    message: "No tracking information for 30 days",
    city: null,
    region: null,
    country: null,
    postalCode: null,
    estimatedDeliveryAt: null,
  };
}

export const TRACKING_JOBS = [writeBackStatus, registerTracker, pollTrackers, sweepShipments];
