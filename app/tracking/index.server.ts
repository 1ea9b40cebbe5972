/** Tracking's public face: what other capabilities and flows may use. */
export { storefrontTrackingUrl, trackByOrder, type ShopperShipment } from "./lookup.server";
export {
  deliveredUnits,
  deliveryPerformance,
  latestOrderShipmentId,
  orderDeliveryDates,
  shipmentDetail,
} from "./queries.server";
export { isReturnShipment, RETURN_FULFILLMENT_PREFIX } from "./return-fulfillments";
export {
  returnOfShipment,
  trackReturnShipment,
  type ReturnShipmentInput,
} from "./return-shipments.server";
export { getTrackingSettings } from "./settings.server";
export { flagShipment } from "./tracking.server";
export { tagMessageKey, trackingTranslator } from "./shopper/messages";
export { applyOrderFulfillments, importedOrderFulfillmentsWriter } from "./webhooks.server";
export { OrderFulfillmentsPayloadSchema, type OrderFulfillmentsPayload } from "./schemas";
