import { db } from "../db.server";
import type { EventType } from "../platform/events/catalog";
import { isUniqueViolation } from "../platform/db/errors";
import { AdminApiError, type UserError } from "../platform/shopify/admin-gateway.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { adminOperation } from "../platform/shopify/admin-operation";
import { shipmentDetail } from "../tracking/index.server";
import type { PublishedEvent } from "./events";

/**
 * Shopify Flow as a destination every shop has: the events below start the workflows of the
 * app's trigger extensions (extensions/flow-*), each through `flowTriggerReceive` on the Admin
 * API. A shop's Flow destination is created the first time one of them happens, so its
 * deliveries are retried, listed and replayed like any other destination's.
 *
 * A trigger's payload carries exactly the fields its extension declares (Flow refuses a missing
 * or unknown one): reference fields as `<object>_id` with the numeric Shopify id, custom fields
 * under their `key`.
 */

export const FLOW_KIND = "shopify_flow";

/** Each event's trigger handle, as declared in extensions/flow-* /shopify.extension.toml. */
export const FLOW_TRIGGER_HANDLES = {
  "shipment.delivered": "shipment-delivered",
  "shipment.delayed": "shipment-delayed",
  "shipment.exception": "shipment-exception",
  "return.requested": "return-requested",
  "return.approved": "return-approved",
  "survey.detractor": "nps-detractor",
  "loyalty.tier_changed": "loyalty-tier-changed",
  "loyalty.points_expiring": "loyalty-points-expiring",
} as const satisfies Partial<Record<EventType, string>>;

type FlowEventType = keyof typeof FLOW_TRIGGER_HANDLES;
export const FLOW_EVENT_TYPES = Object.keys(FLOW_TRIGGER_HANDLES) as FlowEventType[];

const isFlowEvent = (event: PublishedEvent): event is PublishedEvent<FlowEventType> =>
  Object.hasOwn(FLOW_TRIGGER_HANDLES, event.type);

/**
 * The trigger an event starts, or null when it starts none: a return's parcel has no order to
 * reference, a CSAT detractor is not an NPS one, an answer without a customer has none to name.
 */
export function flowTriggerHandle(event: PublishedEvent): string | null {
  if (!isFlowEvent(event)) return null;
  const data = event.data as { isReturn?: boolean; orderId?: string | null; kind?: string };
  if (event.type.startsWith("shipment.") && (data.isReturn || !data.orderId)) return null;
  if (event.type === "shipment.delivered") {
    const { deliveredAt } = event.data as PublishedEvent<"shipment.delivered">["data"];
    if (isHistory(new Date(deliveredAt), event.occurredAt)) return null;
  }
  if (event.type === "survey.detractor") {
    const survey = event.data as PublishedEvent<"survey.detractor">["data"];
    if (survey.kind !== "nps" || !survey.customerId) return null;
  }
  return FLOW_TRIGGER_HANDLES[event.type];
}

/**
 * News older than this when learned is history being replayed (an import, a late webhook): it
 * starts no workflow, as it sends the shopper no e-mail (app/flows/shipment-emails.server.ts).
 */
const STALE_AFTER_MS = 72 * 3_600_000;

const isHistory = (happenedAt: Date | null | undefined, learnedAt: Date) =>
  !!happenedAt && learnedAt.getTime() - happenedAt.getTime() > STALE_AFTER_MS;

/** The shop's Flow destination, created on first need (one per shop: its id is the shop's). */
export async function ensureFlowDestination(shopDomain: string) {
  const id = `flow_${shopDomain}`;
  const data = { eventTypes: FLOW_EVENT_TYPES.join(",") };
  // Every Flow event asks; a write per event would cost more than the event's own delivery.
  const existing = await db.destinationEndpoint.findUnique({ where: { id } });
  if (existing?.eventTypes === data.eventTypes) return existing;
  try {
    return await db.destinationEndpoint.upsert({
      where: { id },
      create: { id, shopDomain, kind: FLOW_KIND, sealedSecret: "", ...data },
      update: data,
    });
  } catch (error) {
    // Two first events at once: the other one created it.
    if (!isUniqueViolation(error)) throw error;
    return db.destinationEndpoint.findUniqueOrThrow({ where: { id } });
  }
}

/** A Shopify id as Flow's reference fields take it: a number, exact (a string past 2^53). */
function referenceId(id: string): number | string {
  const number = Number(id);
  return Number.isSafeInteger(number) ? number : id;
}

