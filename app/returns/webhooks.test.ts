import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { webhookFixture } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { parseShopifyJson } from "../platform/shopify/json";
import { WebhookPayloadError } from "../webhooks/types";
import { syncShopifyReturn } from "./webhooks.server";

/** Shopify's sample return id, as every returns/* fixture carries it. */
const SHOPIFY_ID = "123134564567890";

async function knownReturn(status: string) {
  const shop = `returns-hooks-${randomUUID().slice(0, 8)}.myshopify.com`;
  const created = await db.returnRequest.create({
    data: {
      shopDomain: shop,
      shopifyId: SHOPIFY_ID,
      orderShopifyId: "4783296544821",
      orderName: "#1001",
      idempotencyKey: randomUUID(),
      status,
      currency: "USD",
    },
  });
  return { shop, id: created.id };
}

/** Topics without a sample of their own carry the same Return payload as returns/approve (status open). */
const SAMPLE: Record<string, string> = {
  "returns/reopen": "returns/approve",
  "returns/update": "returns/approve",
};

const minutes = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));

function deliver(shop: string, topic: string, triggeredAt: Date) {
  return syncShopifyReturn.handle({
    shop,
    topic,
    payload: parseShopifyJson(webhookFixture(SAMPLE[topic] ?? topic)),
    webhookId: randomUUID(),
    deliveryId: randomUUID(),
    triggeredAt,
  });
}

const state = async (id: string) => {
  const row = await db.returnRequest.findUniqueOrThrow({
    where: { id },
    include: { events: { orderBy: { occurredAt: "asc" } } },
  });
  return { status: row.status, events: row.events.map((event) => `${event.kind}:${event.actor}`) };
};

/** The domain events the return's changes wrote to the outbox, oldest first. */
const published = async (id: string) =>
  (
    await db.outboxEvent.findMany({
      where: { aggregate: "return", aggregateId: id },
      orderBy: { sequence: "asc" },
    })
  ).map((row) => row.type);

describe("returns/* webhooks for a return we know", () => {
  it("applies an approval from Shopify once, however often it is delivered", async () => {
    const { shop, id } = await knownReturn("requested");
    await deliver(shop, "returns/approve", minutes(1));
    await deliver(shop, "returns/approve", minutes(1));
    expect(await state(id)).toEqual({ status: "open", events: ["approved:shopify"] });
    expect(await published(id)).toEqual(["return.approved"]);
    expect(await db.returnRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      shopifyStatus: "OPEN",
      approvedAt: minutes(1),
    });
  });

  it("ignores a stale request that arrives after the approval", async () => {
    const { shop, id } = await knownReturn("requested");
    await deliver(shop, "returns/approve", minutes(2));
    await deliver(shop, "returns/request", minutes(1));
    expect(await state(id)).toEqual({ status: "open", events: ["approved:shopify"] });
    expect(await published(id)).toEqual(["return.approved"]);
  });

  it("never moves a return that is further along here back to open", async () => {
    const { shop, id } = await knownReturn("received");
    await deliver(shop, "returns/approve", minutes(1));
    await deliver(shop, "returns/update", minutes(2));
    expect(await state(id)).toEqual({ status: "received", events: [] });
    expect(await published(id)).toEqual([]);
  });

  it("records Shopify's decline with the note the customer sees", async () => {
    const { shop, id } = await knownReturn("requested");
    await deliver(shop, "returns/decline", minutes(1));
    await deliver(shop, "returns/approve", minutes(2));
    expect(await state(id)).toEqual({ status: "declined", events: ["declined:shopify"] });
    expect(await published(id)).toEqual(["return.declined"]);
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id } })).declineReason).toBe(
      "As discussed on the phone, the 30-day return window has ended.",
    );
  });

  it("reopens a closed return, but not with a reopen older than the close", async () => {
    const { shop, id } = await knownReturn("open");
    await deliver(shop, "returns/close", minutes(5));
    await deliver(shop, "returns/reopen", minutes(3));
    expect(await state(id)).toEqual({ status: "closed", events: ["closed:shopify"] });
    await deliver(shop, "returns/reopen", minutes(7));
    expect(await state(id)).toEqual({
      status: "open",
      events: ["closed:shopify", "reopened:shopify"],
    });
    await deliver(shop, "returns/reopen", minutes(7));
    expect((await state(id)).events).toHaveLength(2);
    expect(await published(id)).toEqual(["return.closed", "return.reopened"]);
  });

  it("reaches the same state whichever order the deliveries come in", async () => {
    const topics = ["returns/request", "returns/approve", "returns/close"];
    const expected = [
      ["return.approved", "return.closed"],
      ["return.closed"],
      ["return.approved", "return.closed"],
    ];
    const orders = [topics, [...topics].reverse(), [topics[1]!, topics[2]!, topics[0]!]];
    for (const order of orders) {
      const { shop, id } = await knownReturn("requested");
      for (const topic of order) await deliver(shop, topic, minutes(topics.indexOf(topic)));
      expect((await state(id)).status).toBe("closed");
      // Each delivery that moved the return announced it; the stale ones announced nothing.
      expect(await published(id)).toEqual(expected[orders.indexOf(order)]);
    }
  });

  it("parks a payload that is not a return", async () => {
    const { shop } = await knownReturn("requested");
    await expect(
      syncShopifyReturn.handle({
        shop,
        topic: "returns/approve",
        payload: { id: 1 },
        webhookId: randomUUID(),
        deliveryId: randomUUID(),
        triggeredAt: null,
      }),
    ).rejects.toBeInstanceOf(WebhookPayloadError);
  });
});
