import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookFixture } from "../../tests/support/fixtures";
import { redactCustomerOrders } from "../orders/orders.server";
import { db } from "../db.server";
import { applyOrderPayload } from "../orders/orders.server";
import { OrderPayloadSchema } from "../orders/schemas";
import { FulfillmentPayloadSchema } from "../tracking/schemas";
import { applyFulfillment } from "../tracking/shipments.server";
import { parseShopifyJson } from "../platform/shopify/json";
import { deliverToDestination } from "./deliveries.server";
import {
  connectKlaviyo,
  createEndpoint,
  deleteDestination,
  DestinationInputError,
  getDestination,
  listDeliveries,
  listDestinations,
  publishToDestinations,
  redactCustomerDeliveries,
  replayDelivery,
  sendTestEvent,
  updateEndpoint,
  type PublishedEvent,
} from "./index.server";

// Klaviyo is played by the stand-in on its own port; the app reads its base and the sealing key
// from the environment, before any module reads the configuration.
const klaviyoStandin = await vi.hoisted(async () => {
  const { listenKlaviyoStandin } = await import("../../scripts/standin/klaviyo");
  const standin = await listenKlaviyoStandin();
  process.env.KLAVIYO_API_URL = standin.apiUrl;
  // The merchant's receiver below listens on 127.0.0.1, as in the integration tests and the demo.
  process.env.DESTINATIONS_ALLOW_PRIVATE_HOSTS = "true";
  process.env.SECRETS_KEY = (await import("node:crypto")).randomBytes(32).toString("base64");
  return standin;
});

const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A merchant's receiver: answers each request with the next scripted status (then 200). */
const receiver = {
  received: [] as Received[],
  script: [] as number[],
  url: "",
  close: async () => undefined as void,
};

