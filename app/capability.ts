import type { CustomerDataOwner } from "./compliance/subject";
import type { JobDefinition } from "./platform/jobs/types";
import type { EventType, Subscriber } from "./platform/events/index.server";
import type { WebhookHandler } from "./webhooks/types";

/**
 * What a capability plugs into the app's pipelines, declared once in its `manifest.server.ts`
 * and listed in app/capabilities.server.ts: the webhook registry, the workers' job list, the
 * compliance owners and the event relay are all built from these.
 */
export interface CapabilityManifest {
  name: string;
  /** Shopify topics → this capability's handlers, run in this order after earlier capabilities'. */
  webhooks?: Record<string, WebhookHandler[]>;
  jobs?: JobDefinition<never>[];
  /** The personal data it stores about a shop's customers (export and erasure). */
  customerData?: Omit<CustomerDataOwner, "name">;
  /** The events it writes to the outbox (app/platform/events/catalog.ts). */
  emits?: EventType[];
  /** Its reactions to events (its own, or, through app/flows, other capabilities'). */
  subscribers?: Subscriber[];
}

export function defineCapability(manifest: CapabilityManifest): CapabilityManifest {
  return manifest;
}