async function shipmentFields(event: PublishedEvent, shipmentId: string) {
  const shipment = await shipmentDetail(event.shop, shipmentId);
  if (isHistory(shipment?.lastCheckpointAt, event.occurredAt)) return null;
  return {
    "Tracking number": shipment?.trackingNumber ?? "",
    Carrier: shipment?.carrierName ?? shipment?.carrier ?? "",
  };
}

/** The payload of the event's trigger, its keys exactly the extension's fields. */
export async function flowTriggerPayload(
  event: PublishedEvent,
): Promise<Record<string, unknown> | null> {
  if (!flowTriggerHandle(event)) return null;
  switch (event.type) {
    case "shipment.delivered": {
      const data = event.data as PublishedEvent<"shipment.delivered">["data"];
      const shipment = await shipmentFields(event, data.shipmentId);
      return shipment && { order_id: referenceId(data.orderId!), ...shipment };
    }
    case "shipment.delayed": {
      const data = event.data as PublishedEvent<"shipment.delayed">["data"];
      const shipment = await shipmentFields(event, data.shipmentId);
      return shipment && { order_id: referenceId(data.orderId!), ...shipment, Reason: data.reason };
    }
    case "shipment.exception": {
      const data = event.data as PublishedEvent<"shipment.exception">["data"];
      const shipment = await shipmentFields(event, data.shipmentId);
      return shipment && { order_id: referenceId(data.orderId!), ...shipment, Reason: data.subtag };
    }
    case "return.requested": {
      const data = event.data as PublishedEvent<"return.requested">["data"];
      return {
        order_id: referenceId(data.orderId),
        "Return id": data.returnId,
        Source: data.source,
      };
    }
    case "return.approved": {
      const data = event.data as PublishedEvent<"return.approved">["data"];
      return { order_id: referenceId(data.orderId), "Return id": data.returnId };
    }
    case "survey.detractor": {
      const data = event.data as PublishedEvent<"survey.detractor">["data"];
      return { customer_id: referenceId(data.customerId!), Score: data.score };
    }
    case "loyalty.tier_changed": {
      const data = event.data as PublishedEvent<"loyalty.tier_changed">["data"];
      return {
        customer_id: referenceId(data.customerId),
        "Previous tier": data.previousTierId ?? "",
        Tier: data.tierId ?? "",
      };
    }
    case "loyalty.points_expiring": {
      const data = event.data as PublishedEvent<"loyalty.points_expiring">["data"];
      return {
        customer_id: referenceId(data.customerId),
        Points: data.points,
        "Expires at": data.expiresAt,
      };
    }
    default:
      return null;
  }
}

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/flowTriggerReceive
export const FlowTriggerReceiveMutation = adminOperation<
  { flowTriggerReceive: { userErrors: UserError[] } | null },
  { handle: string; payload: Record<string, unknown> }
>(`#graphql
  mutation FlowTriggerReceive($handle: String, $payload: JSON) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors { field message }
    }
  }
`);

export interface FlowOutcome {
  ok: boolean;
  skipped?: string;
  status?: number;
  body?: string;
  error?: string;
  /** Flow refused the payload (userErrors): sending it again would be refused again. */
  permanent?: boolean;
}

/**
 * Starts the shop's workflows on the event's trigger. Flow's userErrors fail the delivery for
 * good (shown with its message on the Operations page); a network or server error is retried.
 */
export async function deliverToFlow(event: PublishedEvent): Promise<FlowOutcome> {
  const handle = flowTriggerHandle(event);
  const payload = await flowTriggerPayload(event);
  if (!handle || !payload) {
    return { ok: false, skipped: "no Flow trigger for this event (or old news)" };
  }
  try {
    const data = await adminGateway.request(event.shop, FlowTriggerReceiveMutation, {
      handle,
      payload,
    });
    const userErrors = data.flowTriggerReceive?.userErrors ?? [];
    if (userErrors.length) {
      const message = userErrors.map((error) => error.message).join("; ");
      return {
        ok: false,
        permanent: true,
        status: 200,
        body: JSON.stringify({ userErrors }),
        error: `Flow refused ${handle}: ${message}`,
      };
    }
    return { ok: true, status: 200, body: JSON.stringify({ handle }) };
  } catch (error) {
    if (error instanceof AdminApiError) {
      return { ok: false, status: error.details.status, error: error.message };
    }
    throw error;
  }
}
