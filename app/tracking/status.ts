/**
 * The shipment status model of PRODUCT.md: AfterShip-compatible tags and sub-statuses, how
 * Shopify's and aggregators' statuses map onto them, and how each maps back to Shopify's
 * `FulfillmentEventStatus` for write-back.
 */

export const TAGS = [
  "Pending",
  "InfoReceived",
  "InTransit",
  "OutForDelivery",
  "AvailableForPickup",
  "AttemptFail",
  "Delivered",
  "Exception",
  "Expired",
] as const;
export type Tag = (typeof TAGS)[number];

export interface Status {
  tag: Tag;
  subtag: string;
}

export const SUBTAG_MESSAGES = {
  Pending_001: "Pending",
  Pending_002: "Carrier account not connected",
  InfoReceived_001: "Label created, awaiting pickup",
  InTransit_001: "In transit",
  InTransit_002: "Acceptance scan",
  InTransit_003: "Arrival scan",
  InTransit_004: "Arrived at destination country",
  InTransit_005: "Customs clearance completed",
  InTransit_006: "Customs clearance started",
  InTransit_007: "Departure scan",
  InTransit_008: "Problem resolved",
  InTransit_009: "Forwarded to a different address",
  OutForDelivery_001: "Out for delivery",
  OutForDelivery_003: "Customer contacted",
  OutForDelivery_004: "Delivery appointment scheduled",
  AvailableForPickup_001: "Available for pickup",
  AttemptFail_001: "Delivery attempted",
  AttemptFail_002: "Addressee not available",
  AttemptFail_003: "Business closed",
  Delivered_001: "Delivered",
  Delivered_002: "Picked up by customer",
  Delivered_003: "Signed by customer",
  Delivered_004: "Delivered and cash collected",
  Delivered_005: "Delivered to neighbour",
  Exception_001: "Exception",
  Exception_002: "Customer moved",
  Exception_003: "Refused by addressee",
  Exception_004: "Delayed (customs)",
  Exception_005: "Delayed (external factors)",
  Exception_006: "Held for payment",
  Exception_007: "Incorrect address",
  Exception_008: "Pickup missed",
  Exception_009: "Rejected by carrier",
  Exception_010: "Returning to sender",
  Exception_011: "Returned to sender",
  Exception_012: "Damaged",
  Exception_013: "Lost",
  Exception_016: "Delayed (processing)",
  Exception_017: "Delayed (weather)",
  Exception_018: "Incorrect or missing documents",
  Exception_019: "Delayed (late flight)",
  Exception_020: "Cancelled",
  Exception_021: "Disposed",
  Expired_001: "No information for 30 days",
} as const satisfies Record<string, string>;

export function subtagMessage(subtag: string): string {
  return (SUBTAG_MESSAGES as Record<string, string>)[subtag] ?? subtag;
}

export function status(subtag: string): Status {
  const tag = subtag.slice(0, subtag.indexOf("_")) as Tag;
  if (!TAGS.includes(tag) || !(subtag in SUBTAG_MESSAGES)) {
    throw new Error(`Unknown sub-status ${subtag}`);
  }
  return { tag, subtag };
}

/**
 * How far along the journey a tag is. Used only to break ties between events at the same
 * instant; the newest event otherwise decides (a shipment can go from Exception back to InTransit).
 */
const PROGRESS: Record<Tag, number> = {
  Pending: 0,
  InfoReceived: 1,
  InTransit: 2,
  Expired: 2,
  Exception: 3,
  AttemptFail: 3,
  AvailableForPickup: 4,
  OutForDelivery: 4,
  Delivered: 5,
};

export function progress(tag: Tag): number {
  return PROGRESS[tag];
}

/** Shopify's fulfillment `shipment_status` (REST) and fulfillment event `status`. */
const SHOPIFY_SHIPMENT_STATUS: Record<string, string> = {
  label_printed: "InfoReceived_001",
  label_purchased: "InfoReceived_001",
  confirmed: "InfoReceived_001",
  carrier_picked_up: "InTransit_002",
  picked_up: "Delivered_002",
  in_transit: "InTransit_001",
  out_for_delivery: "OutForDelivery_001",
  attempted_delivery: "AttemptFail_001",
  ready_for_pickup: "AvailableForPickup_001",
  delivered: "Delivered_001",
  delayed: "Exception_005",
  failure: "Exception_001",
};

export function fromShopifyShipmentStatus(value: string | null | undefined): Status | null {
  const subtag = value ? SHOPIFY_SHIPMENT_STATUS[value.toLowerCase()] : undefined;
  return subtag ? status(subtag) : null;
}

/** Shopify's `FulfillmentEventStatus` for a tag: what the order-status page and Shop app show. */
export function toFulfillmentEventStatus({ tag, subtag }: Status): string | null {
  switch (tag) {
    case "InfoReceived":
      return "LABEL_PRINTED";
    case "InTransit":
      return subtag === "InTransit_002" ? "CARRIER_PICKED_UP" : "IN_TRANSIT";
    case "OutForDelivery":
      return "OUT_FOR_DELIVERY";
    case "AvailableForPickup":
      return "READY_FOR_PICKUP";
    case "AttemptFail":
      return "ATTEMPTED_DELIVERY";
    case "Delivered":
      return "DELIVERED";
    case "Exception":
      return [
        "Exception_004",
        "Exception_005",
        "Exception_016",
        "Exception_017",
        "Exception_019",
      ].includes(subtag)
        ? "DELAYED"
        : "FAILURE";
    case "Pending":
    case "Expired":
      return null;
  }
}

export function isFinal(tag: Tag): boolean {
  return tag === "Delivered" || tag === "Expired";
}
