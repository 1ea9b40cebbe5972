/**
 * The floor for webhook processing: a bare script that does, per delivery, the database writes
 * whose effects the processing benchmark waits for, with plain SQL in one transaction, and
 * nothing else — no HTTP, no HMAC, no job queue (an array in memory), no ORM, no outbox, no
 * emails sent, no Admin API. Receipt inserts the inbox row; four processors (the app's
 * `webhooks.process` concurrency) then write, per topic:
 *   orders/*: customer upsert, order upsert, line-item upserts;
 *   orders/create: the co-purchase counts (order, product and pair upserts);
 *   orders/paid: loyalty member upsert (pending points), loyalty order, ledger entry;
 *   orders/cancelled: the loyalty order's cancellation;
 *   fulfillments/create: fulfillment upsert, shipment insert;
 *   fulfillment_events/create: checkpoint insert, shipment status update, the shopper's email
 *     queued (one row);
 *   refunds/create: loyalty refund, reversing ledger entry, member's pending points;
 * and marks the inbox row processed. It runs the history first, then the measured deliveries,
 * and prints their throughput, lag (receipt → processed) and CPU per delivery as its last line.
 *   DATABASE_URL=… EVENTS_FILE=events.json tsx bench/floor/processing-floor.ts
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Sqlite3Client } from "@libsql/client/sqlite3";
import Database from "libsql";
import pg from "pg";

type Arg = string | number | null;
/** A webhook body read loosely: the floor takes the few fields it writes, unchecked. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = Record<string, any>;
type Statement = [sql: string, args: Arg[]];

const url = process.env.DATABASE_URL ?? "";
const { shop, history, measured } = JSON.parse(
  readFileSync(process.env.EVENTS_FILE ?? "", "utf8"),
) as { shop: string; history: Delivery[]; measured: Delivery[] };
interface Delivery {
  topic: string;
  body: string;
}

const PROCESSORS = 4;
const RECEIVERS = 16;

/** Runs statements in one transaction. */
let transaction: (statements: Statement[]) => Promise<void>;
if (url.startsWith("postgres")) {
  const pool = new pg.Pool({ connectionString: url, max: PROCESSORS + RECEIVERS });
  transaction = async (statements) => {
    if (statements.length === 1) {
      const [[sql, args]] = statements as [Statement];
      let position = 0;
      await pool.query(
        sql.replace(/\?/g, () => `$${++position}`),
        args,
      );
      return;
    }
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (const [sql, args] of statements) {
        let position = 0;
        await client.query(
          sql.replace(/\?/g, () => `$${++position}`),
          args,
        );
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  };
} else {
  const path = url.replace(/^file:/, "");
  const options = { timeout: 10_000 };
  const client = new Sqlite3Client(path, options, new Database(path, options), "number");
  transaction = async (statements) => {
    await client.batch(
      statements.map(([sql, args]) => ({ sql, args })),
      "write",
    );
  };
}

/** Shopify's ids exceed 2^53: read as strings, as the app's parser keeps them exact. */
function parse(body: string): Payload {
  return JSON.parse(body.replace(/:\s*(\d{16,})/g, ':"$1"')) as Payload;
}

const cents = (amount: unknown) => Math.round(Number(amount ?? 0) * 100);
const iso = (value: unknown) => new Date(String(value)).toISOString();
const id = () => randomUUID();

function orderWrites(order: Payload, topic: string, now: string): Statement[] {
  const customer = order.customer as Payload | null;
  const orderId = String(order.id);
  const statements: Statement[] = [];
  if (customer) {
    statements.push([
      `INSERT INTO "Customer" ("id", "shopDomain", "shopifyId", "email", "firstName", "lastName", "locale", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("shopDomain", "shopifyId") DO UPDATE SET "email" = excluded."email", "firstName" = excluded."firstName", "lastName" = excluded."lastName", "updatedAt" = excluded."updatedAt"`,
      [
        id(),
        shop,
        String(customer.id),
        customer.email ?? null,
        customer.first_name ?? null,
        customer.last_name ?? null,
        order.customer_locale ?? null,
        now,
        now,
      ],
    ]);
  }
  statements.push([
    `INSERT INTO "Order" ("id", "shopDomain", "shopifyId", "name", "orderNumber", "email", "customerId", "locale", "currency", "presentmentCurrency", "totalPrice", "subtotalPrice", "totalDiscounts", "totalShipping", "totalTax", "presentmentTotalPrice", "financialStatus", "fulfillmentStatus", "cancelledAt", "shippingAddress", "statusPageUrl", "processedAt", "shopifyCreatedAt", "shopifyUpdatedAt", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, (SELECT "id" FROM "Customer" WHERE "shopDomain" = ? AND "shopifyId" = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("shopDomain", "shopifyId") DO UPDATE SET "financialStatus" = excluded."financialStatus", "fulfillmentStatus" = excluded."fulfillmentStatus", "cancelledAt" = excluded."cancelledAt", "totalPrice" = excluded."totalPrice", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt"`,
    [
      id(),
      shop,
      orderId,
      String(order.name),
      Number(order.order_number),
      order.email ?? null,
      shop,
      customer ? String(customer.id) : "",
      order.customer_locale ?? null,
      String(order.currency),
      String(order.presentment_currency),
      cents(order.total_price),
      cents(order.subtotal_price),
      cents(order.total_discounts),
      cents(order.total_shipping_price_set?.shop_money?.amount),
      cents(order.total_tax),
      cents(order.total_price_set?.presentment_money?.amount),
      order.financial_status ?? null,
      order.fulfillment_status ?? null,
      order.cancelled_at ? iso(order.cancelled_at) : null,
      JSON.stringify(order.shipping_address ?? null),
      order.order_status_url ?? null,
      iso(order.processed_at),
      iso(order.created_at),
      iso(order.updated_at),
      now,
      now,
    ],
  ]);
  const lines = (order.line_items ?? []) as Payload[];
  for (const line of lines) {
    statements.push([
      `INSERT INTO "OrderLineItem" ("id", "shopDomain", "orderId", "shopifyId", "productId", "variantId", "sku", "title", "variantTitle", "quantity", "currentQuantity", "price", "totalDiscount")
       SELECT ?, ?, "id", ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM "Order" WHERE "shopDomain" = ? AND "shopifyId" = ?
       ON CONFLICT ("orderId", "shopifyId") DO UPDATE SET "currentQuantity" = excluded."currentQuantity"`,
      [
        id(),
        shop,
        String(line.id),
        line.product_id ? String(line.product_id) : null,
        line.variant_id ? String(line.variant_id) : null,
        line.sku ?? null,
        String(line.title),
        line.variant_title ?? null,
        Number(line.quantity),
        Number(line.current_quantity ?? line.quantity),
        cents(line.price),
        cents(line.total_discount),
        shop,
        orderId,
      ],
    ]);
  }
  if (topic === "orders/create") {
    const products = [...new Set(lines.map((line) => String(line.product_id)))].sort();
    statements.push([
      `INSERT INTO "RecommendationOrder" ("id", "shopDomain", "generation", "orderShopifyId", "createdAt") VALUES (?, ?, 0, ?, ?) ON CONFLICT DO NOTHING`,
      [id(), shop, orderId, now],
    ]);
    for (const product of products) {
      statements.push([
        `INSERT INTO "RecommendationProductStat" ("id", "shopDomain", "generation", "productId", "orders") VALUES (?, ?, 0, ?, 1)
         ON CONFLICT ("shopDomain", "generation", "productId") DO UPDATE SET "orders" = "RecommendationProductStat"."orders" + 1`,
        [id(), shop, product],
      ]);
    }
    for (const [index, a] of products.entries()) {
      for (const b of products.slice(index + 1)) {
        statements.push([
          `INSERT INTO "RecommendationPair" ("id", "shopDomain", "generation", "productA", "productB", "orders") VALUES (?, ?, 0, ?, ?, 1)
           ON CONFLICT ("shopDomain", "generation", "productA", "productB") DO UPDATE SET "orders" = "RecommendationPair"."orders" + 1`,
          [id(), shop, a, b],
        ]);
      }
    }
  }
  if (topic === "orders/paid" && customer) {
    const points = Math.floor(Number(order.subtotal_price ?? 0));
    statements.push(
      [
        `INSERT INTO "LoyaltyMember" ("id", "shopDomain", "customerShopifyId", "email", "firstName", "lastName", "pending", "lastActivityAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("shopDomain", "customerShopifyId") DO UPDATE SET "pending" = "LoyaltyMember"."pending" + excluded."pending", "lastActivityAt" = excluded."lastActivityAt", "updatedAt" = excluded."updatedAt"`,
        [
          id(),
          shop,
          String(customer.id),
          customer.email ?? null,
          customer.first_name ?? null,
          customer.last_name ?? null,
          points,
          now,
          now,
          now,
        ],
      ],
      [
        `INSERT INTO "LoyaltyOrder" ("id", "shopDomain", "orderShopifyId", "customerShopifyId", "orderName", "currency", "earnBase", "pointsEarned", "paidAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          id(),
          shop,
          orderId,
          String(customer.id),
          String(order.name),
          String(order.currency),
          cents(order.subtotal_price),
          points,
          now,
          now,
          now,
        ],
      ],
      [
        `INSERT INTO "LoyaltyEntry" ("id", "shopDomain", "memberId", "source", "kind", "idempotencyKey", "pendingPoints", "orderShopifyId", "createdAt")
         SELECT ?, ?, "id", 'order', 'earn', ?, ?, ?, ? FROM "LoyaltyMember" WHERE "shopDomain" = ? AND "customerShopifyId" = ?
         ON CONFLICT ("shopDomain", "idempotencyKey") DO NOTHING`,
        [id(), shop, `earn:${orderId}`, points, orderId, now, shop, String(customer.id)],
      ],
    );
  }
  if (topic === "orders/cancelled") {
    statements.push([
      `UPDATE "LoyaltyOrder" SET "cancelledAt" = ?, "updatedAt" = ? WHERE "shopDomain" = ? AND "orderShopifyId" = ?`,
      [now, now, shop, orderId],
    ]);
  }
  return statements;
}

const FULFILLMENT = `(SELECT "id" FROM "TrackingFulfillment" WHERE "shopDomain" = ? AND "shopifyId" = ?)`;

function fulfillmentWrites(fulfillment: Payload, now: string): Statement[] {
  const fulfillmentId = String(fulfillment.id);
  const number = String(fulfillment.tracking_number ?? "");
  return [
    [
      `INSERT INTO "TrackingFulfillment" ("id", "shopDomain", "shopifyId", "orderShopifyId", "name", "email", "status", "trackingCompany", "destination", "lineItems", "shopifyCreatedAt", "shopifyUpdatedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("shopDomain", "shopifyId") DO UPDATE SET "status" = excluded."status", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt"`,
      [
        id(),
        shop,
        fulfillmentId,
        String(fulfillment.order_id),
        fulfillment.name ?? null,
        fulfillment.email ?? null,
        fulfillment.status ?? null,
        fulfillment.tracking_company ?? null,
        JSON.stringify(fulfillment.destination ?? null),
        JSON.stringify(fulfillment.line_items ?? []),
        iso(fulfillment.created_at),
        iso(fulfillment.updated_at),
        now,
        now,
      ],
    ],
    [
      `INSERT INTO "TrackingShipment" ("id", "shopDomain", "fulfillmentId", "trackingNumber", "trackingKey", "trackingUrl", "carrier", "statusChangedAt", "createdAt", "updatedAt")
       SELECT ?, ?, "id", ?, ?, ?, ?, ?, ?, ? FROM "TrackingFulfillment" WHERE "shopDomain" = ? AND "shopifyId" = ?
       ON CONFLICT ("fulfillmentId", "trackingKey") DO NOTHING`,
      [
        id(),
        shop,
        number,
        number.toUpperCase(),
        fulfillment.tracking_url ?? null,
        fulfillment.tracking_company ?? null,
        now,
        now,
        now,
        shop,
        fulfillmentId,
      ],
    ],
  ];
}

const TAGS: Record<string, string> = {
  in_transit: "InTransit",
  out_for_delivery: "OutForDelivery",
  attempted_delivery: "AttemptFail",
  delivered: "Delivered",
  failure: "Exception",
};

function fulfillmentEventWrites(event: Payload, now: string): Statement[] {
  const fulfillmentId = String(event.fulfillment_id);
  const tag = TAGS[String(event.status)] ?? "InTransit";
  const at = iso(event.happened_at);
  return [
    [
      `INSERT INTO "TrackingCheckpoint" ("id", "shopDomain", "fulfillmentId", "shipmentId", "source", "dedupeKey", "occurredAt", "tag", "subtag", "message", "city", "country", "postalCode", "createdAt")
       SELECT ?, ?, f."id", (SELECT s."id" FROM "TrackingShipment" s WHERE s."fulfillmentId" = f."id" LIMIT 1), 'shopify', ?, ?, ?, ?, ?, ?, ?, ?, ?
       FROM "TrackingFulfillment" f WHERE f."shopDomain" = ? AND f."shopifyId" = ?
       ON CONFLICT ("fulfillmentId", "dedupeKey") DO NOTHING`,
      [
        id(),
        shop,
        String(event.id),
        at,
        tag,
        `${tag}_001`,
        String(event.message ?? ""),
        event.city ?? null,
        event.country ?? null,
        event.zip ?? null,
        now,
        shop,
        fulfillmentId,
      ],
    ],
    [
      `UPDATE "TrackingShipment" SET "tag" = ?, "subtag" = ?, "statusChangedAt" = ?, "lastCheckpointAt" = ?, "deliveredAt" = ?, "updatedAt" = ?
       WHERE "fulfillmentId" = ${FULFILLMENT}`,
      [tag, `${tag}_001`, now, at, tag === "Delivered" ? at : null, now, shop, fulfillmentId],
    ],
    [
      `INSERT INTO "NotificationMessage" ("id", "shopDomain", "trigger", "subjectKey", "recipient", "orderShopifyId", "orderName", "data", "sendAfter", "createdAt", "updatedAt")
       SELECT ?, ?, ?, "shopifyId", "email", "orderShopifyId", "name", '{}', ?, ?, ? FROM "TrackingFulfillment" WHERE "shopDomain" = ? AND "shopifyId" = ? AND "email" IS NOT NULL
       ON CONFLICT ("shopDomain", "trigger", "subjectKey", "channel") DO NOTHING`,
      [id(), shop, `shipment.${tag}`, now, now, now, shop, fulfillmentId],
    ],
  ];
}

function refundWrites(refund: Payload, now: string): Statement[] {
  const orderId = String(refund.order_id);
  const amount = ((refund.transactions ?? []) as Payload[]).reduce(
    (sum, transaction) => sum + cents(transaction.amount),
    0,
  );
  const points = Math.floor(amount / 100);
  const member = `"shopDomain" = ? AND "customerShopifyId" = (SELECT "customerShopifyId" FROM "LoyaltyOrder" WHERE "shopDomain" = ? AND "orderShopifyId" = ?)`;
  return [
    [
      `INSERT INTO "LoyaltyRefund" ("id", "shopDomain", "refundShopifyId", "orderShopifyId", "amount", "processedAt", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [id(), shop, String(refund.id), orderId, amount, iso(refund.processed_at), now],
    ],
    [
      `INSERT INTO "LoyaltyEntry" ("id", "shopDomain", "memberId", "source", "kind", "idempotencyKey", "pendingPoints", "orderShopifyId", "refundShopifyId", "createdAt")
       SELECT ?, ?, "id", 'refund', 'reverse', ?, ?, ?, ?, ? FROM "LoyaltyMember" WHERE ${member}
       ON CONFLICT ("shopDomain", "idempotencyKey") DO NOTHING`,
      [
        id(),
        shop,
        `refund:${refund.id}`,
        -points,
        orderId,
        String(refund.id),
        now,
        shop,
        shop,
        orderId,
      ],
    ],
    [
      `UPDATE "LoyaltyMember" SET "pending" = "pending" - ?, "updatedAt" = ? WHERE ${member}`,
      [points, now, shop, shop, orderId],
    ],
  ];
}

function effectWrites(delivery: Delivery, now: string): Statement[] {
  const payload = parse(delivery.body);
  if (delivery.topic.startsWith("orders/")) return orderWrites(payload, delivery.topic, now);
  if (delivery.topic === "fulfillments/create") return fulfillmentWrites(payload, now);
  if (delivery.topic === "fulfillment_events/create") return fulfillmentEventWrites(payload, now);
  if (delivery.topic === "refunds/create") return refundWrites(payload, now);
  return [];
}

/** Receives every delivery as fast as it can (the inbox row), processes them behind. */
async function run(deliveries: Delivery[]) {
  const queue: { rowId: string; delivery: Delivery; receivedAt: number }[] = [];
  const lags: number[] = [];
  let received = 0;
  let firstReceived = Infinity;
  let lastProcessed = 0;
  let receiving = true;
  const receive = async () => {
    while (received < deliveries.length) {
      const delivery = deliveries[received++]!;
      const rowId = id();
      const receivedAt = Date.now();
      firstReceived = Math.min(firstReceived, receivedAt);
      await transaction([
        [
          `INSERT INTO "WebhookDelivery" ("id", "webhookId", "shopDomain", "topic", "payload", "status", "attempts", "receivedAt") VALUES (?, ?, ?, ?, ?, 'received', 0, ?)`,
          [rowId, id(), shop, delivery.topic, delivery.body, new Date(receivedAt).toISOString()],
        ],
      ]);
      queue.push({ rowId, delivery, receivedAt });
    }
  };
  const processQueue = async () => {
    for (;;) {
      const next = queue.shift();
      if (!next) {
        if (!receiving) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      const now = new Date().toISOString();
      await transaction([
        ...effectWrites(next.delivery, now),
        [
          `UPDATE "WebhookDelivery" SET "status" = 'processed', "processedAt" = ?, "attempts" = 1 WHERE "id" = ?`,
          [new Date().toISOString(), next.rowId],
        ],
      ]);
      lastProcessed = Date.now();
      lags.push(lastProcessed - next.receivedAt);
    }
  };
  const processors = Array.from({ length: PROCESSORS }, processQueue);
  await Promise.all(Array.from({ length: RECEIVERS }, receive));
  receiving = false;
  await Promise.all(processors);
  lags.sort((a, b) => a - b);
  const rank = (p: number) =>
    lags[Math.min(lags.length - 1, Math.ceil((p / 100) * lags.length) - 1)]!;
  return {
    deliveries: lags.length,
    seconds: (lastProcessed - firstReceived) / 1000,
    p50: rank(50),
    p99: rank(99),
  };
}

await run(history);
const cpuBefore = process.cpuUsage();
const result = await run(measured);
const cpu = process.cpuUsage(cpuBefore);
console.log(
  JSON.stringify({
    ...result,
    throughput: result.deliveries / result.seconds,
    cpuMsPerDelivery: (cpu.user + cpu.system) / 1000 / result.deliveries,
  }),
);
// The PostgreSQL pool would keep the process alive until its idle connections time out.
process.exit(0);
