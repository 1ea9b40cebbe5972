import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { webhookFixture } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { applyOrderPayload } from "../orders/orders.server";
import { OrderPayloadSchema } from "../orders/schemas";
import { countShopScopedRows, shopScopedModels } from "../platform/db/shop-scoped.server";
import { parseShopifyJson } from "../platform/shopify/json";
import { FulfillmentPayloadSchema } from "../tracking/schemas";
import { applyFulfillment } from "../tracking/shipments.server";
import { recordOrderPaid } from "../loyalty/orders.server";
import { LoyaltyOrderPayloadSchema } from "../loyalty/schemas";
import { exportCustomerData, redactCustomerData, redactShop } from "./compliance.server";

const shop = () => `privacy-${randomUUID().slice(0, 8)}.myshopify.com`;

async function seedShop(domain: string) {
  await db.shop.create({ data: { domain } });
  await db.session.create({
    data: { id: `offline_${domain}`, shop: domain, state: "", accessToken: "shpat_x" },
  });
  await applyOrderPayload(
    domain,
    OrderPayloadSchema.parse(parseShopifyJson(webhookFixture("orders/create"))),
  );
  await applyFulfillment(
    domain,
    FulfillmentPayloadSchema.parse(parseShopifyJson(webhookFixture("fulfillments/create"))),
  );
  await db.notificationMessage.create({
    data: {
      shopDomain: domain,
      trigger: "shipment.shipped",
      subjectKey: "shipment-1",
      recipient: "john@example.com",
      orderShopifyId: "820982911946154508",
      orderName: "#9999",
      data: "{}",
      status: "sent",
      sendAfter: new Date(),
    },
  });
  await db.surveyResponse.create({
    data: {
      shopDomain: domain,
      kind: "nps",
      subjectKey: "820982911946154508",
      orderShopifyId: "820982911946154508",
      score: 4,
      comment: "The parcel was late",
      source: "thank_you",
    },
  });
  await db.recommendationEvent.create({
    data: {
      shopDomain: domain,
      orderShopifyId: "820982911946154508",
      productId: "632910392",
      kind: "click",
      customerShopifyId: "115310627314723954",
    },
  });
  await db.recommendationAttribution.create({
    data: {
      shopDomain: domain,
      orderShopifyId: "820982911946154999",
      customerShopifyId: "115310627314723954",
      clickId: "click",
      productIds: "632910392",
      revenue: 19900,
      currency: "USD",
      orderCreatedAt: new Date(),
    },
  });
  await recordOrderPaid(domain, {
    ...LoyaltyOrderPayloadSchema.parse(parseShopifyJson(webhookFixture("orders/paid"))),
    test: false,
    cancelled_at: null,
  });
  await db.webhookDelivery.create({
    data: {
      webhookId: randomUUID(),
      shopDomain: domain,
      topic: "orders/create",
      payload: "{}",
      status: "processed",
    },
  });
}

describe("customers/data_request", () => {
  it("records an export of everything held about the customer", async () => {
    const domain = shop();
    await seedShop(domain);
    const request = await exportCustomerData(
      {
        shopDomain: domain,
        customerShopifyId: "115310627314723954",
        email: "john@example.com",
        orderShopifyIds: ["820982911946154508"],
      },
      "9999",
    );
    const exported = JSON.parse(request.result ?? "{}");
    expect(exported.customer).toEqual({
      shopifyId: "115310627314723954",
      email: "john@example.com",
    });
    expect(exported.data.orders.orders[0].name).toBe("#9999");
    expect(exported.data.orders.customer.firstName).toBe("John");
    expect(exported.data.loyalty[0]).toMatchObject({ email: "john@example.com", pending: 394 });
    expect(exported.data.loyalty[0].ledger).toHaveLength(1);
    expect(exported.data.surveys).toEqual([
      expect.objectContaining({ kind: "nps", score: 4, comment: "The parcel was late" }),
    ]);
    expect(exported.data.recommendations).toEqual({
      events: [expect.objectContaining({ productId: "632910392", kind: "click" })],
      attributions: [
        expect.objectContaining({ orderShopifyId: "820982911946154999", revenue: 19900 }),
      ],
    });
    expect(exported.data.notifications.messages).toEqual([
      expect.objectContaining({ trigger: "shipment.shipped", recipient: "john@example.com" }),
    ]);
    expect(request.requestId).toBe("9999");
  });
});

