import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureText, webhookFixture } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { parseShopifyJson } from "../platform/shopify/json";
import { EasyPostTrackerSchema, trackerToTracking } from "./providers/easypost.server";
import { deliveryPerformance } from "./queries.server";
import {
  FulfillmentEventPayloadSchema,
  FulfillmentPayloadSchema,
  type FulfillmentEventPayload,
  type FulfillmentPayload,
} from "./schemas";
import {
  applyFulfillment,
  applyFulfillmentEvent,
  applyProviderTracking,
  refreshShipment,
  shopTrackingContext,
} from "./shipments.server";

const newShop = () => `tracking-${randomUUID().slice(0, 8)}.myshopify.com`;
const FULFILLMENT = FulfillmentPayloadSchema.parse(
  parseShopifyJson(webhookFixture("fulfillments/create")),
);
const EVENT = FulfillmentEventPayloadSchema.parse(
  parseShopifyJson(webhookFixture("fulfillment_events/create")),
);

function fulfillment(fields: Partial<FulfillmentPayload> = {}): FulfillmentPayload {
  return { ...FULFILLMENT, ...fields };
}

function event(fields: Partial<FulfillmentEventPayload>): FulfillmentEventPayload {
  return { ...EVENT, ...fields };
}

async function shipmentsOf(shop: string) {
  return db.trackingShipment.findMany({
    where: { shopDomain: shop },
    orderBy: { trackingKey: "asc" },
    include: { checkpoints: true },
  });
}

async function state(shop: string) {
  const shipments = await shipmentsOf(shop);
  const checkpoints = await db.trackingCheckpoint.findMany({
    where: { shopDomain: shop },
    orderBy: [{ occurredAt: "asc" }, { tag: "asc" }],
    select: { occurredAt: true, tag: true, subtag: true, message: true },
  });
  return {
    shipments: shipments.map((row) => ({
      trackingNumber: row.trackingNumber,
      carrier: row.carrier,
      tag: row.tag,
      subtag: row.subtag,
      lastCheckpointAt: row.lastCheckpointAt,
      deliveredAt: row.deliveredAt,
      shippedAt: row.shippedAt,
    })),
    checkpoints,
  };
}

describe("fulfillments become shipments", () => {
  it("makes Shopify's sample fulfillment one UPS shipment with its destination and lines", async () => {
    const shop = newShop();
    const result = await applyFulfillment(shop, FULFILLMENT);
    expect(result.createdShipmentIds).toHaveLength(1);
    const [shipment] = await shipmentsOf(shop);
    expect(shipment).toMatchObject({
      trackingNumber: "1z827wk74630",
      trackingKey: "1Z827WK74630",
      carrier: "ups",
      carrierSource: "hint",
      carrierValid: false,
      destinationRegion: "US-KY",
      tag: "Pending",
      trackingUrl: FULFILLMENT.tracking_url,
    });
    const row = await db.trackingFulfillment.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(row).toMatchObject({ orderShopifyId: "820982911946154508", orderName: "#9999" });
    expect(JSON.parse(row.lineItems)).toHaveLength(5);
  });

  it("makes one shipment per tracking number and follows the merchant's corrections", async () => {
    const shop = newShop();
    await applyFulfillment(
      shop,
      fulfillment({ tracking_numbers: ["1Z5R89390357567127", "TBA123456789012"] }),
    );
    expect((await shipmentsOf(shop)).map((row) => row.carrier)).toEqual(["ups", "amazon"]);
    await applyFulfillment(
      shop,
      fulfillment({
        tracking_numbers: ["TBA123456789012"],
        updated_at: "2022-01-01T10:00:00-05:00",
      }),
    );
    expect((await shipmentsOf(shop)).map((row) => row.trackingNumber)).toEqual(["TBA123456789012"]);
  });

  it("ignores an update older than what it holds", async () => {
    const shop = newShop();
    await applyFulfillment(
      shop,
      fulfillment({ shipment_status: "delivered", updated_at: "2022-01-03T10:00:00Z" }),
    );
    await applyFulfillment(
      shop,
      fulfillment({ shipment_status: "in_transit", updated_at: "2022-01-02T10:00:00Z" }),
    );
    expect((await shipmentsOf(shop))[0]).toMatchObject({ tag: "Delivered" });
  });

  it("keeps an event that arrives before its fulfillment", async () => {
    const shop = newShop();
    await applyFulfillmentEvent(shop, EVENT);
    expect(await shipmentsOf(shop)).toHaveLength(0);
    await applyFulfillment(shop, FULFILLMENT);
    const [shipment] = await shipmentsOf(shop);
    expect(shipment).toMatchObject({ tag: "InTransit", subtag: "InTransit_001" });
  });
});

