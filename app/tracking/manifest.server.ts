import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { exportCustomerShipments, redactCustomerShipments } from "./compliance.server";
import { TRACKING_JOBS, writeBackOnStatusChange } from "./jobs.server";
import {
  PROVIDER_EVENT_TOPICS,
  trackFulfillment,
  trackFulfillmentEvent,
  trackOrderFulfillments,
  trackProviderEvent,
} from "./webhooks.server";

const ORDER_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
];

export const trackingCapability = defineCapability({
  name: "tracking",
  webhooks: {
    ...Object.fromEntries(ORDER_TOPICS.map((topic) => [topic, [trackOrderFulfillments]])),
    "fulfillments/create": [trackFulfillment],
    "fulfillments/update": [trackFulfillment],
    "fulfillment_events/create": [trackFulfillmentEvent],
    ...Object.fromEntries(PROVIDER_EVENT_TOPICS.map((topic) => [topic, [trackProviderEvent]])),
  },
  jobs: TRACKING_JOBS as JobDefinition<never>[],
  customerData: {
    exportCustomer: exportCustomerShipments,
    redactCustomer: redactCustomerShipments,
  },
  emits: [
    "shipment.status_changed",
    "shipment.delivered",
    "shipment.exception",
    "shipment.delayed",
  ],
  subscribers: [writeBackOnStatusChange],
});
