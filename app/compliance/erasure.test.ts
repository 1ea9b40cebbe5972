import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { webhookFixture, withFields } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { recordOrderPaid } from "../loyalty/orders.server";
import { LoyaltyOrderPayloadSchema } from "../loyalty/schemas";
import { applyOrderPayload } from "../orders/orders.server";
import { OrderPayloadSchema } from "../orders/schemas";
import { databaseProvider, databaseUrl } from "../platform/db/provider";
import { jobs } from "../platform/jobs/queue.server";
import { parseShopifyJson } from "../platform/shopify/json";
import { storePhotos } from "../returns/photos.server";
import { storeAttachments } from "../support/conversations/attachments.server";
import { FulfillmentPayloadSchema } from "../tracking/schemas";
import { applyFulfillment } from "../tracking/shipments.server";
import { trackFulfillmentEvent } from "../tracking/webhooks.server";
import { markFailedAttempt, markProcessed, recordDeliveries } from "../webhooks/inbox.server";
import { customerRedact, shopRedact } from "./webhooks.server";

/**
 * Issue #15, finding 5 and Deliver 4: after customers/redact (and shop/redact) no table and no
 * stored file may still hold the customer's email, name, phone or address. The tables are found
 * from the database's own catalogue (sqlite_master / information_schema), so a table added later
 * is scanned without editing this test. The customer is Shopify's own sample (the orders/create,
 * orders/paid, fulfillments/create and fulfillment_events/create fixtures, shopify.dev webhook
 * reference), with every identifying string made unique to the test run.
 */

const CUSTOMER_ID = "115310627314723954";
const ORDER_ID = "820982911946154508";

/** The fixtures' identifying strings, each made unique so no other test's rows match. */
function identity() {
  const tag = randomUUID().slice(0, 8);
  const swaps: [string, string][] = [
    ["john@example.com", `john.${tag}@example.com`],
    ["jon@example.com", `jon.${tag}@example.com`],
    ["John", `John${tag}`],
    ["Smith", `Smith${tag}`],
    ["Steve", `Steve${tag}`],
    ["Shipper", `Shipper${tag}`],
    ["123 Shipping Street", `${tag} Shipping Street`],
    ["123 Elm St.", `${tag} Elm St.`],
    ["Shippington", `Shippington${tag}`],
    ["Ottawa", `Ottawa${tag}`],
    ["40003", `Z${tag}`],
    ["K2H7A8", `K${tag}`],
    ["555-555-SHIP", `555-${tag}-SHIP`],
    ["123-123-1234", `123-${tag}`],
  ];
  const personal = (text: string) =>
    swaps.reduce((result, [from, to]) => result.replaceAll(from, to), text);
  return {
    personal,
    needles: swaps.map(([, to]) => to),
    email: `john.${tag}@example.com`,
    phone: `123-${tag}`,
  };
}

type Identity = ReturnType<typeof identity>;

