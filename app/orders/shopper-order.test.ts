import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { webhookFixture, withFields } from "../../tests/support/fixtures";
import { parseShopifyJson } from "../platform/shopify/json";
import {
  applyOrderPayload,
  findShopperOrder,
  orderAnswersToEmail,
  redactCustomerOrders,
} from "./orders.server";
import { OrderPayloadSchema } from "./schemas";

/**
 * Which shopper an order answers to. Cases from issue #15 (reproduced against the demo): an
 * order without an email (POS, phone-only, redacted) opened to the typed "\0no email".
 */
const shop = () => `shopper-order-${randomUUID().slice(0, 8)}.myshopify.com`;
const ORDER = webhookFixture("orders/create");
const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";

/** The fixture as Shopify sends a POS or phone-only order: no email anywhere. */
const withoutEmail = withFields(ORDER, { email: null, contact_email: null }).replace(
  '"email": "john@example.com"',
  '"email": null',
);

async function stored(json: string) {
  const domain = shop();
  await applyOrderPayload(domain, OrderPayloadSchema.parse(parseShopifyJson(json)));
  return { domain, order: await findShopperOrder(domain, { orderNumber: "9999" }) };
}

describe("an order answers to the email it was placed with, and to nothing else", () => {
  it("matches its own email, trimmed and in any case", async () => {
    const { order } = await stored(ORDER);
    expect(orderAnswersToEmail(order, " Jon@Example.COM ")).toBe(true);
    expect(orderAnswersToEmail(order, "someone@else.com")).toBe(false);
    expect(orderAnswersToEmail(null, "jon@example.com")).toBe(false);
  });

  it("never matches when the order has no email, whatever is typed", async () => {
    const { order } = await stored(withoutEmail);
    expect(order?.email).toBeNull();
    for (const typed of [
      "\u0000no email",
      "\u0000typed nothing",
      "",
      " ",
      "null",
      "jon@example.com",
    ]) {
      expect(orderAnswersToEmail(order, typed)).toBe(false);
    }
  });

  it("refuses a typed email holding control characters even when the rest matches", async () => {
    const { order } = await stored(ORDER);
    expect(orderAnswersToEmail(order, "jon@example.com\u0000")).toBe(false);
    expect(orderAnswersToEmail(order, "jon@exa\u0007mple.com")).toBe(false);
  });

  it("is marked redacted by customers/redact and then answers to no one", async () => {
    const { domain } = await stored(ORDER);
    await redactCustomerOrders({
      shopDomain: domain,
      customerShopifyId: CUSTOMER_ID,
      email: "jon@example.com",
      orderShopifyIds: [ORDER_ID],
    });
    const order = await findShopperOrder(domain, { shopifyId: ORDER_ID });
    expect(order).toMatchObject({ redacted: true, customerShopifyId: null, email: null });
  });

  it("keeps the checkout's token only as a digest", async () => {
    const token = "b1946ac92492d2347c6235b4d2611184";
    const { order } = await stored(withFields(ORDER, { checkout_token: token }));
    expect(order?.checkoutTokenDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(order?.checkoutTokenDigest).not.toContain(token);
  });
});
