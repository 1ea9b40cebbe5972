import { easypostProvider } from "./easypost.server";
import type { TrackingProvider } from "./types";

/**
 * The carrier data sources beyond Shopify's own fulfillment events (which arrive as webhooks and
 * need no provider). A second aggregator is a new file and one line here.
 */
const PROVIDERS: Record<string, TrackingProvider> = {
  [easypostProvider.name]: easypostProvider,
};

export function trackingProvider(name: string): TrackingProvider | null {
  return PROVIDERS[name] ?? null;
}
