import { validateWebhook } from "../shopify.server";
import { addLogContext, log } from "../platform/logging/logger.server";
import { recordDelivery } from "./inbox.server";
import { enqueueDelivery } from "./jobs.server";
import { hasHandlers } from "./registry.server";

/**
 * The one ingest path for every webhook topic: verify, store once, acknowledge. Processing
 * happens later in the `webhooks.process` job, so Shopify gets its 200 in milliseconds.
 */
export async function ingestWebhook(request: Request): Promise<Response> {
  if (request.method !== "POST")
    return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });

  const rawBody = await request.text();
  const check = await validateWebhook({ rawBody, rawRequest: request });
  if (!check.valid) {
    const unauthorized = check.reason === "invalid_hmac";
    log().warn(
      {
        reason: check.reason,
        missingHeaders: "missingHeaders" in check ? check.missingHeaders : undefined,
      },
      "Webhook rejected",
    );
    return new Response(unauthorized ? "Unauthorized" : "Bad Request", {
      status: unauthorized ? 401 : 400,
    });
  }

  const shop = check.domain;
  addLogContext({ shop });
  if (!isJsonObject(rawBody)) {
    log().warn(
      { topic: check.topic, webhookId: check.webhookId },
      "Webhook body is not a JSON object",
    );
    return new Response("Bad Request: the body must be a JSON object", { status: 400 });
  }

  // The library upper-cases the topic; the header carries Shopify's own "orders/create".
  const topic = (request.headers.get("x-shopify-topic") ?? check.topic).toLowerCase();
  const known = hasHandlers(topic);
  const stored = await recordDelivery({
    webhookId: check.webhookId,
    shopDomain: shop,
    topic,
    apiVersion: check.apiVersion,
    eventId: "eventId" in check ? (check.eventId ?? null) : null,
    triggeredAt: parseDate("triggeredAt" in check ? check.triggeredAt : undefined),
    payload: rawBody,
    status: known ? "received" : "ignored",
  });

  if ("duplicate" in stored) {
    log().info({ topic, webhookId: check.webhookId }, "Duplicate webhook delivery acknowledged");
    return new Response("OK (duplicate)", { status: 200 });
  }
  if (!known) {
    log().info({ topic, webhookId: check.webhookId }, "Webhook topic has no handler; acknowledged");
    return new Response("OK (no handler)", { status: 200 });
  }
  try {
    await enqueueDelivery({ id: stored.id, shopDomain: shop }, check.webhookId);
  } catch (error) {
    // Stored is enough: the inbox sweep enqueues it within a minute.
    log().error(
      { err: error, deliveryId: stored.id },
      "Could not enqueue a stored webhook delivery",
    );
  }
  return new Response("OK", { status: 200 });
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
