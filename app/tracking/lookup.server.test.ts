import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { trackByNumber, trackOrderByEmail } from "./lookup.server";

const at = (iso: string) => new Date(iso);

/**
 * One order shipped in two parcels from one fulfillment, as a split shipment arrives from
 * Shopify: one scan on the fulfillment before its parcels were told apart (no shipment), two
 * scans on the first parcel and none yet on the second. A cancelled fulfillment's parcel too.
 */
async function splitShipment() {
  const shopDomain = `lookup-${randomUUID().slice(0, 8)}.myshopify.com`;
  const orderShopifyId = String(Date.now());
  await db.order.create({
    data: {
      shopDomain,
      shopifyId: orderShopifyId,
      name: "#1042",
      email: "ana@example.com",
      currency: "EUR",
      presentmentCurrency: "EUR",
      totalPrice: 4200,
      subtotalPrice: 4200,
      totalDiscounts: 0,
      totalShipping: 0,
      totalTax: 0,
      presentmentTotalPrice: 4200,
      processedAt: at("2026-11-30T09:00:00Z"),
      shopifyCreatedAt: at("2026-11-30T09:00:00Z"),
      shopifyUpdatedAt: at("2026-11-30T09:00:00Z"),
    },
  });
  const fulfillment = await db.trackingFulfillment.create({
    data: {
      shopDomain,
      shopifyId: `${orderShopifyId}1`,
      orderShopifyId,
      status: "success",
      lineItems: JSON.stringify([
        {
          shopifyId: "466157049",
          productId: "632910392",
          variantId: "39072856",
          title: "Linen shirt",
          variantTitle: null,
          quantity: 2,
          sku: null,
        },
      ]),
      shopifyUpdatedAt: at("2026-12-01T08:00:00Z"),
      createdAt: at("2026-12-01T08:00:00Z"),
    },
  });
  const parcel = (trackingNumber: string, createdAt: string, fulfillmentId = fulfillment.id) =>
    db.trackingShipment.create({
      data: {
        shopDomain,
        fulfillmentId,
        trackingNumber,
        trackingKey: trackingNumber,
        carrier: "ups",
        tag: "InTransit",
        subtag: "InTransit_001",
        createdAt: at(createdAt),
      },
    });
  const first = await parcel("1Z999AA10123456784", "2026-12-01T08:00:00Z");
  const second = await parcel("1Z999AA10123456795", "2026-12-01T08:05:00Z");
  const cancelled = await db.trackingFulfillment.create({
    data: {
      shopDomain,
      shopifyId: `${orderShopifyId}2`,
      orderShopifyId,
      status: "cancelled",
      shopifyUpdatedAt: at("2026-12-01T09:00:00Z"),
    },
  });
  await parcel("1Z999AA10123456806", "2026-12-01T09:00:00Z", cancelled.id);
  const scan = (shipmentId: string | null, occurredAt: string, message: string) =>
    db.trackingCheckpoint.create({
      data: {
        shopDomain,
        fulfillmentId: fulfillment.id,
        shipmentId,
        source: "shopify",
        dedupeKey: randomUUID(),
        occurredAt: at(occurredAt),
        tag: "InTransit",
        subtag: "InTransit_001",
        message,
        city: "Lyon",
        country: "FR",
      },
    });
  await scan(null, "2026-12-01T10:00:00Z", "Label created");
  await scan(first.id, "2026-12-02T10:00:00Z", "Departed facility");
  await scan(first.id, "2026-12-03T10:00:00Z", "Arrived at facility");
  return { shopDomain, first, second };
}

describe("shopper lookups read shipments with their scans", () => {
  it("gives each parcel of an order its own scans and the fulfillment's, newest first", async () => {
    const { shopDomain } = await splitShipment();
    const found = await trackOrderByEmail(shopDomain, "1042", "ana@example.com");
    expect(found?.tracking.orderName).toBe("#1042");
    const shipments = found!.tracking.shipments;
    // The cancelled fulfillment's parcel is not shown.
    expect(shipments.map((shipment) => shipment.trackingNumber)).toEqual([
      "1Z999AA10123456784",
      "1Z999AA10123456795",
    ]);
    expect(shipments[0]!.checkpoints.map((checkpoint) => checkpoint.message)).toEqual([
      "Arrived at facility",
      "Departed facility",
      "Label created",
    ]);
    expect(shipments[0]!.checkpoints[0]).toMatchObject({
      at: "2026-12-03T10:00:00.000Z",
      location: "Lyon, FR",
    });
    expect(shipments[1]!.checkpoints.map((checkpoint) => checkpoint.message)).toEqual([
      "Label created",
    ]);
    expect(shipments[0]!.items).toEqual([
      { title: "Linen shirt", variantTitle: null, quantity: 2 },
    ]);
  });

  it("answers a tracking number with that parcel's scans and without the order's contents", async () => {
    const { shopDomain } = await splitShipment();
    const tracking = await trackByNumber(shopDomain, "1z999aa1012345 6784");
    expect(tracking?.orderName).toBeNull();
    expect(tracking!.shipments).toHaveLength(1);
    expect(tracking!.shipments[0]!.items).toEqual([]);
    expect(tracking!.shipments[0]!.checkpoints.map((checkpoint) => checkpoint.message)).toEqual([
      "Arrived at facility",
      "Departed facility",
      "Label created",
    ]);
    expect(await trackByNumber(shopDomain, "1Z999AA10123456999")).toBeNull();
  });

  it("shows a parcel with no scan yet with an empty timeline", async () => {
    const { shopDomain, first } = await splitShipment();
    await db.trackingCheckpoint.deleteMany({ where: { shopDomain } });
    const tracking = await trackByNumber(shopDomain, first.trackingNumber);
    expect(tracking!.shipments[0]!.checkpoints).toEqual([]);
  });
});
