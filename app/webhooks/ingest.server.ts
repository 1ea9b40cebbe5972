import { createBatcher } from "../platform/batch";
import { addLogContext, log } from "../platform/logging/logger.server";
import { validateWebhook } from "../shopify.server";
import { installations } from "../shops/index.server";
import { admit } from "./admission";
import { recordDeliveries, type IncomingDelivery } from "./inbox.server";
import { enqueueDeliveries } from "./jobs.server";
import { hasHandlers } from "./registry.server";

/** A webhook request as the HTTP server received it. */
export interface WebhookRequest {
  method: string;
  url: string;
  /** A request header by (case-insensitive) name. */
  header(name: string): string | null;
  rawBody: string;
}

export interface WebhookResponse {
  status: number;
  body: string;
}

/**
 * The one ingest path for every webhook topic, compliance topics included: verify, store once,
 * acknowledge. Processing happens later in the `webhooks.process` job, so Shopify gets its 200 in
 * milliseconds. scripts/server.js calls this for POST /webhooks ahead of the Remix router: it is
 * the app's hottest path.
 */
export async function ingestWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  if (request.method !== "POST") return { status: 405, body: "Method Not Allowed" };

  const check = await validateWebhook({
    rawBody: request.rawBody,
    rawRequest: shopifyHeadersOnly(request),
  });
  if (!check.valid) {
    const unauthorized = check.reason === "invalid_hmac";
    log().warn(
      {
        reason: check.reason,
        missingHeaders: "missingHeaders" in check ? check.missingHeaders : undefined,
      },
      "Webhook rejected",
    );
    return unauthorized
      ? { status: 401, body: "Unauthorized" }
      : { status: 400, body: "Bad Request" };
  }

  const shop = check.domain;
  addLogContext({ shop });
  // The library upper-cases the topic; the header carries Shopify's own "orders/create".
  const topic = (request.header("x-shopify-topic") ?? check.topic).toLowerCase();
  if (!isJsonObject(request.rawBody)) {
    log().warn({ topic, webhookId: check.webhookId }, "Webhook body is not a JSON object");
    return { status: 400, body: "Bad Request: the body must be a JSON object" };
  }

  const handled = hasHandlers(topic);
  const outcome = await store({
    webhookId: check.webhookId,
    shopDomain: shop,
    topic,
    apiVersion: check.apiVersion,
    eventId: "eventId" in check ? (check.eventId ?? null) : null,
    triggeredAt: parseDate("triggeredAt" in check ? check.triggeredAt : undefined),
    payload: request.rawBody,
    handled,
  });

  return acknowledge(outcome, handled, topic, check.webhookId);
}

/** An event from another source (a carrier aggregator) whose signature its capability checked. */
export interface VerifiedEvent {
  /** Unique per event and source, e.g. "easypost:evt_…": the same event again is a duplicate. */
  eventKey: string;
  shopDomain: string;
  /** "<source>/<event>", e.g. "easypost/tracker.updated". */
  topic: string;
  /** When the source sent it; it also orders deliveries held for a shop. */
  sentAt: Date | null;
  rawBody: string;
}

/**
 * Stores a verified event from another source once and acknowledges it, exactly like a Shopify
 * delivery: the topic's handlers run later in the `webhooks.process` job, with its retries.
 */
export async function ingestVerifiedEvent(event: VerifiedEvent): Promise<WebhookResponse> {
  addLogContext({ shop: event.shopDomain });
  const handled = hasHandlers(event.topic);
  const outcome = await store({
    webhookId: event.eventKey,
    shopDomain: event.shopDomain,
    topic: event.topic,
    apiVersion: null,
    eventId: null,
    triggeredAt: event.sentAt,
    payload: event.rawBody,
    handled,
  });
  return acknowledge(outcome, handled, event.topic, event.eventKey);
}

function acknowledge(
  outcome: "duplicate" | IncomingDelivery["status"],
  handled: boolean,
  topic: string,
  webhookId: string,
): WebhookResponse {
  if (outcome === "duplicate") {
    log().info({ topic, webhookId }, "Duplicate webhook delivery acknowledged");
    return { status: 200, body: "OK (duplicate)" };
  }
  if (!handled) {
    log().info({ topic, webhookId }, "Webhook topic has no handler; acknowledged");
    return { status: 200, body: "OK (no handler)" };
  }
  // Acknowledged either way: Shopify retries a failed delivery 8 times over 4 hours, for nothing.
  if (outcome === "held") {
    log().info({ topic, webhookId }, "Webhook held until the shop installs");
    return { status: 200, body: "OK (held until the shop installs)" };
  }
  if (outcome === "ignored") {
    log().info({ topic, webhookId }, "Webhook for an uninstalled shop ignored");
    return { status: 200, body: "OK (shop not installed)" };
  }
  return { status: 200, body: "OK" };
}

type Arrival = Omit<IncomingDelivery, "status" | "payload"> & { payload: string; handled: boolean };

/**
 * Deliveries arriving together are stored together (group commit): one query for their shops'
 * installations, one INSERT for the batch, one more to enqueue their processing. A delivery is
 * acknowledged only once it is stored.
 */
const store = createBatcher<Arrival, "duplicate" | IncomingDelivery["status"]>({
  maxSize: 200,
  async run(arrivals) {
    const installed = await installations(arrivals.map((arrival) => arrival.shopDomain));
    const deliveries = arrivals.map(({ handled, ...arrival }): IncomingDelivery => {
      const admission = admit(arrival.topic, installed.get(arrival.shopDomain), handled);
      return {
        ...arrival,
        status: admission.status,
        payload: admission.keepPayload ? arrival.payload : null,
      };
    });
    const stored = await recordDeliveries(deliveries);
    const claimed = new Set<string>();
    const outcomes = deliveries.map((delivery) => {
      // The same webhook id twice in one batch: the first one stored it.
      const first = stored.has(delivery.webhookId) && !claimed.has(delivery.webhookId);
      claimed.add(delivery.webhookId);
      return first ? delivery.status : ("duplicate" as const);
    });
    const toProcess = deliveries.filter((_delivery, index) => outcomes[index] === "received");
    try {
      await enqueueDeliveries(
        toProcess.map((delivery) => ({
          id: stored.get(delivery.webhookId)!,
          shopDomain: delivery.shopDomain,
          webhookId: delivery.webhookId,
        })),
      );
    } catch (error) {
      // Stored is enough: the inbox sweep enqueues what is left within a minute.
      log().error(
        { err: error, deliveries: toProcess.length },
        "Could not enqueue stored webhook deliveries",
      );
    }
    return outcomes;
  },
});

/**
 * The library looks each header up by canonicalizing the name of every header the request has,
 * which made it the costliest step of ingest; it is handed only the headers Shopify signs with.
 */
const SHOPIFY_WEBHOOK_HEADERS = [
  "x-shopify-hmac-sha256",
  "x-shopify-topic",
  "x-shopify-shop-domain",
  "x-shopify-api-version",
  "x-shopify-webhook-id",
  "x-shopify-triggered-at",
  "x-shopify-event-id",
  "x-shopify-name",
];

function shopifyHeadersOnly(request: WebhookRequest): Request {
  const headers = new Headers();
  for (const name of SHOPIFY_WEBHOOK_HEADERS) {
    const value = request.header(name);
    if (value !== null) headers.set(name, value);
  }
  return { method: request.method, url: request.url, headers } as Request;
}

function isJsonObject(text: string) {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function parseDate(value: string | undefined) {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
