/** How the admin names and colours return statuses, resolutions, reasons and events (English). */

export const STATUS_LABELS: Record<string, string> = {
  requested: "Requested",
  open: "Open",
  in_transit: "In transit",
  received: "Received",
  closed: "Closed",
  declined: "Declined",
  cancelled: "Cancelled",
};

export const STATUS_TONES: Record<
  string,
  "success" | "critical" | "attention" | "info" | undefined
> = {
  requested: "attention",
  open: "info",
  in_transit: "info",
  received: "success",
  declined: "critical",
};

export const RESOLUTION_LABELS: Record<string, string> = {
  refund: "Refund",
  store_credit: "Store credit",
  exchange: "Exchange",
  keep: "Keep the item",
  warranty: "Warranty claim",
  repair: "Repair",
  replace: "Replacement",
};

export const EVENT_LABELS: Record<string, string> = {
  requested: "Requested",
  approved: "Approved",
  declined: "Declined",
  label_issued: "Label issued",
  in_transit: "On its way back",
  received: "Received",
  processed: "Processed",
  closed: "Closed",
  note: "Note",
  refund_scheduled: "Automatic refund scheduled",
  refund_cancelled: "Automatic refund cancelled",
  refund_held: "Refund held for the merchant",
  inspected: "Inspected",
  claim_decided: "Warranty decision",
  exchange_chosen: "Shop-now exchange chosen",
  exchange_paid: "Exchange difference paid",
  exchange_ordered: "Exchange ordered",
};

/** A shop-now exchange's state (app/returns/shop-now.server.ts) as the admin names it. */
export const EXCHANGE_STATUS_LABELS: Record<string, string> = {
  awaiting_payment: "Waiting for the shopper's payment",
  paid: "Paid: order created in Shopify",
  ready: "Nothing to pay: ordered when the return is processed",
  ordering: "Ordering",
  ordered: "Ordered",
};

export const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** Shopify's reason handles ("size-too-small", legacy "SIZE_TOO_SMALL") as words. */
export function reasonLabel(handle: string): string {
  const words = handle.replace(/[-_]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "—";
}
