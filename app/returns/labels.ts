/** How the admin colours return statuses and words Shopify's return reason handles. */

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

/** Shopify's reason handles ("size-too-small", legacy "SIZE_TOO_SMALL") as words. */
export function reasonLabel(handle: string): string {
  const words = handle.replace(/[-_]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "—";
}
