/**
 * How the admin colours return statuses, and names resolutions and Shopify's return reasons where
 * no catalog of the admin's language covers them yet.
 */

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

export const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** Shopify's reason handles ("size-too-small", legacy "SIZE_TOO_SMALL") as words. */
export function reasonLabel(handle: string): string {
  const words = handle.replace(/[-_]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "—";
}