describe("customers/redact", () => {
  it("erases the customer and their earlier exports, keeps anonymous order statistics", async () => {
    const domain = shop();
    await seedShop(domain);
    const subject = {
      shopDomain: domain,
      customerShopifyId: "115310627314723954",
      email: "john@example.com",
      orderShopifyIds: ["820982911946154508"],
    };
    await exportCustomerData(subject, null);
    const request = await redactCustomerData(subject);
    expect(JSON.parse(request.result ?? "{}")).toEqual({
      orders: { customersDeleted: 1, ordersAnonymized: 1 },
      tracking: { fulfillmentsAnonymized: 1, checkpointsAnonymized: 0 },
      loyalty: { membersDeleted: 1, referralsDeleted: 0, ordersUnlinked: 1 },
      notifications: { messagesDeleted: 1, smsContactsDeleted: 0 },
      surveys: { responsesDeleted: 1 },
      recommendations: { eventsDeleted: 1, attributionsDeleted: 1 },
      returns: {
        returnsAnonymized: 0,
        notesRemoved: 0,
        photosDeleted: 0,
        labelLinksRemoved: 0,
        filesDeleted: 0,
      },
      support: { conversationsDeleted: 0, attachmentsDeleted: 0 },
      destinations: { deliveriesDeleted: 0 },
      experiments: { assignmentsDeleted: 0 },
      compliance: { exportsDeleted: 1 },
      webhooks: { deliveriesRedacted: 0 },
      jobs: { jobsErased: 0 },
    });
    expect(
      await db.trackingFulfillment.count({ where: { shopDomain: domain, email: { not: null } } }),
    ).toBe(0);
    expect(await db.customer.count({ where: { shopDomain: domain } })).toBe(0);
    expect(await db.order.count({ where: { shopDomain: domain, email: { not: null } } })).toBe(0);
    expect(await db.loyaltyMember.count({ where: { shopDomain: domain } })).toBe(0);
    expect(await db.loyaltyEntry.count({ where: { shopDomain: domain } })).toBe(0);
    expect(await db.notificationMessage.count({ where: { shopDomain: domain } })).toBe(0);
    expect(await db.surveyResponse.count({ where: { shopDomain: domain } })).toBe(0);
    expect(request.result).not.toContain("john");
  });
});

describe("shop/redact", () => {
  it("covers every model that carries a shopDomain", () => {
    expect(shopScopedModels()).toEqual(
      expect.arrayContaining([
        "Customer",
        "Order",
        "OrderLineItem",
        "WebhookDelivery",
        "ComplianceRequest",
      ]),
    );
  });

  it("leaves no row of the shop in any shop-scoped table, and other shops untouched", async () => {
    const [gone, kept] = [shop(), shop()];
    await seedShop(gone);
    await seedShop(kept);
    await redactShop(gone, async () => {
      await db.session.deleteMany({ where: { shop: gone } });
    });

    const remaining = await countShopScopedRows(gone);
    const left = Object.entries(remaining).filter(
      ([model, count]) => count > 0 && model !== "ComplianceRequest",
    );
    expect(left).toEqual([]);
    expect(
      await db.complianceRequest.findMany({ where: { shopDomain: gone }, select: { topic: true } }),
    ).toEqual([{ topic: "shop/redact" }]);
    expect(await db.shop.findUnique({ where: { domain: gone } })).toBeNull();
    expect(await db.session.count({ where: { shop: gone } })).toBe(0);

    const untouched = await countShopScopedRows(kept);
    expect(untouched).toMatchObject({
      Order: 1,
      Customer: 1,
      OrderLineItem: 5,
      WebhookDelivery: 1,
    });
    expect(await db.session.count({ where: { shop: kept } })).toBe(1);
  });
});
