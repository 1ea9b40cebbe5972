import { z } from "zod";

/**
 * Every domain event of Aftercare: its name, version, the aggregate it belongs to (events of one
 * aggregate are delivered in the order they were written) and the schema of its data. Events
 * carry ids and facts, not personal data: a subscriber that needs the shopper's email reads it
 * from the owning capability's public face, so erasing a customer never has to rewrite events.
 *
 * Changing an event's shape means a new version of it, never an edit of a published one.
 */

const ShopifyId = z.string().regex(/^\d+$/, "a Shopify id in decimal");

const ShipmentStatus = z.object({ tag: z.string(), subtag: z.string() });

const ShipmentRef = {
  shipmentId: z.string(),
  /** The Shopify order; null for a return's parcel on its way back. */
  orderId: ShopifyId.nullable(),
  /** True for a return's parcel travelling back to the shop. */
  isReturn: z.boolean(),
};

const ReturnRef = { returnId: z.string(), orderId: ShopifyId };

const MemberRef = { memberId: z.string(), customerId: ShopifyId };

const SurveyRef = {
  responseId: z.string(),
  kind: z.enum(["nps", "csat"]),
  score: z.number().int(),
  orderId: ShopifyId.nullable(),
  customerId: ShopifyId.nullable(),
};

function event<TAggregate extends Aggregate, TData extends z.ZodRawShape>(
  aggregate: TAggregate,
  version: number,
  description: string,
  data: TData,
) {
  return { aggregate, version, description, data: z.object(data) };
}

export const AGGREGATES = ["order", "shipment", "return", "member", "survey"] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const EVENT_CATALOG = {
  "order.created": event("order", 1, "Shopify told us of a new order.", {
    orderId: ShopifyId,
    orderName: z.string(),
    customerId: ShopifyId.nullable(),
    currency: z.string(),
    /** Minor units of `currency`. */
    totalPrice: z.number().int(),
  }),
  "shipment.status_changed": event("shipment", 1, "A shipment's derived status moved.", {
    ...ShipmentRef,
    previous: ShipmentStatus,
    current: ShipmentStatus,
    /** Where the newest checkpoint came from ("shopify", "easypost", …); null without one. */
    source: z.string().nullable(),
  }),
  "shipment.delivered": event("shipment", 1, "A shipment reached Delivered.", {
    ...ShipmentRef,
    deliveredAt: z.string().datetime(),
  }),
  "shipment.exception": event("shipment", 1, "A shipment reached Exception.", {
    ...ShipmentRef,
    subtag: z.string(),
  }),
  "shipment.delayed": event(
    "shipment",
    1,
    "A shipment newly needs attention for lateness (missed estimate or stalled).",
    {
      ...ShipmentRef,
      reason: z.string(),
      estimateLatest: z.string().datetime().nullable(),
    },
  ),
  "return.requested": event("return", 1, "A return was requested (portal or Shopify).", {
    ...ReturnRef,
    source: z.string(),
  }),
  "return.approved": event("return", 1, "A return was approved.", ReturnRef),
  "return.declined": event("return", 1, "A return was declined.", ReturnRef),
  "return.in_transit": event(
    "return",
    1,
    "The carrier scanned a return's parcel on its way back.",
    ReturnRef,
  ),
  "return.received": event("return", 1, "A return's items arrived at the shop.", ReturnRef),
  "return.refunded": event("return", 1, "A return was processed: refunds and credit issued.", {
    ...ReturnRef,
    currency: z.string(),
    /** Minor units of `currency`, refunds and store credit together. */
    amount: z.number().int(),
  }),
  "return.exchange_paid": event(
    "return",
    1,
    "A shopper paid a shop-now exchange's difference: its draft order became an order.",
    {
      ...ReturnRef,
      /** The Shopify order the paid draft order became. */
      exchangeOrderId: ShopifyId,
      currency: z.string(),
      /** Minor units of `currency`: what the shopper paid. */
      amount: z.number().int(),
    },
  ),
  "return.closed": event(
    "return",
    1,
    "A return was closed (processed here or in Shopify, or a warranty claim decided).",
    ReturnRef,
  ),
  "return.cancelled": event("return", 1, "A return was cancelled in Shopify.", ReturnRef),
  "return.reopened": event("return", 1, "A closed return was reopened in Shopify.", ReturnRef),
  "loyalty.points_changed": event(
    "member",
    1,
    "A member's spendable or pending points moved (any ledger entry).",
    {
      ...MemberRef,
      entryId: z.string(),
      /** order, refund, return, reward, survey, referral, bonus, manual, expiry */
      source: z.string(),
      points: z.number().int(),
      pendingPoints: z.number().int(),
    },
  ),
  "loyalty.tier_changed": event("member", 1, "A member was promoted or demoted.", {
    ...MemberRef,
    previousTierId: z.string().nullable(),
    tierId: z.string().nullable(),
  }),
  "loyalty.points_expiring": event(
    "member",
    1,
    "A member was warned that their points will expire after inactivity.",
    {
      ...MemberRef,
      points: z.number().int(),
      expiresAt: z.string().datetime(),
    },
  ),
  "loyalty.reward_redeemed": event("member", 1, "A member redeemed points for a reward.", {
    ...MemberRef,
    redemptionId: z.string(),
    rewardId: z.string(),
    points: z.number().int(),
  }),
  "survey.answered": event("survey", 1, "A shopper answered an NPS or delivery (CSAT) survey.", {
    ...SurveyRef,
  }),
  "survey.detractor": event(
    "survey",
    1,
    "A survey answer was unhappy (NPS 0–6, CSAT 1–2).",
    SurveyRef,
  ),
} as const;

export type EventType = keyof typeof EVENT_CATALOG;
export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];

export type EventData<TType extends EventType> = z.output<(typeof EVENT_CATALOG)[TType]["data"]>;

/** What a capability emits: the event's name, its shop, its aggregate's id and its data. */
export type EventInput<TType extends EventType = EventType> = {
  [T in TType]: { type: T; shop: string; aggregateId: string; data: EventData<T> };
}[TType];

/** An event as subscribers receive it. */
export type DomainEvent<TType extends EventType = EventType> = {
  [T in TType]: {
    id: string;
    type: T;
    version: number;
    shop: string;
    aggregate: Aggregate;
    aggregateId: string;
    occurredAt: Date;
    data: EventData<T>;
  };
}[TType];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOG, type);
}
