import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { webhookFixture, withFields } from "../../tests/support/fixtures";
import { applyOrderPayload, redactCustomerOrders } from "../orders/orders.server";
import { OrderPayloadSchema } from "../orders/schemas";
import { parseShopifyJson } from "../platform/shopify/json";
import { customerFromSubject, shopperOrder, type Shopper } from "./shopper.server";

/** Issue #15, finding 3 and item 7: whom an order answers to on the thank-you and order-status pages. */
const ORDER_ID = "820982911946154508";
const CUSTOMER = "115310627314723954";
const CHECKOUT = "f1e2d3c4b5a6978877665544332211aa";
const ORDER = withFields(webhookFixture("orders/create"), { checkout_token: CHECKOUT });
const GUEST_ORDER = ORDER.replace(/\n {2}"customer": \{[\s\S]*?\n {2}\},/, "");

async function shopWith(json: string) {
  const shopDomain = `shopper-${randomUUID().slice(0, 8)}.myshopify.com`;
  await applyOrderPayload(shopDomain, OrderPayloadSchema.parse(parseShopifyJson(json)));
  const as = (who: Partial<Shopper>): Shopper => ({
    shopDomain,
    customerShopifyId: null,
    checkoutToken: null,
    cors: (response) => response,
    ...who,
  });
  return { shopDomain, as };
}

describe("shopperOrder", () => {
  it("gives a guest order to its own checkout only", async () => {
    const { as } = await shopWith(GUEST_ORDER);
    expect(await shopperOrder(as({ checkoutToken: CHECKOUT }), ORDER_ID)).not.toBeNull();
    for (const stranger of [
      {},
      { checkoutToken: "0".repeat(32) },
      { customerShopifyId: CUSTOMER },
      { customerShopifyId: "42" },
    ]) {
      expect(await shopperOrder(as(stranger), ORDER_ID), JSON.stringify(stranger)).toBeNull();
    }
  });

  it("gives a customer's order to that customer only, and a redacted order to no one", async () => {
    const { shopDomain, as } = await shopWith(ORDER);
    expect(await shopperOrder(as({ customerShopifyId: CUSTOMER }), ORDER_ID)).not.toBeNull();
    expect(await shopperOrder(as({ customerShopifyId: "42" }), ORDER_ID)).toBeNull();
    expect(await shopperOrder(as({ checkoutToken: CHECKOUT }), ORDER_ID)).toBeNull();
    await redactCustomerOrders({
      shopDomain,
      customerShopifyId: CUSTOMER,
      email: null,
      orderShopifyIds: [ORDER_ID],
    });
    for (const anyone of [{}, { checkoutToken: CHECKOUT }, { customerShopifyId: CUSTOMER }]) {
      expect(await shopperOrder(as(anyone), ORDER_ID), JSON.stringify(anyone)).toBeNull();
    }
  });
});

describe("customerFromSubject", () => {
  it("takes only a Customer gid", () => {
    expect(customerFromSubject(`gid://shopify/Customer/${CUSTOMER}`)).toBe(CUSTOMER);
    for (const sub of [
      `gid://shopify/Order/${CUSTOMER}`,
      `gid://shopify/StaffMember/1`,
      `gid://shopify/Customer/1/x`,
      "1",
      "",
      undefined,
    ]) {
      expect(customerFromSubject(sub), String(sub)).toBeNull();
    }
  });
});
