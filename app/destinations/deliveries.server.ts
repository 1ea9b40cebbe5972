import { randomUUID } from "node:crypto";
import { z } from "zod";
import { customerRecord } from "../analytics/index.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { findCustomer, getOrder } from "../orders/index.server";
import { type EVENT_CATALOG, isEventType } from "../platform/events/catalog";
import { isUniqueViolation } from "../platform/db/errors";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { postToPublicHost } from "../platform/http/public-hosts.server";
import { log } from "../platform/logging/logger.server";
import { shipmentDetail } from "../tracking/index.server";
import { MERCHANTS, openDestinationSecret, splitEventTypes } from "./endpoints.server";
import {
  eventShipmentId,
  eventSubject,
  KLAVIYO_METRICS,
  webhookBody,
  type PublishedEvent,
} from "./events";
import { klaviyo, type KlaviyoAnswer } from "./klaviyo.server";
import {
  deliverToFlow,
  ensureFlowDestination,
  FLOW_KIND,
  flowTriggerHandle,
} from "./shopify-flow.server";
import { deliveryHeaders } from "./signing.server";

/**
 * Seconds before each retry of a failed delivery: 1 min, 5 min, 30 min, 2 h, 12 h, then the
 * delivery is failed (six attempts over about 15 hours). Each wait is jittered by ±10 % so a
 * receiver that was down is not hit by every shop's backlog in the same second.
 */
export const RETRY_SCHEDULE_SECONDS = [60, 300, 1800, 7200, 43_200];

/** An endpoint whose deliveries have all failed for this long is switched off. */
export const DISABLE_AFTER_FAILING_DAYS = 3;

const TIMEOUT_MS = 10_000;
const RESPONSE_BODY_LIMIT = 1024;

export function retryDelaySeconds(attempt: number, random = Math.random): number | null {
  const base = RETRY_SCHEDULE_SECONDS[attempt - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.9 + 0.2 * random()));
}

const DeliverData = z.object({ shop: z.string(), deliveryId: z.string() });

export const deliverToDestination = defineJob({
  name: "destinations.deliver",
  schema: DeliverData,
  // Retries are this module's own schedule (and Klaviyo's Retry-After), not the queue's.
  retryLimit: 0,
  run: ({ shop, deliveryId }) => attemptDelivery(shop, deliveryId),
});

export const DESTINATION_JOBS = [deliverToDestination];

/**
 * Fans one event out to every enabled destination of its shop that subscribed to its type: one
 * delivery row and one job each. The row is unique on (event, destination), so publishing the
 * same event again delivers nothing twice.
 */
export async function publishToDestinations(event: PublishedEvent) {
  const startsFlow = flowTriggerHandle(event) !== null;
  if (startsFlow) await ensureFlowDestination(event.shop);
  const destinations = await db.destinationEndpoint.findMany({
    where: { shopDomain: event.shop, enabled: true },
  });
  const matching = destinations.filter(
    (row) =>
      splitEventTypes(row.eventTypes).includes(event.type) &&
      (row.kind !== FLOW_KIND || startsFlow),
  );
  let queued = 0;
  for (const destination of matching) {
    const delivery = await createDelivery(destination.id, event, false);
    if (delivery) {
      await enqueue(event.shop, delivery.id, `${event.id}:${destination.id}`);
      queued += 1;
    }
  }
  return { queued };
}

