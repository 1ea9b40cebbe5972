import { customerDataRequest, customerRedact, shopRedact } from "../compliance/webhooks.server";
import { earnOnPaidOrder, reverseOnCancel, reverseOnRefund } from "../loyalty/webhooks.server";
import { mirrorOrder } from "../orders/webhooks.server";
import { forgetProduct, learnCoPurchases, mirrorProduct } from "../recommendations/webhooks.server";
import { syncReverseDelivery, syncShopifyReturn } from "../returns/webhooks.server";
import { appUninstalled, scopesUpdated } from "../shops/webhooks.server";
import {
  trackFulfillment,
  trackFulfillmentEvent,
  trackOrderFulfillments,
} from "../tracking/webhooks.server";
import type { WebhookHandler } from "./types";

/**
 * Which handlers run for which topic, in order: the one place a capability plugs into the
 * webhook pipeline. A topic subscribed in shopify.app.toml without handlers here is acknowledged
 * and stored as "ignored".
 */
const HANDLERS: Record<string, WebhookHandler[]> = {
  "app/uninstalled": [appUninstalled],
  "app/scopes_update": [scopesUpdated],
  "customers/data_request": [customerDataRequest],
  "customers/redact": [customerRedact],
  "shop/redact": [shopRedact],
  "orders/create": [mirrorOrder, trackOrderFulfillments, learnCoPurchases],
  "orders/updated": [mirrorOrder, trackOrderFulfillments],
  "orders/paid": [mirrorOrder, trackOrderFulfillments, earnOnPaidOrder],
  "orders/cancelled": [mirrorOrder, trackOrderFulfillments, reverseOnCancel],
  "orders/fulfilled": [mirrorOrder, trackOrderFulfillments],
  "orders/partially_fulfilled": [mirrorOrder, trackOrderFulfillments],
  "fulfillments/create": [trackFulfillment],
  "fulfillments/update": [trackFulfillment],
  "fulfillment_events/create": [trackFulfillmentEvent],
  "products/create": [mirrorProduct],
  "products/update": [mirrorProduct],
  "products/delete": [forgetProduct],
  "refunds/create": [reverseOnRefund],
  "returns/request": [syncShopifyReturn],
  "returns/approve": [syncShopifyReturn],
  "returns/decline": [syncShopifyReturn],
  "returns/cancel": [syncShopifyReturn],
  "returns/close": [syncShopifyReturn],
  "returns/reopen": [syncShopifyReturn],
  "returns/update": [syncShopifyReturn],
  "reverse_deliveries/attach_deliverable": [syncReverseDelivery],
};

export function handlersFor(topic: string): WebhookHandler[] {
  return HANDLERS[topic] ?? [];
}

export function hasHandlers(topic: string): boolean {
  return handlersFor(topic).length > 0;
}

export const HANDLED_TOPICS = Object.keys(HANDLERS);
