import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/**
 * Deliveries for shops that do not have Aftercare (issue #15, item 5). Shopify retries a delivery
 * not answered 2xx 8 times over 4 hours (https://shopify.dev/docs/apps/build/webhooks, see
 * ../shared/PLATFORM.md), so every one is acknowledged; after app/uninstalled only the mandatory
 * compliance topics are processed (shop/redact arrives 48 hours after the uninstall:
 * https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance). Payloads are Shopify's
 * samples (tests/fixtures/SOURCES.md).
 */

const ORDER = webhookFixture("orders/create");
const ORDER_ID = "820982911946154508";
const CUSTOMER = "115310627314723954";
const PRODUCT = webhookFixture("products/update");
const PRODUCT_ID = "788032119674292922";

const delivery = (webhookId: string) =>
  db.webhookDelivery.findUniqueOrThrow({ where: { webhookId } });
const settled = (webhookId: string, status: string) =>
  waitFor(
    async () => {
      const row = await db.webhookDelivery.findUnique({ where: { webhookId } });
      return row?.status === status ? row : undefined;
    },
    { message: `delivery ${webhookId} to be ${status}` },
  );

async function send(shop: string, topic: string, body: string, triggeredAt?: Date) {
  const webhookId = randomUUID();
  const response = await sendWebhook({ shop, topic, body, webhookId, triggeredAt });
  expect(response.status).toBe(200);
  await response.text();
  return webhookId;
}

async function uninstalledShop(label: string) {
  const shop = uniqueShop(label);
  await installShop(shop);
  await settled(await send(shop, "orders/create", ORDER), "processed");
  await settled(
    await send(shop, "app/uninstalled", webhookFixture("app/uninstalled")),
    "processed",
  );
  return shop;
}

describe("a shop that uninstalled Aftercare", () => {
  it("has its orders/create acknowledged and recorded without payload, and nothing stored", async () => {
    const shop = uniqueShop("uninstalled-order");
    await installShop(shop);
    await settled(
      await send(shop, "app/uninstalled", webhookFixture("app/uninstalled")),
      "processed",
    );

    const webhookId = await send(shop, "orders/create", ORDER);
    expect(await delivery(webhookId)).toMatchObject({
      status: "ignored",
      topic: "orders/create",
      payload: null,
    });
    // Nothing of the order's content is kept anywhere in the inbox.
    expect(
      await db.webhookDelivery.count({
        where: { shopDomain: shop, payload: { contains: ORDER_ID } },
      }),
    ).toBe(0);
    expect(await db.order.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("still has compliance topics processed, and nothing else", async () => {
    const shop = await uninstalledShop("uninstalled-redact");
    const update = await send(
      shop,
      "orders/updated",
      withFields(ORDER, { updated_at: "2022-01-03T09:00:00-05:00", financial_status: "refunded" }),
    );
    const redact = await send(
      shop,
      "customers/redact",
      JSON.stringify({
        shop_id: 954889,
        shop_domain: shop,
        customer: { id: Number(CUSTOMER), email: "john@example.com", phone: null },
        orders_to_redact: [Number(ORDER_ID)],
      })
        .replace(`${Number(CUSTOMER)}`, CUSTOMER)
        .replace(`${Number(ORDER_ID)}`, ORDER_ID),
    );

    await settled(redact, "processed");
    expect(await delivery(update)).toMatchObject({ status: "ignored", payload: null });
    const order = await db.order.findUniqueOrThrow({
      where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId: ORDER_ID } },
    });
    expect(order.redactedAt).toBeInstanceOf(Date);
    expect(order.financialStatus).toBe("voided");
  });
});

describe("a shop never installed", () => {
  it("has its deliveries held, then run in the order Shopify triggered them once it installs", async () => {
    const shop = uniqueShop("held");
    const start = Date.now() - 60_000;
    // Received in another order than triggered: the delete, triggered last, arrives first. Run in
    // received order, the product would come back; in triggered order it is gone at the end.
    const deleted = await send(
      shop,
      "products/delete",
      `{"id":${PRODUCT_ID}}`,
      new Date(start + 2000),
    );
    const mirrored = await send(shop, "products/update", PRODUCT, new Date(start + 1000));
    const ordered = await send(shop, "orders/create", ORDER, new Date(start + 3000));

    for (const webhookId of [deleted, mirrored, ordered])
      expect(await delivery(webhookId)).toMatchObject({ status: "held", attempts: 0 });
    expect((await delivery(ordered)).payload).toBe(ORDER);
    expect(await db.order.count({ where: { shopDomain: shop } })).toBe(0);
    expect(await db.recommendationProduct.count({ where: { shopDomain: shop } })).toBe(0);

    await installShop(shop);
    const runs = [];
    for (const webhookId of [mirrored, deleted, ordered])
      runs.push(await settled(webhookId, "processed"));
    expect(runs.map((run) => run.attempts)).toEqual([1, 1, 1]);
    const processedAt = runs.map((run) => run.processedAt!.getTime());
    expect(processedAt).toEqual([...processedAt].sort((a, b) => a - b));
    expect(await db.recommendationProduct.count({ where: { shopDomain: shop } })).toBe(0);
    expect(
      await db.order.findUnique({
        where: { shopDomain_shopifyId: { shopDomain: shop, shopifyId: ORDER_ID } },
      }),
    ).toMatchObject({ name: "#9999" });
  });
});
