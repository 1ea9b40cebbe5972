import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { ReceivedTrigger } from "../../scripts/standin/admin/flow";
import { eventsToDestinations } from "../../app/flows/destinations.server";
import { uniqueShop } from "../support/constants";
import { eventsHandled } from "../support/events";
import { paidOrderToday, webhookFixture, withFields } from "../support/fixtures";
import {
  adminDocument,
  adminFetch,
  appUrl,
  BROWSER_UA,
  customerAccountToken,
  sendWebhook,
  standinUrl,
} from "../support/http";
import { installShop } from "../support/install";
import { mailArrived, mailbox } from "../support/mailbox";
import { waitFor } from "../support/wait";

/**
 * Shopify Flow both ways through the built app: Aftercare's events start workflows with
 * `flowTriggerReceive` (Flow played by the stand-in, which refuses a payload its trigger
 * extension does not declare), and Flow runs Aftercare's actions with signed POSTs to their
 * runtime URLs (https://shopify.dev/docs/apps/build/flow/actions/endpoints).
 */

// Shopify's sample order (orders/create fixture): its id passes 2^53.
const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";

async function triggers(shop: string): Promise<ReceivedTrigger[]> {
  const response = await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/flowTriggers`);
  return ((await response.json()) as ReceivedTrigger[] | null) ?? [];
}

function runAction(
  shop: string,
  handle: string,
  properties: Record<string, unknown>,
  options: { runId?: string; secret?: string } = {},
) {
  return fetch(`${standinUrl()}/__standin/shops/${shop}/flow-actions/${handle}`, {
    method: "POST",
    body: JSON.stringify({ properties, ...options }),
  }).then((response) => response.json() as Promise<{ status: number; body: string }>);
}

/** Order #9999 for `email`, and a function giving its UPS parcel's fulfillment webhook. */
async function order(shop: string, email: string) {
  await sendWebhook({
    shop,
    topic: "orders/create",
    body: withFields(webhookFixture("orders/create"), { email }),
  });
  await waitFor(
    async () => (await db.order.findFirst({ where: { shopDomain: shop, email } })) ?? undefined,
    { message: "order stored" },
  );
  return (status: string, updatedAt = new Date()) =>
    withFields(webhookFixture("fulfillments/create"), {
      status: "success",
      shipment_status: status,
      email,
      updated_at: updatedAt.toISOString(),
    });
}

/** A shop whose customer answered the NPS question of their paid order #9999 with `score`. */
async function npsAnswered(label: string, score: number) {
  const shop = uniqueShop(label);
  await installShop(shop);
  await sendWebhook({
    shop,
    topic: "orders/paid",
    body: paidOrderToday(),
  });
  await waitFor(
    async () =>
      (await db.order.findFirst({ where: { shopDomain: shop, shopifyId: ORDER_ID } })) ?? undefined,
    { message: "order stored" },
  );
  const answered = await fetch(`${appUrl()}/api/surveys/nps`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${customerAccountToken(shop, CUSTOMER_ID)}`,
      "User-Agent": BROWSER_UA,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ orderId: ORDER_ID, score }),
  });
  expect(answered.status).toBe(200);
  return shop;
}

const shipmentOf = (shop: string) =>
  waitFor(
    async () => (await db.trackingShipment.findFirst({ where: { shopDomain: shop } })) ?? undefined,
    {
      message: "shipment stored",
    },
  );

