import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { webhookFixture } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { applyOrderPayload } from "../orders/orders.server";
import { OrderPayloadSchema } from "../orders/schemas";
import { parseShopifyJson } from "../platform/shopify/json";
import type { WebhookHandler } from "../webhooks/types";
import { customerDataRequest, customerRedact, shopRedact } from "./webhooks.server";

/**
 * Issue #15, finding 7: the compliance handlers trusted the verified shop header without checking
 * the payload's own `shop_domain` (Shopify's compliance payloads carry both: shopify.dev,
 * "Privacy law compliance", and tests/fixtures/shopify/webhooks/customers__redact.json).
 */

const CUSTOMER_ID = "115310627314723954";

async function shopWithCustomer() {
  const shop = `compliance-${randomUUID().slice(0, 8)}.myshopify.com`;
  await db.shop.create({ data: { domain: shop } });
  await applyOrderPayload(
    shop,
    OrderPayloadSchema.parse(parseShopifyJson(webhookFixture("orders/create"))),
  );
  return shop;
}

const run = (handler: WebhookHandler, shop: string, topic: string, payload: unknown) =>
  handler.handle({
    shop,
    topic,
    payload,
    webhookId: randomUUID(),
    deliveryId: randomUUID(),
    triggeredAt: new Date(),
  });

const redactPayload = (shopDomain: string) => ({
  shop_id: 954889,
  shop_domain: shopDomain,
  customer: { id: CUSTOMER_ID, email: "john@example.com", phone: "555-625-1199" },
  orders_to_redact: ["820982911946154508"],
});

describe("compliance webhooks check the payload's shop against the signed header", () => {
  it("ignores customers/redact naming another shop, and acts on one naming its own", async () => {
    const shop = await shopWithCustomer();
    await run(customerRedact, shop, "customers/redact", redactPayload("other.myshopify.com"));
    expect(await db.customer.count({ where: { shopDomain: shop } })).toBe(1);

    await run(customerRedact, shop, "customers/redact", redactPayload(shop));
    expect(await db.customer.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("ignores a data request naming another shop", async () => {
    const shop = await shopWithCustomer();
    await run(customerDataRequest, shop, "customers/data_request", {
      ...redactPayload("other.myshopify.com"),
      orders_requested: [],
      data_request: { id: 9999 },
    });
    expect(await db.complianceRequest.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("ignores shop/redact naming another shop", async () => {
    const shop = await shopWithCustomer();
    await run(shopRedact, shop, "shop/redact", {
      shop_id: 954889,
      shop_domain: "other.myshopify.com",
    });
    expect(await db.shop.count({ where: { domain: shop } })).toBe(1);
    expect(await db.order.count({ where: { shopDomain: shop } })).toBe(1);
  });
});