/** The customer, through each capability's own write path where there is one. */
async function seedCustomer(shop: string, who: Identity) {
  await db.shop.create({ data: { domain: shop } });
  const orderText = who.personal(webhookFixture("orders/create"));
  await applyOrderPayload(shop, OrderPayloadSchema.parse(parseShopifyJson(orderText)));
  const fulfillmentText = who.personal(webhookFixture("fulfillments/create"));
  await applyFulfillment(shop, FulfillmentPayloadSchema.parse(parseShopifyJson(fulfillmentText)));
  // The carrier's last scan, at the customer's door.
  const [city, zip] = [who.needles[8]!, who.needles[10]!];
  await trackFulfillmentEvent.handle({
    shop,
    topic: "fulfillment_events/create",
    payload: parseShopifyJson(
      withFields(webhookFixture("fulfillment_events/create"), { city, zip }),
    ),
    webhookId: randomUUID(),
    deliveryId: randomUUID(),
    triggeredAt: new Date(),
  });
  await recordOrderPaid(shop, {
    ...LoyaltyOrderPayloadSchema.parse(
      parseShopifyJson(who.personal(webhookFixture("orders/paid"))),
    ),
    test: false,
    cancelled_at: null,
  });
  // Referred by another member: the referral keeps the friend's (our customer's) email.
  const referrer = await db.loyaltyMember.create({
    data: { shopDomain: shop, customerShopifyId: "9000000001", referralCode: randomUUID() },
  });
  await db.loyaltyReferral.create({
    data: {
      shopDomain: shop,
      referrerId: referrer.id,
      friendCustomerShopifyId: "9000000002",
      friendEmail: who.email,
      orderShopifyId: ORDER_ID,
      state: "pending",
    },
  });
  await db.surveyResponse.create({
    data: {
      shopDomain: shop,
      kind: "nps",
      subjectKey: ORDER_ID,
      orderShopifyId: ORDER_ID,
      score: 3,
      comment: `Call me on ${who.phone}`,
      source: "thank_you",
    },
  });
  await db.notificationMessage.create({
    data: {
      shopDomain: shop,
      trigger: "shipment.delivered",
      subjectKey: "shipment-1",
      recipient: who.email,
      orderShopifyId: ORDER_ID,
      orderName: "#9999",
      data: JSON.stringify({ firstName: who.needles[2] }),
      status: "sent",
      sendAfter: new Date(),
    },
  });
  // A conversation: the shopper's own words, and the order context snapshot with their address.
  const conversation = await db.supportConversation.create({
    data: {
      shopDomain: shop,
      orderShopifyId: ORDER_ID,
      orderName: "#9999",
      customerShopifyId: CUSTOMER_ID,
      email: who.email,
      context: JSON.stringify({ shipTo: who.needles[7], name: who.needles[2] }),
      messages: {
        create: [
          {
            shopDomain: shop,
            author: "shopper",
            channel: "email",
            body: `It is ${who.needles[3]}, call ${who.phone}`,
          },
        ],
      },
    },
  });
  const photo = await sharp({
    create: { width: 8, height: 8, channels: 3, background: "#808080" },
  })
    .jpeg()
    .toBuffer();
  // An image the shopper attached to their message, stored as support stores it.
  const [message] = await db.supportConversationMessage.findMany({
    where: { conversationId: conversation.id },
  });
  const attached = await storeAttachments(shop, conversation.id, [
    { bytes: new Uint8Array(photo), contentType: "image/jpeg", width: 8, height: 8 },
  ]);
  await db.supportConversationAttachment.createMany({
    data: attached.rows.map((row) => ({ ...row, messageId: message!.id })),
  });
  const stored = await storePhotos(shop, [
    { lineItemId: "466157049", bytes: new Uint8Array(photo), width: 8, height: 8 },
  ]);
  const ret = await db.returnRequest.create({
    data: {
      shopDomain: shop,
      orderShopifyId: ORDER_ID,
      orderName: "#9999",
      email: who.email,
      customerShopifyId: CUSTOMER_ID,
      idempotencyKey: randomUUID(),
      currency: "USD",
      note: `Pick up at ${who.needles[7]}`,
    },
  });
  await db.returnPhoto.createMany({
    data: stored.rows.map(({ lineItemShopifyId: _line, ...row }) => ({ ...row, returnId: ret.id })),
  });
  // Deliveries as ingest stored them: one processed, one parked with its error.
  const ids = await recordDeliveries(
    [orderText, fulfillmentText].map((payload, index) => ({
      webhookId: randomUUID(),
      shopDomain: shop,
      topic: index === 0 ? "orders/updated" : "fulfillments/update",
      apiVersion: "2026-10",
      eventId: null,
      triggeredAt: null,
      payload,
      status: "received" as const,
    })),
  );
  const [processedId, parkedId] = [...ids.values()];
  await markProcessed(processedId!);
  await markFailedAttempt(parkedId!, `Could not email ${who.email}`, true);
  if (jobs.kind === "embedded") {
    await db.job.create({
      data: {
        queue: "notifications.send",
        data: JSON.stringify({ shop, to: who.email }),
        state: "failed",
        lastError: `SMTP refused ${who.email}`,
      },
    });
  }
  return { photoKeys: [...stored.rows, ...attached.rows].map((row) => row.storageKey) };
}

