import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { getTrackingSettings } from "../../app/tracking/index.server";
import { easypostSignature } from "../../scripts/standin/easypost";
import { uniqueShop } from "../support/constants";
import { fixtureText, webhookFixture, withFields } from "../support/fixtures";
import {
  adminApiCalls,
  adminDocument,
  adminFetch,
  appUrl,
  sendWebhook,
  standinUrl,
} from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const FULFILLMENT = webhookFixture("fulfillments/create");

/** A fulfillment of its own (ids are per shop, but tracking numbers make the tests readable). */
function fulfillmentBody(trackingNumber: string, fields: Record<string, unknown> = {}) {
  return withFields(FULFILLMENT, fields)
    .replaceAll("1z827wk74630", trackingNumber)
    .replace('"tracking_company": "UPS"', '"tracking_company": null');
}

async function shipmentFor(shop: string, trackingNumber: string) {
  return waitFor(
    async () =>
      (await db.trackingShipment.findFirst({ where: { shopDomain: shop, trackingNumber } })) ??
      undefined,
    { message: `shipment ${trackingNumber}` },
  );
}

const saveSettings = (shop: string, fields: Record<string, string>) =>
  adminFetch(shop, "/app/shipments/settings.data", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

async function advanceTracker(trackingCode: string, step: Record<string, unknown>) {
  const trackers = (await (
    await fetch(`${standinUrl()}/__standin/easypost/trackers?tracking_code=${trackingCode}`)
  ).json()) as { id: string }[];
  expect(trackers).toHaveLength(1);
  const response = await fetch(
    `${standinUrl()}/__standin/easypost/trackers/${trackers[0]!.id}/advance`,
    { method: "POST", body: JSON.stringify(step) },
  );
  return ((await response.json()) as { delivered: number[] }).delivered;
}

describe("shipments from Shopify's webhooks", () => {
  it("turns a fulfillment into a shipment the merchant finds, filters and exports", async () => {
    const shop = uniqueShop("ship-index");
    await installShop(shop);
    const response = await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: fulfillmentBody("1Z5R89390357567127", { status: "success" }),
      webhookId: randomUUID(),
    });
    expect(response.status).toBe(200);
    const shipment = await shipmentFor(shop, "1Z5R89390357567127");
    expect(shipment).toMatchObject({ carrier: "ups", carrierValid: true, tag: "InfoReceived" });

    await sendWebhook({
      shop,
      topic: "fulfillment_events/create",
      body: withFields(webhookFixture("fulfillment_events/create"), { status: "out_for_delivery" }),
      webhookId: randomUUID(),
    });
    await waitFor(
      async () =>
        (await db.trackingShipment.findUnique({ where: { id: shipment.id } }))?.tag ===
        "OutForDelivery",
    );

    const page = await (await adminDocument(shop, "/app/shipments")).text();
    expect(page).toContain("1Z5R89390357567127");
    expect(page).toContain("#9999");
    const searched = await (
      await adminDocument(shop, "/app/shipments?query=nothing-like-it")
    ).text();
    expect(searched).toContain("No shipments match");

    const csv = await (await adminFetch(shop, "/app/shipments/export?tag=OutForDelivery")).text();
    expect(csv.split("\r\n")[0]).toMatch(/^order,email,tracking_number,carrier/);
    expect(csv).toContain("#9999,jon@example.com,1Z5R89390357567127,ups");

    // Shopify told us these statuses: nothing to write back.
    expect((await adminApiCalls(shop)).map((call) => call.operationName)).not.toContain(
      "FulfillmentEventCreate",
    );
  });

  it("never shows one shop's shipment to another", async () => {
    const owner = uniqueShop("ship-owner");
    const other = uniqueShop("ship-other");
    await installShop(owner);
    await installShop(other);
    await sendWebhook({
      shop: owner,
      topic: "fulfillments/create",
      body: fulfillmentBody("TBA123456789012"),
      webhookId: randomUUID(),
    });
    const shipment = await shipmentFor(owner, "TBA123456789012");
    const response = await adminDocument(other, `/app/shipments/${shipment.id}`);
    expect(response.status).toBe(404);
    const override = await adminFetch(other, `/app/shipments/${shipment.id}.data`, {
      method: "POST",
      body: new URLSearchParams({ intent: "carrier", carrier: "fedex" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(override.status).toBe(404);
    expect((await db.trackingShipment.findUnique({ where: { id: shipment.id } }))?.carrier).toBe(
      "amazon",
    );
  });

  it("lets the merchant correct the carrier of a number two carriers' formats fit", async () => {
    const shop = uniqueShop("ship-override");
    await installShop(shop);
    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: fulfillmentBody("287809468872"),
      webhookId: randomUUID(),
    });
    const shipment = await shipmentFor(shop, "287809468872");
    // Twelve digits with a valid check digit fit both FedEx Express and Purolator (the spec's
    // formats); without a hint, detection leans to Purolator's.
    expect(shipment.carrier).toBe("purolator");
    const response = await adminFetch(shop, `/app/shipments/${shipment.id}.data`, {
      method: "POST",
      body: new URLSearchParams({ intent: "carrier", carrier: "fedex" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
    expect(await db.trackingShipment.findUnique({ where: { id: shipment.id } })).toMatchObject({
      carrier: "fedex",
      carrierSource: "override",
    });
  });
});

describe("EasyPost as the carrier data source", () => {
  it("registers a tracker, applies its signed webhooks and writes each new status back to Shopify", async () => {
    const shop = uniqueShop("easypost");
    await installShop(shop);
    const apiKey = `EZTK${randomUUID().replace(/-/g, "")}`;
    const saved = await saveSettings(shop, {
      provider: "easypost",
      easypostApiKey: apiKey,
      "stall.*": "5",
      writeBack: "on",
    });
    expect(saved.status).toBe(200);
    // The app keeps the key sealed with its SECRETS_KEY (shared with this process) and opens it.
    const column = (await db.trackingSettings.findUniqueOrThrow({ where: { shopDomain: shop } }))
      .easypostApiKey;
    expect(column).toMatch(/^v1\./);
    expect(column).not.toContain(apiKey);
    expect((await getTrackingSettings(shop)).easypostApiKey).toBe(apiKey);

    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: fulfillmentBody("9400111899223197428490"),
      webhookId: randomUUID(),
    });
    const shipment = await waitFor(
      async () => {
        const row = await db.trackingShipment.findFirst({
          where: { shopDomain: shop, trackingNumber: "9400111899223197428490" },
        });
        return row?.providerRef ? row : undefined;
      },
      { message: "tracker registered" },
    );
    expect(shipment).toMatchObject({ provider: "easypost", tag: "InfoReceived" });
    await waitFor(
      async () =>
        (await db.trackingWriteBack.findFirst({ where: { shipmentId: shipment.id } }))?.state ===
        "sent",
      { message: "the label-created status written back" },
    );

    const scannedAt = new Date(Date.now() + 60_000);
    scannedAt.setUTCMilliseconds(0);
    const delivered = await advanceTracker("9400111899223197428490", {
      status: "out_for_delivery",
      status_detail: "out_for_delivery",
      message: "Out for Delivery",
      city: "CHARLESTON",
      state: "SC",
      country: "US",
      datetime: scannedAt.toISOString().replace(".000Z", "Z"),
      est_delivery_date: `${scannedAt.toISOString().slice(0, 10)}T00:00:00Z`,
    });
    expect(delivered).toEqual([200]);
    const updated = await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } });
    expect(updated).toMatchObject({ tag: "OutForDelivery", estimateSource: "carrier" });

    const writeBacks = await waitFor(
      async () => {
        const calls = (await adminApiCalls(shop)).filter(
          (call) => call.operationName === "FulfillmentEventCreate",
        );
        return calls.length === 2 ? calls : undefined;
      },
      { message: "two fulfillmentEventCreate calls" },
    );
    const eventOf = (call: (typeof writeBacks)[number]) =>
      call.variables.fulfillmentEvent as Record<string, unknown>;
    expect(writeBacks.map((call) => eventOf(call).status).sort()).toEqual([
      "LABEL_PRINTED",
      "OUT_FOR_DELIVERY",
    ]);
    expect(
      writeBacks.map(eventOf).find((event) => event.status === "OUT_FOR_DELIVERY"),
    ).toMatchObject({
      fulfillmentId: "gid://shopify/Fulfillment/123456",
      happenedAt: scannedAt.toISOString(),
      city: "CHARLESTON",
      country: "US",
    });
    await waitFor(
      async () =>
        (await db.trackingWriteBack.count({
          where: { shipmentId: shipment.id, state: "sent" },
        })) === 2,
      { message: "write-backs recorded as sent" },
    );
  });

  it("refuses unsigned and forged EasyPost webhooks and changes nothing", async () => {
    const shop = uniqueShop("easypost-forged");
    await installShop(shop);
    await saveSettings(shop, {
      provider: "easypost",
      easypostApiKey: `EZTK${randomUUID().replace(/-/g, "")}`,
      writeBack: "on",
    });
    const body = fixtureText("easypost/tracker.updated.signed-body.min.json");
    const url = `${appUrl()}/webhooks/easypost?shop=${shop}`;
    const unsigned = await fetch(url, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json" },
    });
    expect(unsigned.status).toBe(401);
    const forged = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Hmac-Signature": easypostSignature(body, "not-the-shops-secret"),
      },
    });
    expect(forged.status).toBe(401);
    const noShop = await fetch(`${appUrl()}/webhooks/easypost?shop=evil.example.com`, {
      method: "POST",
      body,
    });
    expect(noShop.status).toBe(401);
    expect(await db.trackingCheckpoint.count({ where: { shopDomain: shop } })).toBe(0);
  });
});
