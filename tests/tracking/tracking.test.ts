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
    const row = await db.trackingSettings.findUniqueOrThrow({ where: { shopDomain: shop } });
    const column = row.easypostApiKey;
    expect(column).toMatch(/^v1\./);
    expect(column).not.toContain(apiKey);
    // The webhook secret it registered with EasyPost is sealed too.
    expect(row.easypostWebhookSecret).toMatch(/^v1\./);
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
    // Acknowledged once stored; the inbox's job applies it.
    const updated = await waitFor(
      async () => {
        const row = await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } });
        return row.tag === "OutForDelivery" ? row : undefined;
      },
      { message: "the EasyPost event applied" },
    );
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
    expect(await db.webhookDelivery.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("stores each EasyPost event once and applies it in the inbox job, retried until its tracker is known, never backwards", async () => {
    const shop = uniqueShop("easypost-inbox");
    const email = `ep-${randomUUID().slice(0, 8)}@example.com`;
    const trackingNumber = "9400111899223197428491";
    await installShop(shop);
    await saveSettings(shop, {
      provider: "easypost",
      easypostApiKey: `EZTK${randomUUID().replace(/-/g, "")}`,
      writeBack: "on",
    });
    await sendWebhook({
      shop,
      topic: "orders/create",
      body: withFields(webhookFixture("orders/create"), { email }),
    });
    await waitFor(
      async () => (await db.order.findFirst({ where: { shopDomain: shop, email } })) ?? undefined,
      { message: "order stored" },
    );
    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: fulfillmentBody(trackingNumber, { email, updated_at: new Date().toISOString() }),
      webhookId: randomUUID(),
    });
    const shipment = await waitFor(
      async () => {
        const row = await db.trackingShipment.findFirst({
          where: { shopDomain: shop, trackingNumber },
        });
        return row?.providerRef ? row : undefined;
      },
      { message: "tracker registered" },
    );
    const secret = (await getTrackingSettings(shop)).easypostWebhookSecret!;
    const [registered] = (await (
      await fetch(`${standinUrl()}/__standin/easypost/trackers?tracking_code=${trackingNumber}`)
    ).json()) as ({ apiKey?: string; tracking_details: Record<string, unknown>[] } & Record<
      string,
      unknown
    >)[];
    const { apiKey: _apiKey, ...labelOnly } = registered!;
    const now = new Date();
    now.setUTCMilliseconds(0);
    const at = (date: Date) => date.toISOString().replace(".000Z", "Z");
    const scan = {
      object: "TrackingDetail",
      message: "Arrived at USPS Facility",
      description: "Arrived at USPS Facility",
      status: "in_transit",
      status_detail: "arrived_at_facility",
      datetime: at(now),
      source: "USPS",
      tracking_location: { city: "CHARLESTON", state: "SC", country: "US", zip: "29407" },
    };
    const inTransit = {
      ...labelOnly,
      status: "in_transit",
      tracking_details: [...labelOnly.tracking_details, scan],
    };
    const event = (id: string, result: unknown) =>
      JSON.stringify({
        description: "tracker.updated",
        mode: "test",
        previous_attributes: {},
        created_at: at(now),
        updated_at: at(now),
        id,
        user_id: "user_standin",
        status: "pending",
        object: "Event",
        result,
      });
    const post = (body: string) =>
      fetch(`${appUrl()}/webhooks/easypost?shop=${shop}`, {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "X-Hmac-Signature": easypostSignature(body, secret),
        },
      });
    const statusChanges = () =>
      db.outboxEvent.count({ where: { shopDomain: shop, type: "shipment.status_changed" } });
    const changesBefore = await statusChanges();

    // The same event delivered twice: stored once, applied once, one email.
    const newer = event(`evt_${randomUUID().replace(/-/g, "")}`, inTransit);
    expect((await post(newer)).status).toBe(200);
    const again = await post(newer);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe("OK (duplicate)");
    expect(
      await db.webhookDelivery.count({
        where: { shopDomain: shop, topic: "easypost/tracker.updated" },
      }),
    ).toBe(1);
    await waitFor(
      async () =>
        (await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } })).tag ===
        "InTransit",
      { message: "in transit applied" },
    );
    await waitFor(async () => (await statusChanges()) === changesBefore + 1, {
      message: "one status change",
    });
    const mail = await waitFor(
      async () => {
        const response = await fetch(
          `${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(email)}`,
        );
        const received = (await response.json()) as { headers: Record<string, string> }[];
        return received.length ? received : undefined;
      },
      { message: "the shipped email", timeout: 60_000 },
    );
    expect(mail.map((message) => message.headers["x-aftercare-trigger"])).toEqual([
      "shipment.shipped",
    ]);

    // An older event arriving late (the tracker before its scan) moves nothing backwards.
    const older = event(`evt_${randomUUID().replace(/-/g, "")}`, labelOnly);
    expect((await post(older)).status).toBe(200);
    await waitFor(
      async () =>
        (
          await db.webhookDelivery.findFirst({
            where: { shopDomain: shop, webhookId: { endsWith: JSON.parse(older).id } },
          })
        )?.status === "processed",
      { message: "the older event processed" },
    );
    expect(
      await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } }),
    ).toMatchObject({ tag: "InTransit" });
    expect(await statusChanges()).toBe(changesBefore + 1);

    // An event for a tracker whose registration is not saved yet: stored, failed, retried.
    const laterRef = `trk_${randomUUID().replace(/-/g, "")}`;
    const delivered = {
      ...inTransit,
      id: laterRef,
      status: "delivered",
      tracking_details: [
        ...inTransit.tracking_details,
        {
          ...scan,
          status: "delivered",
          status_detail: "arrived_at_destination",
          message: "Delivered",
          datetime: at(new Date(now.getTime() + 60_000)),
        },
      ],
    };
    const early = event(`evt_${randomUUID().replace(/-/g, "")}`, delivered);
    expect((await post(early)).status).toBe(200);
    const stored = await waitFor(
      async () => {
        const row = await db.webhookDelivery.findFirst({
          where: { shopDomain: shop, webhookId: { endsWith: JSON.parse(early).id } },
        });
        return row?.status === "retrying" ? row : undefined;
      },
      { message: "the early event waiting for its retry" },
    );
    expect(stored.lastError).toContain(`No shipment has tracker ${laterRef} yet`);
    expect((await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } })).tag).toBe(
      "InTransit",
    );
    // The registration lands (as if the tracker had been re-created at EasyPost).
    await db.trackingShipment.update({
      where: { id: shipment.id },
      data: { providerRef: laterRef },
    });
    await waitFor(
      async () =>
        (await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment.id } })).tag ===
        "Delivered",
      { message: "the retried event applied", timeout: 60_000 },
    );
    const done = await waitFor(
      async () => {
        const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: stored.id } });
        return row.status === "processed" ? row : undefined;
      },
      { message: "the retried event processed" },
    );
    expect(done.attempts).toBeGreaterThanOrEqual(2);
  });
});
