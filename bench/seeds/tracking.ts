/**
 * Seeds a shop with SHIPMENTS orders, each shipped in one parcel with three scans, as the app's
 * own tables hold them (written through the app's Prisma client, in batches).
 *   DATABASE_URL=… SHIPMENTS=100000 tsx bench/seeds/tracking.ts
 */
import { randomUUID } from "node:crypto";
import { db } from "../../app/db.server";
import { analyzeIfPostgres } from "./analyze";
import { BENCH_SHOP, benchOrder } from "./tracking-data";

const BATCH = 2_000;
const DAY = 86_400_000;

/** Seeds `count` shipped orders into the bench shop; the caller disconnects. */
export async function seedShipments(count: number) {
  await db.shop.upsert({
    where: { domain: BENCH_SHOP },
    create: { domain: BENCH_SHOP, name: "Bench Shop" },
    update: {},
  });
  const started = Date.now();
  for (let from = 0; from < count; from += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => from + k);
    const rows = indexes.map((index) => {
      const order = benchOrder(index);
      const shippedAt = new Date(Date.UTC(2026, 9, 1) + (index % 50) * DAY);
      return {
        index,
        order,
        shippedAt,
        customerId: randomUUID(),
        fulfillmentId: randomUUID(),
        shipmentId: randomUUID(),
      };
    });
    await db.customer.createMany({
      data: rows.map(({ order, customerId }) => ({
        id: customerId,
        shopDomain: BENCH_SHOP,
        shopifyId: order.customerShopifyId,
        email: order.email,
      })),
    });
    await db.order.createMany({
      data: rows.map(({ order, customerId, shippedAt }) => ({
        shopDomain: BENCH_SHOP,
        shopifyId: order.shopifyId,
        name: order.name,
        email: order.email,
        customerId,
        currency: "USD",
        presentmentCurrency: "USD",
        totalPrice: 4_999,
        subtotalPrice: 4_499,
        totalDiscounts: 0,
        totalShipping: 500,
        totalTax: 0,
        presentmentTotalPrice: 4_999,
        processedAt: shippedAt,
        shopifyCreatedAt: shippedAt,
        shopifyUpdatedAt: shippedAt,
      })),
    });
    await db.trackingFulfillment.createMany({
      data: rows.map(({ index, order, fulfillmentId, shippedAt }) => ({
        id: fulfillmentId,
        shopDomain: BENCH_SHOP,
        shopifyId: String(30_000_000 + index),
        orderShopifyId: order.shopifyId,
        orderName: order.name,
        email: order.email,
        customerShopifyId: order.customerShopifyId,
        status: "success",
        lineItems: JSON.stringify([
          {
            shopifyId: String(40_000_000 + index),
            productId: "1",
            variantId: "2",
            title: "Linen shirt",
            variantTitle: "M",
            quantity: 1,
            sku: "LS-M",
          },
        ]),
        shopifyCreatedAt: shippedAt,
        shopifyUpdatedAt: shippedAt,
      })),
    });
    await db.trackingShipment.createMany({
      data: rows.map(({ order, fulfillmentId, shipmentId, shippedAt }) => ({
        id: shipmentId,
        shopDomain: BENCH_SHOP,
        fulfillmentId,
        trackingNumber: order.trackingNumber,
        trackingKey: order.trackingNumber,
        carrier: "ups",
        carrierConfidence: 1,
        carrierValid: true,
        tag: "InTransit",
        subtag: "InTransit_001",
        shippedAt,
        lastCheckpointAt: new Date(shippedAt.getTime() + 2 * DAY),
        estimateEarliest: new Date(shippedAt.getTime() + 3 * DAY),
        estimateLatest: new Date(shippedAt.getTime() + 5 * DAY),
        estimateSource: "history",
      })),
    });
    await db.trackingCheckpoint.createMany({
      data: rows.flatMap(({ fulfillmentId, shipmentId, shippedAt }) =>
        (
          [
            ["InfoReceived", "InfoReceived_001", "Label created", 0],
            ["InTransit", "InTransit_007", "Departed facility", 1],
            ["InTransit", "InTransit_003", "Arrived at facility", 2],
          ] as const
        ).map(([tag, subtag, message, day]) => ({
          shopDomain: BENCH_SHOP,
          fulfillmentId,
          shipmentId,
          source: "easypost",
          dedupeKey: `${subtag}-${day}`,
          occurredAt: new Date(shippedAt.getTime() + day * DAY),
          utcOffset: "-05:00",
          tag,
          subtag,
          message,
          city: "Louisville",
          region: "KY",
          country: "US",
        })),
      ),
    });
    process.stdout.write(`\rseeded ${from + rows.length}/${count} shipments`);
  }
  console.log(` in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedShipments(Number(process.env.SHIPMENTS ?? 100_000));
  await analyzeIfPostgres();
  await db.$disconnect();
}
