import { jobs } from "../platform/jobs/queue.server";
import { webhookHandler, type WebhookHandler } from "../webhooks/types";
import { registerTracker } from "./jobs.server";
import {
  FulfillmentEventPayloadSchema,
  FulfillmentPayloadSchema,
  OrderFulfillmentsPayloadSchema,
  type FulfillmentPayload,
} from "./schemas";
import {
  applyFulfillment,
  applyFulfillmentEvent,
  orderContext,
  type OrderContext,
} from "./shipments.server";
import { applyProviderEvent } from "./tracking.server";

async function track(shop: string, payload: FulfillmentPayload, order: OrderContext | null) {
  const { createdShipmentIds } = await applyFulfillment(shop, payload, order);
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
 * orders/*: the order's fulfillments (so a missed fulfillments/* webhook is caught up) and the
 * order's name, email and locale for the shipments' lookups and emails.
 */
export const trackOrderFulfillments = webhookHandler(
  "tracking.order",
  OrderFulfillmentsPayloadSchema,
  async ({ shop, payload }) => {
    const order = orderContext(payload);
    for (const fulfillment of payload.fulfillments) await track(shop, fulfillment, order);
  },
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