describe("Shopify Flow triggers", { timeout: 120_000 }, () => {
  it("a delivered shipment starts 'Shipment delivered' once, with its order and tracking number", async () => {
    const shop = uniqueShop("flow-delivered");
    await installShop(shop);
    const fulfillment = await order(shop, `flow-${randomUUID().slice(0, 8)}@example.com`);
    await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment("delivered") });
    const received = await waitFor(
      async () => (await triggers(shop)).find((t) => t.handle === "shipment-delivered"),
      { message: "flowTriggerReceive at Shopify", timeout: 60_000 },
    );
    expect(received.payload).toEqual({
      order_id: ORDER_ID,
      "Tracking number": "1z827wk74630",
      Carrier: "UPS",
    });
    const delivery = await waitFor(
      async () =>
        (await db.destinationDelivery.findFirst({
          where: { shopDomain: shop, eventType: "shipment.delivered", status: "succeeded" },
          include: { destination: true },
        })) ?? undefined,
      { message: "the Flow delivery succeeded" },
    );
    expect(delivery.destination.kind).toBe("shopify_flow");
    // The same news again (another webhook delivery) starts nothing new.
    await sendWebhook({ shop, topic: "fulfillments/update", body: fulfillment("delivered") });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await triggers(shop)).filter((t) => t.handle === "shipment-delivered")).toHaveLength(1);
    // The merchant sees it among the deliveries, not among their own endpoints.
    const page = await (await adminDocument(shop, "/app/settings/endpoints")).text();
    expect(page).toContain("Shopify Flow");
    expect(page).toContain("No endpoints yet");
  });

  it("an NPS answer of 3 starts 'NPS detractor answered' with the customer; a 9 starts nothing", async () => {
    const detractor = await npsAnswered("flow-nps-3", 3);
    const received = await waitFor(
      async () => (await triggers(detractor)).find((t) => t.handle === "nps-detractor"),
      { message: "the detractor trigger", timeout: 60_000 },
    );
    expect(received.payload).toEqual({ customer_id: CUSTOMER_ID, Score: 3 });

    const promoter = await npsAnswered("flow-nps-9", 9);
    await eventsHandled(promoter, eventsToDestinations);
    expect(await triggers(promoter)).toEqual([]);
    expect(await db.destinationDelivery.count({ where: { shopDomain: promoter } })).toBe(0);
  });

  it("Flow's userErrors fail the delivery for good, with Flow's message shown", async () => {
    const shop = uniqueShop("flow-refused");
    await installShop(shop);
    // Shopify has not (yet) deployed the trigger for this app version.
    await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/flowUndeployed`, {
      method: "POST",
      body: JSON.stringify(["shipment-delivered"]),
    });
    const fulfillment = await order(shop, `flow-${randomUUID().slice(0, 8)}@example.com`);
    await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment("delivered") });
    const failed = await waitFor(
      async () =>
        (await db.destinationDelivery.findFirst({
          where: { shopDomain: shop, eventType: "shipment.delivered", status: "failed" },
        })) ?? undefined,
      { message: "the refused Flow delivery", timeout: 60_000 },
    );
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt).toBeNull();
    expect(failed.error).toBe(
      "Flow refused shipment-delivered: Trigger with handle 'shipment-delivered' not found",
    );
    expect(await triggers(shop)).toEqual([]);
    const page = await (await adminDocument(shop, "/app/settings/endpoints")).text();
    expect(page).toContain("Trigger with handle");
  });
});

describe("Shopify Flow actions", { timeout: 120_000 }, () => {
  const member = (shop: string) =>
    db.loyaltyMember.findUnique({
      where: { shopDomain_customerShopifyId: { shopDomain: shop, customerShopifyId: CUSTOMER_ID } },
    });

  it("'Add loyalty points' adds them once per run; a bad signature changes nothing; other shops are untouched", async () => {
    const shop = uniqueShop("flow-points");
    const other = uniqueShop("flow-points-other");
    await installShop(shop);
    await installShop(other);
    const properties = { customer_id: CUSTOMER_ID, points: 250, reason: "VIP workflow" };

    const forged = await runAction(shop, "add-loyalty-points", properties, {
      secret: "not-the-app-secret",
    });
    expect(forged.status).toBe(401);
    expect(await member(shop)).toBeNull();

    const runId = randomUUID();
    const first = await runAction(shop, "add-loyalty-points", properties, { runId });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ added: true, points: 250 });
    // Flow retries the same run: one effect.
    const again = await runAction(shop, "add-loyalty-points", properties, { runId });
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ added: false, points: 250 });
    const added = await member(shop);
    expect(added?.balance).toBe(250);
    const entries = await db.loyaltyEntry.findMany({ where: { shopDomain: shop } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ points: 250, note: "VIP workflow", actor: "Shopify Flow" });

    // The same customer id in another shop is that shop's customer: this shop's balance stays.
    const elsewhere = await runAction(other, "add-loyalty-points", properties, { runId });
    expect(elsewhere.status).toBe(200);
    expect((await member(shop))?.balance).toBe(250);
    expect((await member(other))?.balance).toBe(250);
  });

  it("'Flag shipment for attention' puts the order's shipment on the list once; another shop's order is not found", async () => {
    const shop = uniqueShop("flow-flag");
    const other = uniqueShop("flow-flag-other");
    await installShop(shop);
    await installShop(other);
    const fulfillment = await order(shop, `flow-${randomUUID().slice(0, 8)}@example.com`);
    await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment("in_transit") });
    const shipment = await shipmentOf(shop);

    const intruder = await runAction(other, "flag-shipment", { order_id: ORDER_ID, note: "x" });
    expect(intruder.status).toBe(422);
    expect(
      (await db.trackingShipment.findUnique({ where: { id: shipment.id } }))?.attentionReason,
    ).toBeNull();

    const forged = await runAction(
      shop,
      "flag-shipment",
      { order_id: ORDER_ID, note: "Customer called" },
      { secret: "not-the-app-secret" },
    );
    expect(forged.status).toBe(401);
    expect(
      (await db.trackingShipment.findUnique({ where: { id: shipment.id } }))?.attentionReason,
    ).toBeNull();

    const runId = randomUUID();
    const flagged = await runAction(
      shop,
      "flag-shipment",
      { order_id: ORDER_ID, note: "Customer called" },
      { runId },
    );
    expect(flagged.status).toBe(200);
    const row = await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } });
    expect(row).toMatchObject({ attentionReason: "flagged", attentionDetail: "Customer called" });
    const again = await runAction(
      shop,
      "flag-shipment",
      { order_id: ORDER_ID, note: "Customer called" },
      { runId },
    );
    expect(again.status).toBe(200);
    const same = await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } });
    expect(same.attentionSince?.getTime()).toBe(row.attentionSince?.getTime());

    // A carrier update re-derives the shipment; the merchant's flag stays until resolved.
    await sendWebhook({
      shop,
      topic: "fulfillments/update",
      body: fulfillment("out_for_delivery"),
    });
    await waitFor(
      async () =>
        (await db.trackingShipment.findUnique({ where: { id: shipment.id } }))?.tag ===
        "OutForDelivery",
      { message: "out for delivery", timeout: 60_000 },
    );
    expect(
      (await db.trackingShipment.findUnique({ where: { id: shipment.id } }))?.attentionReason,
    ).toBe("flagged");
    const page = await (await adminDocument(shop, "/app/shipments")).text();
    expect(page).toContain("Flagged in Shopify Flow");
    // "Mark resolved" takes it off the list.
    const resolved = await adminFetch(shop, `/app/shipments/${shipment.id}.data`, {
      method: "POST",
      body: new URLSearchParams({ intent: "resolve" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(resolved.status).toBe(200);
    expect(
      await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } }),
    ).toMatchObject({ attentionReason: null, attentionDetail: null });
  });

  it("'Send delivery survey' e-mails the survey of the delivered shipment once, whatever the runs", async () => {
    const shop = uniqueShop("flow-csat");
    await installShop(shop);
    const email = `flow-csat-${randomUUID().slice(0, 8)}@example.com`;
    const fulfillment = await order(shop, email);
    // Delivered five days ago, learned now (a replayed history): no e-mail went out on its own.
    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: fulfillment("delivered", new Date(Date.now() - 5 * 86_400_000)),
    });
    await waitFor(async () => (await shipmentOf(shop)).tag === "Delivered", {
      message: "delivered",
    });

    const forged = await runAction(
      shop,
      "send-csat-survey",
      { order_id: ORDER_ID },
      { secret: "x" },
    );
    expect(forged.status).toBe(401);

    const sent = await runAction(shop, "send-csat-survey", { order_id: ORDER_ID });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ sent: true });
    const [survey] = await mailArrived(email, "the survey e-mail");
    expect(survey!.headers["x-aftercare-trigger"]).toBe("survey.csat");
    // Another run of another workflow: the shipment's survey was sent already.
    const second = await runAction(shop, "send-csat-survey", { order_id: ORDER_ID });
    expect(second.status).toBe(200);
    expect(JSON.parse(second.body)).toMatchObject({ sent: false });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailbox(email)).toHaveLength(1);

    const missing = await runAction(shop, "send-csat-survey", { order_id: "1" });
    expect(missing.status).toBe(422);
  });
});
