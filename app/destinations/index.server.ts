/**
 * Destinations, the public face: domain events out to the shop's Klaviyo account and to its own
 * HTTPS endpoints, each delivery durable, signed (endpoints) and retried on its own schedule.
 */
export { exportCustomerDeliveries, redactCustomerDeliveries } from "./compliance.server";
export {
  DESTINATION_JOBS,
  DISABLE_AFTER_FAILING_DAYS,
  deliveryCounts,
  listDeliveries,
  publishToDestinations,
  replayDelivery,
  RETRY_SCHEDULE_SECONDS,
  sendTestEvent,
} from "./deliveries.server";
export {
  connectKlaviyo,
  createEndpoint,
  deleteDestination,
  DestinationInputError,
  getDestination,
  listDestinations,
  updateEndpoint,
  type EndpointView,
} from "./endpoints.server";
export { KLAVIYO_METRICS, type PublishedEvent } from "./events";
