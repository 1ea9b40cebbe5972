import type { Tx } from "../db.server";
import { jobs } from "../platform/jobs/queue.server";
import { webhookHandler, type WebhookHandler } from "../webhooks/types";
import { registerTracker } from "./jobs.server";
import {
  FulfillmentEventPayloadSchema,
  FulfillmentPayloadSchema,
  OrderFulfillmentsPayloadSchema,
  type FulfillmentPayload,
  type OrderFulfillmentsPayload,
} from "./schemas";
import {
  applyFulfillment,
  applyFulfillmentEvent,
  importedFulfillmentsWriter,
  orderContext,
  type OrderContext,
} from "./shipments.server";
import { applyProviderEvent } from "./tracking.server";

async function track(
  shop: string,
  payload: FulfillmentPayload,
  order: OrderContext | null,
  registerTrackers = true,
) {
  const { createdShipmentIds } = await applyFulfillment(shop, payload, order);
  if (!registerTrackers) return;
  for (const shipmentId of createdShipmentIds) {
    await jobs.send(
      registerTracker,
      { shop, shipmentId },
      { idempotencyKey: `register:${shipmentId}` },
    );
  }
}

/** fulfillments/create and fulfillments/update. */
export const trackFulfillment = webhookHandler(
  "tracking.fulfillment",
  FulfillmentPayloadSchema,
  async ({ shop, payload }) => track(shop, payload, null),
);

/**
 * An order's fulfillments (so a missed fulfillments/* webhook is caught up) with the order's
 * name, email and locale for the shipments' lookups and emails: orders/* webhooks, and orders
 * read from the shop's history (`imported`: no aggregator tracker is bought for them, they are
 * mostly long delivered).
 */
export async function applyOrderFulfillments(
  shop: string,
  payload: OrderFulfillmentsPayload,
  { imported = false }: { imported?: boolean } = {},
) {
  const order = orderContext(payload);
  for (const fulfillment of payload.fulfillments) await track(shop, fulfillment, order, !imported);
}

/**
 * Orders' fulfillments read from the shop's history, written in the caller's transaction, as
 * applyOrderFulfillments with `imported` writes them. Call it before the transaction opens: it
 * reads the shop's tracking settings first.
 */
export async function importedOrderFulfillmentsWriter(shop: string) {
  const write = await importedFulfillmentsWriter(shop);
  return (tx: Tx, orders: OrderFulfillmentsPayload[]) =>
    write(
      tx,
      orders.flatMap((payload) => {
        const order = orderContext(payload);
        return payload.fulfillments.map((fulfillment) => ({ payload: fulfillment, order }));
      }),
    );
}

/** orders/*: see applyOrderFulfillments. */
export const trackOrderFulfillments = webhookHandler(
  "tracking.order",
  OrderFulfillmentsPayloadSchema,
  async ({ shop, payload }) => applyOrderFulfillments(shop, payload),
);

export const trackFulfillmentEvent = webhookHandler(
  "tracking.fulfillment-event",
  FulfillmentEventPayloadSchema,
  async ({ shop, payload }) => {
    await applyFulfillmentEvent(shop, payload);
  },
);

/** The aggregators' tracker events the inbox stores, as "<provider>/<event>" topics. */
export const PROVIDER_EVENT_TOPICS = ["easypost/tracker.created", "easypost/tracker.updated"];

/** An aggregator's verified tracker event, applied from the inbox with its retries. */
export const trackProviderEvent: WebhookHandler = {
  name: "tracking.provider-event",
  async handle({ shop, topic, payload, triggeredAt }) {
    const provider = topic.slice(0, topic.indexOf("/"));
    await applyProviderEvent(provider, shop, payload, triggeredAt);
  },
};