async function createDelivery(destinationId: string, event: PublishedEvent, isTest: boolean) {
  try {
    return await db.destinationDelivery.create({
      data: {
        shopDomain: event.shop,
        destinationId,
        eventId: event.id,
        eventType: event.type,
        event: JSON.stringify({ ...event, occurredAt: event.occurredAt.toISOString() }),
        isTest,
        nextAttemptAt: new Date(),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

function enqueue(shop: string, deliveryId: string, key: string, startAfter?: Date) {
  return jobs.send(deliverToDestination, { shop, deliveryId }, { idempotencyKey: key, startAfter });
}

/** A sample of the event type, marked as a test, to check an endpoint's receiver. */
export async function sendTestEvent(shopDomain: string, destinationId: string, type: string) {
  const destination = await db.destinationEndpoint.findFirst({
    where: { id: destinationId, shopDomain, ...MERCHANTS },
  });
  if (!destination || !isEventType(type)) return null;
  const event = {
    id: `test_${randomUUID()}`,
    type,
    shop: shopDomain,
    occurredAt: new Date(),
    data: SAMPLE_DATA[type],
  } as PublishedEvent;
  const delivery = await createDelivery(destination.id, event, true);
  if (!delivery) return null;
  await enqueue(shopDomain, delivery.id, delivery.id);
  return delivery.id;
}

/** Sends a delivery again from its first attempt, whatever became of it. */
export async function replayDelivery(shopDomain: string, deliveryId: string) {
  const { count } = await db.destinationDelivery.updateMany({
    where: { id: deliveryId, shopDomain },
    data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), error: null },
  });
  if (!count) return false;
  await enqueue(shopDomain, deliveryId, `${deliveryId}:replay:${randomUUID()}`);
  return true;
}

interface Outcome {
  ok: boolean;
  /** Nothing to send (no e-mail for the profile, destination gone or off): not a failure. */
  skipped?: string;
  status?: number;
  body?: string;
  error?: string;
  /** Klaviyo's 429: wait at least this many seconds. */
  retryAfter?: number | null;
  /** Refused for good (Flow's userErrors): not retried. */
  permanent?: boolean;
}

async function attemptDelivery(shop: string, deliveryId: string, now = new Date()) {
  const delivery = await db.destinationDelivery.findFirst({
    where: { id: deliveryId, shopDomain: shop },
    include: { destination: true },
  });
  // A replay or a duplicate job may find it already done.
  if (!delivery || delivery.status !== "pending") return;
  const event = parseStoredEvent(delivery.event);
  const { destination } = delivery;
  let outcome: Outcome;
  if (!destination.enabled) outcome = { ok: false, skipped: "destination switched off" };
  else {
    try {
      outcome =
        destination.kind === FLOW_KIND
          ? await deliverToFlow(event)
          : destination.kind === "klaviyo"
            ? await deliverToKlaviyo(openDestinationSecret(destination.sealedSecret), event)
            : await deliverToEndpoint(
                destination.url ?? "",
                openDestinationSecret(destination.sealedSecret),
                event,
                now,
              );
    } catch (error) {
      outcome = { ok: false, error: describeError(error) };
    }
  }
  const attempts = delivery.attempts + 1;
  const answer = {
    attempts,
    responseStatus: outcome.status ?? null,
    responseBody: outcome.body?.slice(0, RESPONSE_BODY_LIMIT) ?? null,
  };
  if (outcome.ok || outcome.skipped) {
    await db.destinationDelivery.update({
      where: { id: delivery.id },
      data: {
        ...answer,
        status: outcome.ok ? "succeeded" : "skipped",
        error: outcome.skipped ?? null,
        nextAttemptAt: null,
        deliveredAt: outcome.ok ? now : null,
      },
    });
    if (outcome.ok && !delivery.isTest && destination.failingSince) {
      await db.destinationEndpoint.update({
        where: { id: destination.id },
        data: { failingSince: null },
      });
    }
    return;
  }
  const wait = outcome.permanent ? null : retryDelaySeconds(attempts);
  const delay = wait === null ? null : Math.max(wait, outcome.retryAfter ?? 0);
  const nextAttemptAt = delay === null ? null : new Date(now.getTime() + delay * 1000);
  await db.destinationDelivery.update({
    where: { id: delivery.id },
    data: {
      ...answer,
      status: nextAttemptAt ? "pending" : "failed",
      error: outcome.error ?? `HTTP ${outcome.status}`,
      nextAttemptAt,
    },
  });
  // Shopify Flow is every shop's, never switched off: its failures are shown, not counted.
  if (!delivery.isTest && destination.kind !== FLOW_KIND)
    await noteFailure(destination.id, destination.failingSince, now);
  if (nextAttemptAt) {
    await enqueue(shop, delivery.id, `${delivery.id}:${attempts}`, nextAttemptAt);
  }
}

async function noteFailure(destinationId: string, failingSince: Date | null, now: Date) {
  if (!failingSince) {
    await db.destinationEndpoint.update({
      where: { id: destinationId },
      data: { failingSince: now },
    });
    return;
  }
  if (now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_DAYS * 86_400_000) {
    await db.destinationEndpoint.update({
      where: { id: destinationId },
      data: { enabled: false, disabledReason: "failing" },
    });
    log().warn({ destinationId }, "Destination switched off after days of failed deliveries");
  }
}

const StoredEvent = z.object({
  id: z.string(),
  type: z.string().refine(isEventType),
  shop: z.string(),
  occurredAt: z.coerce.date(),
  data: z.record(z.string(), z.unknown()),
});

function parseStoredEvent(text: string): PublishedEvent {
  return StoredEvent.parse(JSON.parse(text)) as unknown as PublishedEvent;
}

function describeError(error: unknown) {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out after 10 s";
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

async function deliverToEndpoint(
  url: string,
  secret: string,
  event: PublishedEvent,
  now: Date,
): Promise<Outcome> {
  const body = webhookBody(event);
  // The endpoint was checked when saved; the address connected to is checked again here.
  const response = await postToPublicHost(new URL(url), {
    headers: deliveryHeaders(secret, event.id, body, now),
    body,
    timeoutMs: TIMEOUT_MS,
    responseLimit: RESPONSE_BODY_LIMIT,
    allowPrivate: config().DESTINATIONS_ALLOW_PRIVATE_HOSTS,
  });
  return {
    ok: response.status >= 200 && response.status < 300,
    status: response.status,
    body: response.body,
  };
}

/**
 * The event as a Klaviyo metric on the shopper's profile, then the profile's Aftercare properties
 * brought up to date. The e-mail is read now, not carried in the event: a customer erased since
 * has none, and the delivery is skipped.
 */
async function deliverToKlaviyo(apiKey: string, event: PublishedEvent): Promise<Outcome> {
  const subject = eventSubject(event);
  const order = subject.orderId ? await getOrder(event.shop, subject.orderId) : null;
  const customer =
    order?.customer ??
    (subject.customerId ? await findCustomer(event.shop, subject.customerId) : null);
  const email = customer?.email ?? order?.email ?? null;
  if (!email) return { ok: false, skipped: "no e-mail for this shopper" };

  const shipmentId = eventShipmentId(event);
  const shipment = shipmentId ? await shipmentDetail(event.shop, shipmentId) : null;
  const client = klaviyo(apiKey);
  const sent = await client.createEvent({
    metric: KLAVIYO_METRICS[event.type],
    email,
    uniqueId: event.id,
    time: event.occurredAt,
    properties: {
      ...event.data,
      ...(order ? { orderName: order.name } : {}),
      ...(shipment
        ? {
            carrier: shipment.carrierName ?? shipment.carrier,
            trackingNumber: shipment.trackingNumber,
            trackingUrl: shipment.trackingUrl,
          }
        : {}),
    },
  });
  if (sent.status !== 202) return klaviyoFailure(sent);

  const record = customer ? await customerRecord(event.shop, customer.id) : null;
  if (!record) return { ok: true, status: sent.status, body: sent.body };
  const profile = await client.importProfile(email, {
    aftercare_points_balance: record.figures.points,
    aftercare_tier: record.figures.tier,
    aftercare_last_nps: record.figures.lastNps,
    aftercare_next_delivery: record.figures.nextDelivery?.toISOString() ?? null,
  });
  if (profile.status !== 200 && profile.status !== 201) return klaviyoFailure(profile);
  return { ok: true, status: sent.status, body: sent.body };
}

function klaviyoFailure(answer: KlaviyoAnswer): Outcome {
  return {
    ok: false,
    status: answer.status,
    body: answer.body,
    error: `Klaviyo answered ${answer.status}`,
    retryAfter: answer.retryAfter,
  };
}

/** Deliveries of the shop, newest first, for the admin page (optionally one destination's). */
export async function listDeliveries(
  shopDomain: string,
  options: { destinationId?: string; take?: number } = {},
) {
  const rows = await db.destinationDelivery.findMany({
    where: {
      shopDomain,
      ...(options.destinationId ? { destinationId: options.destinationId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    include: { destination: { select: { kind: true, url: true } } },
  });
  return rows.map(({ event: _event, destination, ...row }) => ({
    ...row,
    destinationKind: destination.kind,
    destinationUrl: destination.url,
  }));
}

/** Per-destination counts of deliveries by status, for the Operations page. */
export async function deliveryCounts(shopDomain: string) {
  const groups = await db.destinationDelivery.groupBy({
    by: ["destinationId", "status"],
    where: { shopDomain },
    _count: { _all: true },
  });
  return groups.map((group) => ({
    destinationId: group.destinationId,
    status: group.status,
    count: group._count._all,
  }));
}

const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";
const SHIPMENT = { shipmentId: "test-shipment", orderId: ORDER_ID, isReturn: false };
const MEMBER = { memberId: "test-member", customerId: CUSTOMER_ID };
const SURVEY = {
  responseId: "test-response",
  kind: "nps" as const,
  score: 9,
  orderId: ORDER_ID,
  customerId: CUSTOMER_ID,
};

/** Shopify's sample order and customer ids (shopify.dev webhook reference) in every test event. */
const SAMPLE_DATA: { [T in keyof typeof EVENT_CATALOG]: PublishedEvent<T>["data"] } = {
  "order.created": {
    orderId: ORDER_ID,
    orderName: "#9999",
    customerId: CUSTOMER_ID,
    currency: "USD",
    totalPrice: 19_900,
  },
  "shipment.status_changed": {
    ...SHIPMENT,
    previous: { tag: "InTransit", subtag: "InTransit_001" },
    current: { tag: "OutForDelivery", subtag: "OutForDelivery_001" },
    source: "easypost",
  },
  "shipment.delivered": { ...SHIPMENT, deliveredAt: "2026-01-01T12:00:00.000Z" },
  "shipment.exception": { ...SHIPMENT, subtag: "Exception_011" },
  "shipment.delayed": { ...SHIPMENT, reason: "missed_estimate", estimateLatest: null },
  "return.requested": { returnId: "test-return", orderId: ORDER_ID, source: "portal" },
  "return.approved": { returnId: "test-return", orderId: ORDER_ID },
  "return.declined": { returnId: "test-return", orderId: ORDER_ID },
  "return.in_transit": { returnId: "test-return", orderId: ORDER_ID },
  "return.received": { returnId: "test-return", orderId: ORDER_ID },
  "return.refunded": {
    returnId: "test-return",
    orderId: ORDER_ID,
    currency: "USD",
    amount: 4_950,
  },
  "return.exchange_paid": {
    returnId: "test-return",
    orderId: ORDER_ID,
    exchangeOrderId: "5551234567890",
    currency: "USD",
    amount: 14_601,
  },
  "return.closed": { returnId: "test-return", orderId: ORDER_ID },
  "return.cancelled": { returnId: "test-return", orderId: ORDER_ID },
  "return.reopened": { returnId: "test-return", orderId: ORDER_ID },
  "loyalty.points_changed": {
    ...MEMBER,
    entryId: "test-entry",
    source: "order",
    points: 199,
    pendingPoints: 0,
  },
  "loyalty.tier_changed": { ...MEMBER, previousTierId: null, tierId: "gold" },
  "loyalty.points_expiring": { ...MEMBER, points: 1_200, expiresAt: "2026-02-01T00:00:00.000Z" },
  "loyalty.reward_redeemed": {
    ...MEMBER,
    redemptionId: "test-redemption",
    rewardId: "test-reward",
    points: 500,
  },
  "survey.answered": SURVEY,
  "survey.detractor": { ...SURVEY, score: 3 },
};