beforeAll(async () => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      receiver.received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const status = receiver.script.shift() ?? 200;
      response.writeHead(status, { "Content-Type": "text/plain" });
      response.end(status === 200 ? "ok" : `boom ${"x".repeat(3000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await receiver.close();
  await klaviyoStandin.close();
});

const newShop = () => `dest-${randomUUID().slice(0, 8)}.myshopify.com`;

function deliveredEvent(shop: string): PublishedEvent<"shipment.delivered"> {
  return {
    id: randomUUID(),
    type: "shipment.delivered",
    shop,
    occurredAt: new Date("2026-11-30T10:00:00.000Z"),
    data: {
      shipmentId: "shipment-1",
      orderId: ORDER_ID,
      isReturn: false,
      deliveredAt: "2026-11-30T09:58:00.000Z",
    },
  };
}

/** Runs the delivery's job as a worker would when it is due. */
async function runDelivery(shop: string, deliveryId: string) {
  await deliverToDestination.run(
    { shop, deliveryId },
    { jobId: randomUUID(), retryCount: 0, isLastAttempt: true },
  );
  return db.destinationDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
}

/** The shop's one delivery to its own destinations (Shopify Flow's are every shop's, aside). */
async function onlyDelivery(shop: string) {
  const rows = await db.destinationDelivery.findMany({
    where: { shopDomain: shop, destination: { kind: { not: "shopify_flow" } } },
  });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/**
 * The receiver's side, written from the README's recipe and not from the app's code: HMAC-SHA256
 * with the endpoint's secret over "<Aftercare-Timestamp>.<raw body>", hex, after "v1=", compared
 * in constant time; timestamps older than five minutes refused.
 */
function verify(secret: string, headers: IncomingHttpHeaders, body: string, now = Date.now()) {
  const timestamp = String(headers["aftercare-timestamp"]);
  const given = String(headers["aftercare-signature"]).replace(/^v1=/, "");
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  const fresh = Math.abs(now / 1000 - Number(timestamp)) <= 300;
  return (
    fresh &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

describe("merchant endpoints", () => {
  it("signs each delivery so the documented recipe verifies it, and a changed body does not", async () => {
    const shop = newShop();
    const { secret } = await createEndpoint(shop, {
      url: receiver.url,
      eventTypes: ["shipment.delivered"],
    });
    const event = deliveredEvent(shop);
    // The endpoint's delivery, and Shopify Flow's "Shipment delivered" trigger.
    expect(await publishToDestinations(event)).toEqual({ queued: 2 });
    const delivery = await onlyDelivery(shop);
    receiver.received.length = 0;
    expect((await runDelivery(shop, delivery.id)).status).toBe("succeeded");

    const [request] = receiver.received;
    expect(request!.headers["aftercare-event-id"]).toBe(event.id);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(verify(secret, request!.headers, request!.body)).toBe(true);
    expect(
      verify(secret, request!.headers, request!.body.replace("shipment-1", "shipment-2")),
    ).toBe(false);
    expect(verify(`${secret}x`, request!.headers, request!.body)).toBe(false);
    // Six minutes later the same request is refused by the recipe's freshness rule.
    expect(verify(secret, request!.headers, request!.body, Date.now() + 6 * 60_000)).toBe(false);
    expect(JSON.parse(request!.body)).toEqual({
      id: event.id,
      type: "shipment.delivered",
      version: 1,
      shop,
      occurred_at: "2026-11-30T10:00:00.000Z",
      data: event.data,
    });
  });

  it("delivers an event published twice once, and only to endpoints that chose its type", async () => {
    const shop = newShop();
    await createEndpoint(shop, { url: receiver.url, eventTypes: ["shipment.delivered"] });
    await createEndpoint(shop, { url: receiver.url, eventTypes: ["return.approved"] });
    const event = deliveredEvent(shop);
    // The endpoint that chose it, and Shopify Flow (every shop's): once each.
    expect(await publishToDestinations(event)).toEqual({ queued: 2 });
    expect(await publishToDestinations(event)).toEqual({ queued: 0 });
    await onlyDelivery(shop);
  });

  it("retries after a 500 on the schedule, then succeeds; the answer's first 1 KB is kept", async () => {
    const shop = newShop();
    const { endpoint } = await createEndpoint(shop, {
      url: receiver.url,
      eventTypes: ["shipment.delivered"],
    });
    await publishToDestinations(deliveredEvent(shop));
    const delivery = await onlyDelivery(shop);
    receiver.received.length = 0;
    receiver.script = [500];

    const before = Date.now();
    const failed = await runDelivery(shop, delivery.id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500 });
    expect(failed.responseBody).toHaveLength(1024);
    // First retry after 1 minute ± 10 % jitter.
    const wait = failed.nextAttemptAt!.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(54_000);
    expect(wait).toBeLessThanOrEqual(66_000 + (Date.now() - before));
    expect((await getDestination(shop, endpoint.id))!.failingSince).not.toBeNull();

    const succeeded = await runDelivery(shop, delivery.id);
    expect(succeeded).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200 });
    expect(succeeded.responseBody).toBe("ok");
    expect(receiver.received.map((request) => request.headers["aftercare-event-id"])).toEqual([
      delivery.eventId,
      delivery.eventId,
    ]);
    expect((await getDestination(shop, endpoint.id))!.failingSince).toBeNull();
  });

  it("gives up after the sixth attempt and switches off an endpoint failing for three days", async () => {
    const shop = newShop();
    const { endpoint } = await createEndpoint(shop, {
      url: receiver.url,
      eventTypes: ["shipment.delivered"],
    });
    await publishToDestinations(deliveredEvent(shop));
    const delivery = await onlyDelivery(shop);
    await db.destinationEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 3 * 86_400_000 - 1000) },
    });
    await db.destinationDelivery.update({ where: { id: delivery.id }, data: { attempts: 5 } });
    receiver.script = [503];
    expect(await runDelivery(shop, delivery.id)).toMatchObject({
      status: "failed",
      attempts: 6,
      nextAttemptAt: null,
    });
    expect(await getDestination(shop, endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: "failing",
    });
    // Only Shopify Flow's: the switched-off endpoint gets nothing.
    expect(await publishToDestinations(deliveredEvent(shop))).toEqual({ queued: 1 });
  });

  it("replays a delivery: the same event id, signed afresh", async () => {
    const shop = newShop();
    const { secret } = await createEndpoint(shop, {
      url: receiver.url,
      eventTypes: ["shipment.delivered"],
    });
    await publishToDestinations(deliveredEvent(shop));
    const delivery = await onlyDelivery(shop);
    await runDelivery(shop, delivery.id);
    receiver.received.length = 0;

    expect(await replayDelivery(shop, delivery.id)).toBe(true);
    expect(await runDelivery(shop, delivery.id)).toMatchObject({
      status: "succeeded",
      attempts: 1,
    });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers["aftercare-event-id"]).toBe(delivery.eventId);
    expect(verify(secret, receiver.received[0]!.headers, receiver.received[0]!.body)).toBe(true);
  });

  it("sends a test event of the chosen type", async () => {
    const shop = newShop();
    const { endpoint } = await createEndpoint(shop, {
      url: receiver.url,
      eventTypes: ["return.refunded"],
    });
    receiver.received.length = 0;
    const id = await sendTestEvent(shop, endpoint.id, "return.refunded");
    expect(await runDelivery(shop, id!)).toMatchObject({ status: "succeeded", isTest: true });
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      type: "return.refunded",
      data: { orderId: ORDER_ID, currency: "USD", amount: 4950 },
    });
  });

  it("answers another shop's endpoint and delivery ids as if they did not exist", async () => {
    const owner = newShop();
    const intruder = newShop();
    const { endpoint } = await createEndpoint(owner, {
      url: receiver.url,
      eventTypes: ["shipment.delivered"],
    });
    await publishToDestinations(deliveredEvent(owner));
    const delivery = await onlyDelivery(owner);

    expect(await getDestination(intruder, endpoint.id)).toBeNull();
    expect(
      await updateEndpoint(intruder, endpoint.id, {
        eventTypes: ["order.created"],
        enabled: false,
      }),
    ).toBeNull();
    expect(await deleteDestination(intruder, endpoint.id)).toBe(false);
    expect(await sendTestEvent(intruder, endpoint.id, "shipment.delivered")).toBeNull();
    expect(await replayDelivery(intruder, delivery.id)).toBe(false);
    expect(await listDeliveries(intruder)).toEqual([]);
    expect(await getDestination(owner, endpoint.id)).toMatchObject({ enabled: true });
  });

  it("returns the secret once: never listed, never stored in the clear", async () => {
    const shop = newShop();
    const { secret, endpoint } = await createEndpoint(shop, {
      url: receiver.url,
      eventTypes: ["shipment.delivered"],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const shown = JSON.stringify([
      await listDestinations(shop),
      await getDestination(shop, endpoint.id),
      await updateEndpoint(shop, endpoint.id, { eventTypes: ["order.created"], enabled: true }),
      await listDeliveries(shop),
    ]);
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain("sealedSecret");
    const row = await db.destinationEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.sealedSecret).not.toContain(secret);
  });

  it("refuses plain http to other hosts and an empty choice of events", async () => {
    const shop = newShop();
    await expect(
      createEndpoint(shop, { url: "http://example.com/hook", eventTypes: ["order.created"] }),
    ).rejects.toThrow(DestinationInputError);
    await expect(
      createEndpoint(shop, { url: "https://example.com/hook", eventTypes: [] }),
    ).rejects.toThrow(DestinationInputError);
    await expect(
      createEndpoint(shop, { url: "https://example.com/hook", eventTypes: ["order.shipped"] }),
    ).rejects.toThrow(DestinationInputError);
  });
});

describe("Klaviyo", () => {
  async function seedOrder(shop: string) {
    await db.shop.create({ data: { domain: shop } });
    await applyOrderPayload(
      shop,
      OrderPayloadSchema.parse(parseShopifyJson(webhookFixture("orders/create"))),
    );
  }

  it("refuses a key Klaviyo refuses, on save", async () => {
    const shop = newShop();
    await expect(
      connectKlaviyo(shop, {
        apiKey: `pk_${randomBytes(17).toString("hex")}`,
        eventTypes: ["order.created"],
      }),
    ).rejects.toThrow("Klaviyo refused this key");
    expect(await listDestinations(shop)).toEqual([]);
  });

  it("sends the event as a metric on the customer's profile, then the profile's properties", async () => {
    const shop = newShop();
    await seedOrder(shop);
    // Shopify's sample fulfillment of the sample order (UPS, with a tracking URL) and a member.
    await applyFulfillment(
      shop,
      FulfillmentPayloadSchema.parse(parseShopifyJson(webhookFixture("fulfillments/create"))),
    );
    const shipment = await db.trackingShipment.findFirstOrThrow({ where: { shopDomain: shop } });
    await db.loyaltyMember.create({
      data: { shopDomain: shop, customerShopifyId: CUSTOMER_ID, balance: 120, tier: "gold" },
    });
    await db.surveyResponse.create({
      data: {
        shopDomain: shop,
        kind: "nps",
        subjectKey: ORDER_ID,
        orderShopifyId: ORDER_ID,
        customerShopifyId: CUSTOMER_ID,
        score: 9,
        source: "thank_you",
      },
    });
    const apiKey = klaviyoStandin.klaviyo.createKey();
    await connectKlaviyo(shop, { apiKey, eventTypes: ["shipment.delivered", "order.created"] });
    const event = deliveredEvent(shop);
    event.data.shipmentId = shipment.id;
    await publishToDestinations(event);
    const delivery = await onlyDelivery(shop);
    const seen = klaviyoStandin.klaviyo.requests.length;

    expect(await runDelivery(shop, delivery.id)).toMatchObject({
      status: "succeeded",
      responseStatus: 202,
    });
    const sent = klaviyoStandin.klaviyo.requests.slice(seen);
    expect(sent.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      "POST /api/events 202",
      "POST /api/profile-import 201",
    ]);
    expect(
      sent.every((request) => request.apiKey === apiKey && request.revision === "2026-10-15"),
    ).toBe(true);
    expect(sent[0]!.body).toEqual({
      data: {
        type: "event",
        attributes: {
          properties: {
            ...event.data,
            orderName: "#9999",
            carrier: "UPS",
            trackingNumber: "1z827wk74630",
            trackingUrl:
              "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630",
          },
          time: "2026-11-30T10:00:00.000Z",
          unique_id: event.id,
          metric: {
            data: { type: "metric", attributes: { name: "Aftercare Shipment Delivered" } },
          },
          profile: { data: { type: "profile", attributes: { email: "john@example.com" } } },
        },
      },
    });
    expect(sent[1]!.body).toEqual({
      data: {
        type: "profile",
        attributes: {
          email: "john@example.com",
          properties: {
            aftercare_points_balance: 120,
            aftercare_tier: "gold",
            aftercare_last_nps: 9,
            // The shipment's estimate, from the fixture's dates.
            aftercare_next_delivery: shipment.estimateLatest!.toISOString(),
          },
        },
      },
    });
  });

  it("waits as long as Klaviyo's Retry-After says after a 429, then delivers", async () => {
    const shop = newShop();
    await seedOrder(shop);
    await connectKlaviyo(shop, {
      apiKey: klaviyoStandin.klaviyo.createKey(),
      eventTypes: ["order.created"],
    });
    await publishToDestinations({
      id: randomUUID(),
      type: "order.created",
      shop,
      occurredAt: new Date(),
      data: {
        orderId: ORDER_ID,
        orderName: "#9999",
        customerId: CUSTOMER_ID,
        currency: "USD",
        totalPrice: 59_880,
      },
    });
    const delivery = await onlyDelivery(shop);
    klaviyoStandin.klaviyo.throttle(1, 900);
    const before = Date.now();
    const throttled = await runDelivery(shop, delivery.id);
    expect(throttled).toMatchObject({ status: "pending", responseStatus: 429 });
    expect(JSON.parse(throttled.responseBody!).errors[0]).toMatchObject({
      status: 429,
      code: "throttled",
    });
    expect(throttled.nextAttemptAt!.getTime() - before).toBeGreaterThanOrEqual(900_000);
    expect(await runDelivery(shop, delivery.id)).toMatchObject({ status: "succeeded" });
  });

  it("skips a customer erased since the event, and customers/redact removes their deliveries", async () => {
    const shop = newShop();
    await seedOrder(shop);
    await connectKlaviyo(shop, {
      apiKey: klaviyoStandin.klaviyo.createKey(),
      eventTypes: ["shipment.delivered"],
    });
    await publishToDestinations(deliveredEvent(shop));
    const delivery = await onlyDelivery(shop);
    const subject = {
      shopDomain: shop,
      customerShopifyId: CUSTOMER_ID,
      email: "john@example.com",
      orderShopifyIds: [ORDER_ID],
    };
    await redactCustomerOrders(subject);
    const seen = klaviyoStandin.klaviyo.requests.length;
    expect(await runDelivery(shop, delivery.id)).toMatchObject({ status: "skipped" });
    expect(klaviyoStandin.klaviyo.requests.length).toBe(seen);

    // Klaviyo's and Shopify Flow's delivery of the event about the customer's order.
    expect(await redactCustomerDeliveries(subject)).toEqual({ deliveriesDeleted: 2 });
    expect(await listDeliveries(shop)).toEqual([]);
  });
});
