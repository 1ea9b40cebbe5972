import type { Installation } from "../shops/index.server";

/**
 * Shopify's mandatory compliance topics: they concern data we may still hold after an uninstall
 * (shop/redact arrives 48 hours after it), so they are processed whatever the shop's state.
 */
export const COMPLIANCE_TOPICS: ReadonlySet<string> = new Set([
  "customers/data_request",
  "customers/redact",
  "shop/redact",
]);

export interface Admission {
  status: "received" | "held" | "ignored";
  keepPayload: boolean;
}

/**
 * What the inbox does with a delivery given its shop's installation (undefined: never installed).
 * Nothing reaches a capability for a shop we do not hold: a shop not yet installed has its
 * deliveries held until it installs (Shopify may send before the merchant first opens the app);
 * after an uninstall only compliance topics run, and the rest are recorded without their content.
 */
export function admit(
  topic: string,
  installation: Installation | undefined,
  handled: boolean,
): Admission {
  if (!handled) return { status: "ignored", keepPayload: installation === "installed" };
  if (installation === "installed") return { status: "received", keepPayload: true };
  if (installation === undefined) return { status: "held", keepPayload: true };
  return COMPLIANCE_TOPICS.has(topic)
    ? { status: "received", keepPayload: true }
    : { status: "ignored", keepPayload: false };
}
