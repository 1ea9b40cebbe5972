import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { armOf } from "../../app/experiments/assignment";
import { shipmentEmails } from "../../app/flows/shipment-emails.server";
import { eventsHandled } from "../support/events";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { adminDocument, adminFetch, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/** Shopify's sample order's ids, replaced so each shopper has an order and a customer of their own. */
const SAMPLE_ORDER_ID = "820982911946154508";
const SAMPLE_CUSTOMER_ID = "115310627314723954";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/** Waits until the app has run every handler of one webhook delivery. */
async function delivered(shop: string, topic: string, body: string) {
  const webhookId = randomUUID();
  expect((await sendWebhook({ shop, topic, body, webhookId })).status).toBe(200);
  await waitFor(
    async () =>
      (await db.webhookDelivery.findUnique({ where: { webhookId } }))?.status === "processed",
    // Two queue hops on pg-boss under a loaded machine: seconds each.
    { message: `${topic} processed`, timeout: 60_000 },
  );
}

/** The shopper's order, then its parcel moving to in transit (Shopify's `shipment_status`). */
async function orderShipped(shop: string, shopper: { customerId: string; email: string }) {
  const orderId = String(8_000_000_000 + Math.floor(Math.random() * 1e9));
  const order = withFields(webhookFixture("orders/create"), { email: shopper.email })
    .replaceAll(SAMPLE_ORDER_ID, orderId)
    .replaceAll(SAMPLE_CUSTOMER_ID, shopper.customerId);
  await delivered(shop, "orders/create", order);
  const fulfillment = withFields(webhookFixture("fulfillments/create"), {
    id: Number(orderId.slice(-6)),
    status: "success",
    shipment_status: "in_transit",
    email: shopper.email,
    // Now: shipment emails are for news, not for history replayed from old events.
    updated_at: new Date().toISOString(),
  })
    .replaceAll(SAMPLE_ORDER_ID, orderId)
    .replaceAll("1z827wk74630", "1Z999AA10123456784");
  await delivered(shop, "fulfillments/create", fulfillment);
}

const messagesTo = (shop: string, email: string) =>
  db.notificationMessage.findMany({ where: { shopDomain: shop, recipient: email } });

describe("a holdout on shipment emails", { timeout: 180_000 }, () => {
  it("sends the shipment email to treated customers only, and the page shows both arms", async () => {
    const shop = uniqueShop("holdout");
    await installShop(shop);
    const empty = await (await adminDocument(shop, "/app/experiments")).text();
    expect(empty).toContain("Measure lift, not claims");

    const start = await adminFetch(
      shop,
      "/app/experiments.data",
      form({ intent: "start", touch: "shipment_emails", holdoutPercent: "50" }),
    );
    expect(start.status).toBe(200);
    // One experiment per touch at a time.
    const again = await adminFetch(
      shop,
      "/app/experiments.data",
      form({ intent: "start", touch: "shipment_emails", holdoutPercent: "10" }),
    );
    expect(again.status).toBe(409);
    const experiment = await db.experiment.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(experiment).toMatchObject({ touch: "shipment_emails", holdoutPercent: 50 });

    // One customer of each arm, by the same hash the app uses.
    const candidates = Array.from({ length: 50 }, (_, i) => String(6_200_000_000_000 + i));
    const pick = (arm: string) => candidates.find((id) => armOf(experiment.id, id, 50) === arm)!;
    const treated = { customerId: pick("treated"), email: `treated-${randomUUID()}@example.com` };
    const held = { customerId: pick("holdout"), email: `held-${randomUUID()}@example.com` };

    await orderShipped(shop, treated);
    await orderShipped(shop, held);
    await eventsHandled(shop, shipmentEmails);

    // Both status changes are handled (the decision recorded)...
    const assignments = await db.experimentAssignment.findMany({
      where: { experimentId: experiment.id },
      orderBy: { customerShopifyId: "asc" },
    });
    expect(Object.fromEntries(assignments.map((row) => [row.customerShopifyId, row.arm]))).toEqual({
      [treated.customerId]: "treated",
      [held.customerId]: "holdout",
    });
    // ...and only the treated customer's has an email.
    expect((await messagesTo(shop, treated.email)).map((message) => message.trigger)).toEqual([
      "shipment.shipped",
    ]);
    expect(await messagesTo(shop, held.email)).toEqual([]);

    const page = await (await adminDocument(shop, "/app/experiments")).text();
    expect(page).toContain("Shipment emails");
    expect(page).toContain("Treated (n = 1)");
    expect(page).toContain("Held out (n = 1)");
    expect(page).toContain("Too small to conclude");

    // Stopped: the held-out customer's next parcel is emailed like everyone's.
    const stop = await adminFetch(
      shop,
      "/app/experiments.data",
      form({ intent: "stop", experimentId: experiment.id }),
    );
    expect(stop.status).toBe(200);
    await orderShipped(shop, held);
    await eventsHandled(shop, shipmentEmails);
    expect((await messagesTo(shop, held.email)).map((message) => message.trigger)).toEqual([
      "shipment.shipped",
    ]);
  });

  it("refuses a holdout percentage out of range and another shop's experiment", async () => {
    const shop = uniqueShop("holdout-refuse");
    const other = uniqueShop("holdout-other");
    await installShop(shop);
    await installShop(other);
    const bad = await adminFetch(
      shop,
      "/app/experiments.data",
      form({ intent: "start", touch: "shipment_emails", holdoutPercent: "95" }),
    );
    expect(bad.status).toBe(400);
    expect(await db.experiment.count({ where: { shopDomain: shop } })).toBe(0);
    await adminFetch(
      shop,
      "/app/experiments.data",
      form({ intent: "start", touch: "recommendations", holdoutPercent: "10" }),
    );
    const experiment = await db.experiment.findFirstOrThrow({ where: { shopDomain: shop } });
    const foreign = await adminFetch(
      other,
      "/app/experiments.data",
      form({ intent: "stop", experimentId: experiment.id }),
    );
    expect(foreign.status).toBe(404);
    expect(
      (await db.experiment.findUniqueOrThrow({ where: { id: experiment.id } })).stoppedAt,
    ).toBe(null);
  });
});
