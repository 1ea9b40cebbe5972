import { EVENT_CATALOG, type EventData, type EventType } from "../platform/events/catalog";

/** What `publishToDestinations` takes: one domain event, as the outbox will hand it over. */
export interface PublishedEvent<TType extends EventType = EventType> {
  /** Unique per event: a repeated publish of the same id delivers once. */
  id: string;
  type: TType;
  shop: string;
  occurredAt: Date;
  data: EventData<TType>;
}

/** The body a merchant's endpoint receives; `version` is the catalog's version of the type. */
export function webhookBody(event: PublishedEvent) {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    version: EVENT_CATALOG[event.type].version,
    shop: event.shop,
    occurred_at: event.occurredAt.toISOString(),
    data: event.data,
  });
}

/**
 * The Klaviyo metric each event becomes, named once here: a metric's name is what merchants
 * build flows on, so renaming one would silently orphan their flows.
 */
export const KLAVIYO_METRICS: Record<EventType, string> = {
  "order.created": "Aftercare Order Created",
  "shipment.status_changed": "Aftercare Shipment Status Changed",
  "shipment.delivered": "Aftercare Shipment Delivered",
  "shipment.exception": "Aftercare Shipment Exception",
  "shipment.delayed": "Aftercare Shipment Delayed",
  "return.requested": "Aftercare Return Requested",
  "return.approved": "Aftercare Return Approved",
  "return.declined": "Aftercare Return Declined",
  "return.in_transit": "Aftercare Return In Transit",
  "return.received": "Aftercare Return Received",
  "return.refunded": "Aftercare Return Refunded",
  "return.exchange_paid": "Aftercare Return Exchange Paid",
  "return.closed": "Aftercare Return Closed",
  "return.cancelled": "Aftercare Return Cancelled",
  "return.reopened": "Aftercare Return Reopened",
  "loyalty.points_changed": "Aftercare Points Changed",
  "loyalty.tier_changed": "Aftercare Tier Changed",
  "loyalty.points_expiring": "Aftercare Points Expiring",
  "loyalty.reward_redeemed": "Aftercare Reward Redeemed",
  "survey.answered": "Aftercare Survey Answered",
  "survey.detractor": "Aftercare Survey Detractor",
};

/** The Shopify order and customer an event is about, when its data names them. */
export function eventSubject(event: PublishedEvent): {
  orderId: string | null;
  customerId: string | null;
} {
  const data = event.data as { orderId?: string | null; customerId?: string | null };
  return { orderId: data.orderId ?? null, customerId: data.customerId ?? null };
}

/** The shipment an event is about (shipment.* events). */
export function eventShipmentId(event: PublishedEvent): string | null {
  const data = event.data as { shipmentId?: string };
  return data.shipmentId ?? null;
}