describe("any delivery order of the same events gives the same state", () => {
  const steps = [
    (shop: string) => applyFulfillment(shop, FULFILLMENT),
    (shop: string) =>
      applyFulfillment(
        shop,
        fulfillment({ status: "success", updated_at: "2022-01-01T08:00:00-05:00" }),
      ),
    (shop: string) => applyFulfillmentEvent(shop, event({ id: "1", status: "in_transit" })),
    (shop: string) =>
      applyFulfillmentEvent(
        shop,
        event({ id: "2", status: "out_for_delivery", happened_at: "2022-01-03T08:00:00-05:00" }),
      ),
    (shop: string) =>
      applyFulfillmentEvent(
        shop,
        event({ id: "3", status: "delivered", happened_at: "2022-01-03T15:00:00-05:00" }),
      ),
    (shop: string) =>
      applyFulfillmentEvent(
        shop,
        event({ id: "4", status: "in_transit", happened_at: "2022-01-04T09:00:00-05:00" }),
      ),
  ];

  it("for every permutation with duplicates", async () => {
    const reference = newShop();
    for (const step of steps) await step(reference);
    const expected = await state(reference);
    expect(expected.shipments[0]).toMatchObject({ tag: "Delivered", subtag: "Delivered_001" });

    await fc.assert(
      fc.asyncProperty(
        fc
          .shuffledSubarray(
            steps.map((_, index) => index),
            { minLength: steps.length },
          )
          .chain((order) =>
            fc.tuple(
              fc.constant(order),
              fc.array(fc.integer({ min: 0, max: steps.length - 1 }), { maxLength: 3 }),
            ),
          ),
        async ([order, duplicates]) => {
          const shop = newShop();
          for (const index of [...order, ...duplicates]) await steps[index]!(shop);
          expect(await state(shop)).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe("carrier data from an aggregator", () => {
  const tracker = EasyPostTrackerSchema.parse(
    JSON.parse(fixtureText("easypost/tracker.updated.json")).result,
  );

  it("maps EasyPost's tracker onto checkpoints, carrier, service and the carrier's estimate", async () => {
    const shop = newShop();
    const { createdShipmentIds } = await applyFulfillment(
      shop,
      fulfillment({
        tracking_company: null,
        tracking_numbers: ["777000000001"],
        tracking_number: null,
      }),
    );
    const changes = await applyProviderTracking(
      shop,
      createdShipmentIds[0]!,
      trackerToTracking(tracker),
    );
    expect(changes).toHaveLength(1);
    const [shipment] = await shipmentsOf(shop);
    expect(shipment).toMatchObject({
      carrier: "fedex",
      carrierSource: "provider",
      service: "FEDEX_GROUND",
      providerRef: "trk_1",
      tag: "InTransit",
      estimateSource: "carrier",
    });
    expect(shipment!.estimateEarliest?.toISOString()).toBe("2024-08-05T00:00:00.000Z");
    expect(shipment!.checkpoints).toHaveLength(tracker.tracking_details.length);
    const history = await db.trackingCarrierHistory.findMany({ where: { shopDomain: shop } });
    expect(history).toMatchObject([{ carrier: "fedex", count: 1 }]);
  });

  it("does not duplicate our own write-back when Shopify echoes it as a fulfillment event", async () => {
    const shop = newShop();
    const { createdShipmentIds } = await applyFulfillment(shop, FULFILLMENT);
    await applyProviderTracking(shop, createdShipmentIds[0]!, {
      ...trackerToTracking(tracker),
      checkpoints: trackerToTracking(tracker).checkpoints.slice(0, 3),
    });
    const before = await db.trackingCheckpoint.count({ where: { shopDomain: shop } });
    const last = trackerToTracking(tracker).checkpoints[2]!;
    await applyFulfillmentEvent(
      shop,
      event({ status: "in_transit", happened_at: last.occurredAt.toISOString() }),
    );
    expect(await db.trackingCheckpoint.count({ where: { shopDomain: shop } })).toBe(before);
  });

  it("ignores another shop's shipment id", async () => {
    const shop = newShop();
    const { createdShipmentIds } = await applyFulfillment(shop, FULFILLMENT);
    expect(
      await applyProviderTracking(newShop(), createdShipmentIds[0]!, trackerToTracking(tracker)),
    ).toEqual([]);
    expect(await db.trackingCheckpoint.count({ where: { shopDomain: shop } })).toBe(0);
  });
});

describe("events delivered at the same moment", () => {
  it("derive the shipment from all of them (two workers, one fulfillment)", async () => {
    for (let round = 0; round < 10; round++) {
      const shop = newShop();
      await applyFulfillment(shop, FULFILLMENT);
      await Promise.all([
        applyFulfillmentEvent(
          shop,
          event({ id: "1", status: "in_transit", happened_at: "2022-01-02T09:00:00-05:00" }),
        ),
        applyFulfillmentEvent(
          shop,
          event({ id: "2", status: "failure", happened_at: "2022-01-03T14:30:00-05:00" }),
        ),
      ]);
      expect((await shipmentsOf(shop))[0]).toMatchObject({
        tag: "Exception",
        attentionReason: "exception",
      });
    }
  });
});

describe("needs attention", () => {
  it("flags a shipment with no scan for the carrier's threshold, until the merchant resolves it", async () => {
    const shop = newShop();
    await applyFulfillment(shop, fulfillment({ tracking_numbers: ["1Z5R89390357567127"] }));
    await applyFulfillmentEvent(shop, event({ status: "in_transit" }));
    const [shipment] = await shipmentsOf(shop);
    const context = await shopTrackingContext(shop);
    const later = new Date(shipment!.lastCheckpointAt!.getTime() + 4 * 86_400_000);
    await db.$transaction((tx) => refreshShipment(tx, context, shipment!.id, later));
    const flagged = await db.trackingShipment.findUniqueOrThrow({ where: { id: shipment!.id } });
    expect(flagged).toMatchObject({ attentionReason: "stalled" });
    expect(flagged.attentionDetail).toMatch(/threshold 3/);
  });

  it("flags exceptions at once", async () => {
    const shop = newShop();
    await applyFulfillment(shop, FULFILLMENT);
    await applyFulfillmentEvent(shop, event({ status: "failure" }));
    expect((await shipmentsOf(shop))[0]).toMatchObject({
      tag: "Exception",
      attentionReason: "exception",
    });
  });
});

describe("delivery performance", () => {
  it("counts deliveries, on-time against the estimate shown, and the median transit", async () => {
    const shop = newShop();
    const pickedUp = new Date(Date.now() - 5 * 86_400_000);
    const arrived = new Date(pickedUp.getTime() + 2 * 86_400_000);
    await applyFulfillment(
      shop,
      fulfillment({
        tracking_numbers: ["1Z5R89390357567127"],
        created_at: pickedUp.toISOString(),
        updated_at: pickedUp.toISOString(),
      }),
    );
    await applyFulfillmentEvent(
      shop,
      event({ status: "in_transit", happened_at: pickedUp.toISOString() }),
    );
    await applyFulfillmentEvent(
      shop,
      event({ id: "2", status: "delivered", happened_at: arrived.toISOString() }),
    );
    expect(await deliveryPerformance(shop)).toMatchObject({
      delivered: 1,
      onTimeRate: 1,
      medianTransitDays: 2,
      p90TransitDays: 2,
      exceptionRate: 0,
      inTransit: 0,
    });
    expect((await deliveryPerformance(newShop())).onTimeRate).toBeNull();
  });
});
