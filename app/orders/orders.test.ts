import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { webhookFixture, withFields } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { parseShopifyJson } from "../platform/shopify/json";
import {
  applyImportedOrders,
  applyOrderPayload,
  exportCustomerOrders,
  getOrder,
  redactCustomerOrders,
} from "./orders.server";
import { OrderPayloadSchema } from "./schemas";

const shop = () => `orders-${randomUUID().slice(0, 8)}.myshopify.com`;
const payload = (json: string) => OrderPayloadSchema.parse(parseShopifyJson(json));
const ORDER = webhookFixture("orders/create");

describe("mirroring orders", () => {
  it("stores Shopify's sample order with exact ids, minor units and its line items", async () => {
    const domain = shop();
    expect(await applyOrderPayload(domain, payload(ORDER))).toBe("created");
    const order = await getOrder(domain, "820982911946154508");
    expect(order).toMatchObject({
      name: "#9999",
      email: "jon@example.com",
      currency: "USD",
      totalPrice: 40495,
      totalDiscounts: 2000,
      financialStatus: "voided",
      tags: "tag1, tag2",
    });
    expect(order?.customer?.shopifyId).toBe("115310627314723954");
    expect(order?.lineItems).toHaveLength(5);
    expect(order?.lineItems.map((item) => item.shopifyId)).toContain("487817672276298554");
    expect(order?.lineItems.find((item) => item.shopifyId === "487817672276298554")?.price).toBe(
      8999,
    );
  });

  it("applies the same payload twice with one result", async () => {
    const domain = shop();
    await applyOrderPayload(domain, payload(ORDER));
    expect(await applyOrderPayload(domain, payload(ORDER))).toBe("updated");
    expect(await db.order.count({ where: { shopDomain: domain } })).toBe(1);
    expect(await db.orderLineItem.count({ where: { shopDomain: domain } })).toBe(5);
    expect(await db.customer.count({ where: { shopDomain: domain } })).toBe(1);
  });

  it("ignores an older version of an order that arrives late", async () => {
    const domain = shop();
    const newer = withFields(ORDER, {
      updated_at: "2022-01-05T10:00:00-05:00",
      financial_status: "paid",
      note: "newer",
    });
    const older = withFields(ORDER, {
      updated_at: "2022-01-01T10:00:00-05:00",
      financial_status: "pending",
    });
    expect(await applyOrderPayload(domain, payload(newer))).toBe("created");
    expect(await applyOrderPayload(domain, payload(older))).toBe("stale");
    const order = await getOrder(domain, "820982911946154508");
    expect(order?.financialStatus).toBe("paid");
    expect(order?.shopifyUpdatedAt.toISOString()).toBe("2022-01-05T15:00:00.000Z");
  });

  it("writes a batch of history orders as one order after another would, leaving a newer one alone", async () => {
    const second = withFields(ORDER, {
      id: 820982911946154,
      name: "#10000",
      updated_at: "2022-01-06T10:00:00-05:00",
    });
    const batch = [payload(ORDER), payload(second)];
    const imported = shop();
    const oneByOne = shop();
    expect(
      (await db.$transaction((tx) => applyImportedOrders(tx, imported, batch))).map((o) => o.id),
    ).toEqual(["820982911946154508", "820982911946154"]);
    for (const order of batch) await applyOrderPayload(oneByOne, order);
    const rows = async (domain: string) => {
      const orders = await db.order.findMany({
        where: { shopDomain: domain },
        include: { lineItems: { orderBy: { shopifyId: "asc" } }, customer: true },
        orderBy: { shopifyId: "asc" },
      });
      const strip = <T extends object>(row: T) =>
        Object.fromEntries(
          Object.entries(row).filter(
            ([key]) =>
              !["id", "orderId", "customerId", "shopDomain", "createdAt", "updatedAt"].includes(
                key,
              ),
          ),
        );
      return orders.map(({ lineItems, customer, ...order }) => ({
        order: strip(order),
        lineItems: lineItems.map(strip),
        customer: customer && strip(customer),
      }));
    };
    expect(await rows(imported)).toEqual(await rows(oneByOne));
    expect(await db.customer.count({ where: { shopDomain: imported } })).toBe(1);

    // A webhook's newer version is held: the import's older copy changes nothing.
    const newer = withFields(ORDER, {
      updated_at: "2022-02-01T10:00:00-05:00",
      financial_status: "paid",
    });
    await applyOrderPayload(imported, payload(newer));
    expect(await db.$transaction((tx) => applyImportedOrders(tx, imported, batch))).toEqual([]);
    expect((await getOrder(imported, "820982911946154508"))?.financialStatus).toBe("paid");
    expect(await db.orderLineItem.count({ where: { shopDomain: imported } })).toBe(10);
  });

  it("keeps shops apart", async () => {
    const [first, second] = [shop(), shop()];
    await applyOrderPayload(first, payload(ORDER));
    expect(await getOrder(second, "820982911946154508")).toBeNull();
  });
});

describe("customer privacy", () => {
  it("exports a customer's orders and then redacts them", async () => {
    const domain = shop();
    await applyOrderPayload(domain, payload(ORDER));
    const subject = {
      shopDomain: domain,
      customerShopifyId: "115310627314723954",
      email: "john@example.com",
      orderShopifyIds: [],
    };

    const exported = await exportCustomerOrders(subject);
    expect(exported.customer?.email).toBe("john@example.com");
    expect(exported.orders).toHaveLength(1);
    expect(exported.orders[0]?.shippingAddress?.address1).toBe("123 Shipping Street");

    expect(await redactCustomerOrders(subject)).toEqual({
      customersDeleted: 1,
      ordersAnonymized: 1,
    });
    const order = await getOrder(domain, "820982911946154508");
    expect(order).toMatchObject({ email: null, shippingAddress: null, customerId: null });
    expect(order?.lineItems).toHaveLength(5);
    expect((await exportCustomerOrders(subject)).orders).toHaveLength(0);
  });
});