/** Every table of the database, from its catalogue. */
async function allTables(): Promise<string[]> {
  if (databaseProvider(databaseUrl()) === "sqlite") {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    );
    return rows.map((row) => `"${row.name}"`);
  }
  const rows = await db.$queryRawUnsafe<{ schema: string; name: string }[]>(
    `SELECT table_schema::text AS schema, table_name::text AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  return rows.map((row) => `"${row.schema}"."${row.name}"`);
}

/** Which of the strings each table still holds (case-insensitive), table by table. */
async function findInTables(needles: string[]) {
  const found: Record<string, string[]> = {};
  for (const table of await allTables()) {
    // PostgreSQL: each row as JSON text, whatever its column types (pg-boss's jsonb, uuid…).
    const rows = await db.$queryRawUnsafe<unknown[]>(
      databaseProvider(databaseUrl()) === "sqlite"
        ? `SELECT * FROM ${table}`
        : `SELECT row_to_json(t)::text AS row FROM ${table} t`,
    );
    const text = JSON.stringify(rows, (_key, value: unknown) =>
      typeof value === "bigint" ? value.toString() : value,
    ).toLowerCase();
    const hits = needles.filter((needle) => text.includes(needle.toLowerCase()));
    if (hits.length) found[table] = hits;
  }
  return found;
}

/** Which of the strings the storage directory's files still hold, and which of the keys exist. */
async function findInStorage(needles: string[], keys: string[]) {
  const root = path.resolve(process.env.STORAGE_DIR!);
  const files = (await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const hits: string[] = [];
  for (const file of files) {
    const text = (await readFile(file, "latin1")).toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) hits.push(file);
  }
  const present = keys.filter((key) => files.includes(path.join(root, key)));
  return { hits, present };
}

const run = (handler: typeof customerRedact, shop: string, topic: string, payload: unknown) =>
  handler.handle({
    shop,
    topic,
    payload,
    webhookId: randomUUID(),
    deliveryId: randomUUID(),
    triggeredAt: new Date(),
  });

describe("erasure leaves nothing", () => {
  it("customers/redact: no table and no stored file holds the customer's email, name, phone or address", async () => {
    const shop = `erase-${randomUUID().slice(0, 8)}.myshopify.com`;
    const who = identity();
    const { photoKeys } = await seedCustomer(shop, who);
    expect(Object.keys(await findInTables(who.needles)).length).toBeGreaterThan(5);
    expect((await findInStorage([], photoKeys)).present).toEqual(photoKeys);

    // The request itself, as ingest stored it, carries the customer's email and phone too.
    const request = {
      shop_id: 954889,
      shop_domain: shop,
      customer: { id: Number(CUSTOMER_ID), email: who.email, phone: who.phone },
      orders_to_redact: [Number(ORDER_ID)],
    };
    await recordDeliveries([
      {
        webhookId: randomUUID(),
        shopDomain: shop,
        topic: "customers/redact",
        apiVersion: "2026-10",
        eventId: null,
        triggeredAt: null,
        payload: JSON.stringify(request),
        status: "received",
      },
    ]);
    await run(customerRedact, shop, "customers/redact", {
      ...request,
      customer: { id: CUSTOMER_ID, email: who.email, phone: who.phone },
      orders_to_redact: [ORDER_ID],
    });

    expect(await findInTables(who.needles)).toEqual({});
    expect(await findInStorage(who.needles, photoKeys)).toEqual({ hits: [], present: [] });
  });

  it("shop/redact: no table and no stored file holds any of the shop's customer data", async () => {
    const shop = `erase-shop-${randomUUID().slice(0, 8)}.myshopify.com`;
    const who = identity();
    const { photoKeys } = await seedCustomer(shop, who);
    await run(shopRedact, shop, "shop/redact", { shop_id: 954889, shop_domain: shop });
    expect(await findInTables(who.needles)).toEqual({});
    expect(await findInStorage(who.needles, photoKeys)).toEqual({ hits: [], present: [] });
  });
});
