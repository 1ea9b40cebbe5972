import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const ORDER = webhookFixture("orders/create");
const ORDER_ID = "820982911946154508";

const delivery = (webhookId: string) => db.webhookDelivery.findUnique({ where: { webhookId } });
const processed = (webhookId: string) =>
  waitFor(
    async () => {
      const row = await delivery(webhookId);
      return row && ["processed", "parked", "ignored"].includes(row.status) ? row : undefined;
    },
    { message: `delivery ${webhookId} to settle` },
  );

describe("the webhook ingest path", () => {
  it("acknowledges a signed delivery, stores it once and processes it in the background", async () => {
    const shop = uniqueShop("ingest");
    await installShop(shop);
    const webhookId = randomUUID();
    const started = performance.now();
    const response = await sendWebhook({ shop, topic: "orders/create", body: ORDER, webhookId });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(elapsed).toBeLessThan(5000);

    const row = await processed(webhookId);
    expect(row).toMatchObject({
      status: "processed",
      topic: "orders/create",
      shopDomain: shop,
      attempts: 1,
    });
    expect(row.payload).toBe(ORDER);
    const order = await db.order.findUnique({
      where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId: ORDER_ID } },
    });
    expect(order?.name).toBe("#9999");
  });

  it("answers 401 to a bad signature and stores nothing", async () => {
    const shop = uniqueShop("bad-hmac");
    const webhookId = randomUUID();
    const response = await sendWebhook({
      shop,
      topic: "orders/create",
      body: ORDER,
      webhookId,
      secret: "not-the-secret",
    });
    expect(response.status).toBe(401);
    expect(await delivery(webhookId)).toBeNull();
    expect(await db.webhookDelivery.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("answers 401 when the body was altered after signing", async () => {
    const shop = uniqueShop("tampered");
    const webhookId = randomUUID();
    const { webhookHeaders } = await import("../../scripts/standin/signing");
    const headers = webhookHeaders(ORDER, {
      shop,
      topic: "orders/create",
      secret: "aftercare-test-secret",
      apiVersion: "2026-10",
      webhookId,
    });
    const tampered = ORDER.replace('"total_price": "404.95"', '"total_price": "0.01"');
    const { appUrl } = await import("../support/http");
    const response = await fetch(`${appUrl()}/webhooks`, {
      method: "POST",
      headers,
      body: tampered,
    });
    expect(response.status).toBe(401);
    expect(await delivery(webhookId)).toBeNull();
  });

  it.each([
    "X-Shopify-Topic",
    "X-Shopify-Webhook-Id",
    "X-Shopify-Shop-Domain",
    "X-Shopify-Hmac-Sha256",
  ])("answers 400 when %s is missing and stores nothing", async (header) => {
    const shop = uniqueShop("headers");
    const webhookId = randomUUID();
    const response = await sendWebhook({
      shop,
      topic: "orders/create",
      body: ORDER,
      webhookId,
      omit: [header],
    });
    expect(response.status).toBe(400);
    expect(await db.webhookDelivery.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it.each([
    ["a truncated body", ORDER.slice(0, 200)],
    ["plain text", "hello"],
    ["a JSON array", "[1, 2]"],
  ])("answers 400 to %s, even correctly signed, and stores nothing", async (_label, body) => {
    const shop = uniqueShop("malformed");
    const response = await sendWebhook({ shop, topic: "orders/create", body });
    expect(response.status).toBe(400);
    expect(await db.webhookDelivery.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("acknowledges a duplicate delivery and applies its effects once", async () => {
    const shop = uniqueShop("duplicate");
    await installShop(shop);
    const webhookId = randomUUID();
    const first = await sendWebhook({ shop, topic: "orders/create", body: ORDER, webhookId });
    const second = await sendWebhook({ shop, topic: "orders/create", body: ORDER, webhookId });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.text()).toMatch(/duplicate/);
    await processed(webhookId);
    expect(await db.webhookDelivery.count({ where: { shopDomain: shop } })).toBe(1);
    expect(await db.orderLineItem.count({ where: { shopDomain: shop } })).toBe(5);
  });

  it("never lets an older update overwrite a newer one that arrived first", async () => {
    const shop = uniqueShop("out-of-order");
    await installShop(shop);
    const newer = withFields(ORDER, {
      updated_at: "2022-01-03T09:00:00-05:00",
      financial_status: "refunded",
    });
    const older = withFields(ORDER, {
      updated_at: "2022-01-02T09:00:00-05:00",
      financial_status: "paid",
    });
    const newerId = randomUUID();
    const olderId = randomUUID();
    await sendWebhook({ shop, topic: "orders/updated", body: newer, webhookId: newerId });
    await processed(newerId);
    await sendWebhook({ shop, topic: "orders/updated", body: older, webhookId: olderId });
    expect((await processed(olderId)).status).toBe("processed");
    const order = await db.order.findUnique({
      where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId: ORDER_ID } },
    });
    expect(order?.financialStatus).toBe("refunded");
  });

  it("converges on the newest state whatever order a burst of updates arrives in", async () => {
    const shop = uniqueShop("burst-order");
    await installShop(shop);
    const versions = ["pending", "authorized", "paid", "partially_refunded", "refunded"].map(
      (status, index) =>
        withFields(ORDER, {
          updated_at: `2022-02-0${index + 1}T09:00:00Z`,
          financial_status: status,
        }),
    );
    const shuffled = [versions[3], versions[0], versions[4], versions[1], versions[2]] as string[];
    const ids = shuffled.map(() => randomUUID());
    await Promise.all(
      shuffled.map((body, index) =>
        sendWebhook({ shop, topic: "orders/updated", body, webhookId: ids[index] }),
      ),
    );
    await Promise.all(ids.map(processed));
    const order = await db.order.findUnique({
      where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId: ORDER_ID } },
    });
    expect(order?.financialStatus).toBe("refunded");
    expect(await db.orderLineItem.count({ where: { shopDomain: shop } })).toBe(5);
  });

  it("acknowledges a topic without handlers and records it as ignored", async () => {
    const shop = uniqueShop("unknown-topic");
    const webhookId = randomUUID();
    const response = await sendWebhook({
      shop,
      topic: "collections/create",
      body: '{"id": 1}',
      webhookId,
    });
    expect(response.status).toBe(200);
    expect(await delivery(webhookId)).toMatchObject({
      status: "ignored",
      topic: "collections/create",
    });
  });

  it("parks a payload of the wrong shape with a clear error instead of crashing or retrying", async () => {
    const shop = uniqueShop("wrong-shape");
    await installShop(shop);
    const webhookId = randomUUID();
    const response = await sendWebhook({
      shop,
      topic: "orders/create",
      body: '{"id": 12, "name": 7}',
      webhookId,
    });
    expect(response.status).toBe(200);
    const row = await processed(webhookId);
    expect(row.status).toBe("parked");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(
      /orders\.mirror: WebhookPayloadError: orders\/create payload rejected/,
    );
    expect(row.lastError).toMatch(/name/);
    expect(await db.order.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("answers GET with 405", async () => {
    const { appUrl } = await import("../support/http");
    const response = await fetch(`${appUrl()}/webhooks`);
    expect(response.status).toBe(405);
  });
});
