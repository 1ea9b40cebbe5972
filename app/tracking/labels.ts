import type { Tag } from "./status";

/** How the admin names and colours statuses and attention reasons (merchant-facing, English). */
export const TAG_LABELS: Record<Tag, string> = {
  Pending: "Pending",
  InfoReceived: "Label created",
  InTransit: "In transit",
  OutForDelivery: "Out for delivery",
  AvailableForPickup: "Ready for pickup",
  AttemptFail: "Delivery attempted",
  Delivered: "Delivered",
  Exception: "Exception",
  Expired: "Expired",
};

export function tagLabel(tag: string): string {
  return (TAG_LABELS as Record<string, string>)[tag] ?? tag;
}

export const TAG_TONES: Record<string, "success" | "critical" | "attention" | "info" | undefined> =
  {
    InTransit: "info",
    OutForDelivery: "attention",
    AvailableForPickup: "attention",
    AttemptFail: "critical",
    Delivered: "success",
    Exception: "critical",
  };

export const ATTENTION_LABELS: Record<string, string> = {
  stalled: "Stalled",
  exception: "Exception",
  failed_attempt: "Failed attempt",
  missed_estimate: "Missed estimate",
  flagged: "Flagged in Shopify Flow",
};
