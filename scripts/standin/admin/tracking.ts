import { shopStore } from "../state";
import type { AdminHandler } from "./types";

const FULFILLMENT_EVENT_STATUSES = new Set([
  "ATTEMPTED_DELIVERY",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "DELIVERED",
  "FAILURE",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "OUT_FOR_DELIVERY",
  "READY_FOR_PICKUP",
]);

export interface RecordedFulfillmentEvent {
  id: string;
  fulfillmentId: string;
  status: string;
  happenedAt: string;
  message: string | null;
  estimatedDeliveryAt: string | null;
  city: string | null;
  country: string | null;
}

/** What the shop's fulfillments show on Shopify's side: the events apps wrote. */
export const fulfillmentEvents = (shop: Parameters<AdminHandler>[0]["shop"]) =>
  shopStore<RecordedFulfillmentEvent[]>(shop, "fulfillmentEvents", () => []);

export const trackingHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentEventCreate
  FulfillmentEventCreate: ({ shop, variables }) => {
    const input = variables.fulfillmentEvent as Record<string, string | null>;
    const userErrors: { field: string[]; message: string }[] = [];
    if (!/^gid:\/\/shopify\/Fulfillment\/\d+$/.test(input.fulfillmentId ?? "")) {
      userErrors.push({
        field: ["fulfillmentEvent", "fulfillmentId"],
        message: "Fulfillment does not exist",
      });
    }
    if (!FULFILLMENT_EVENT_STATUSES.has(input.status ?? "")) {
      userErrors.push({
        field: ["fulfillmentEvent", "status"],
        message: "Status is not included in the list",
      });
    }
    if (userErrors.length)
      return { fulfillmentEventCreate: { fulfillmentEvent: null, userErrors } };
    const events = fulfillmentEvents(shop);
    const event: RecordedFulfillmentEvent = {
      id: `gid://shopify/FulfillmentEvent/${900_000_000 + events.length + 1}`,
      fulfillmentId: input.fulfillmentId!,
      status: input.status!,
      happenedAt: input.happenedAt ?? new Date().toISOString(),
      message: input.message ?? null,
      estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
      city: input.city ?? null,
      country: input.country ?? null,
    };
    events.push(event);
    return {
      fulfillmentEventCreate: {
        fulfillmentEvent: { id: event.id, status: event.status, happenedAt: event.happenedAt },
        userErrors: [],
      },
    };
  },
};
