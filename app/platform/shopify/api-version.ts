import { parse } from "smol-toml";
import appToml from "../../../shopify.app.toml?raw";

/**
 * The Admin API version, pinned once: `[webhooks] api_version` in shopify.app.toml. The library,
 * the Admin gateway and the webhook subscriptions all use this value.
 */
export const API_VERSION = readApiVersion(appToml);

export function readApiVersion(toml: string): string {
  const parsed = parse(toml) as { webhooks?: { api_version?: unknown } };
  const version = parsed.webhooks?.api_version;
  if (typeof version !== "string" || !/^\d{4}-\d{2}$/.test(version)) {
    throw new Error('shopify.app.toml must pin [webhooks] api_version = "YYYY-MM"');
  }
  return version;
}
