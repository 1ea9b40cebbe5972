import { CAPABILITIES } from "../capabilities.server";
import { customerDataRequest, customerRedact, shopRedact } from "../compliance/webhooks.server";
import type { WebhookHandler } from "./types";

/**
 * Which handlers run for which topic, in order: the compliance topics, then each capability's
 * handlers as its manifest declares them, in the order of app/capabilities.server.ts. A topic
 * subscribed in shopify.app.toml without handlers here is acknowledged and stored as "ignored".
 */
const HANDLERS: Record<string, WebhookHandler[]> = {
  "customers/data_request": [customerDataRequest],
  "customers/redact": [customerRedact],
  "shop/redact": [shopRedact],
};
for (const capability of CAPABILITIES) {
  for (const [topic, handlers] of Object.entries(capability.webhooks ?? {})) {
    (HANDLERS[topic] ??= []).push(...handlers);
  }
}

export function handlersFor(topic: string): WebhookHandler[] {
  return HANDLERS[topic] ?? [];
}

export function hasHandlers(topic: string): boolean {
  return handlersFor(topic).length > 0;
}

export const HANDLED_TOPICS = Object.keys(HANDLERS);
