import { publishToDestinations } from "../destinations/index.server";
import { EVENT_TYPES, defineSubscriber } from "../platform/events/index.server";

/**
 * Every domain event → the shop's Klaviyo account and its own endpoints that chose the event's
 * type. The event id keys each delivery, so the relay delivering an event twice sends it once.
 */
export const eventsToDestinations = defineSubscriber({
  name: "flows.destinations",
  events: EVENT_TYPES,
  async handle(event) {
    await publishToDestinations({
      id: event.id,
      type: event.type,
      shop: event.shop,
      occurredAt: event.occurredAt,
      data: event.data,
    });
  },
});
