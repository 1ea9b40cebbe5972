import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { webhookFixture, withFields } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { exportCustomerReturns, redactCustomerReturns } from "./compliance.server";
import { applyOrderPayload } from "../orders/orders.server";
import { OrderPayloadSchema } from "../orders/schemas";
import { parseShopifyJson } from "../platform/shopify/json";
import { fileStorage } from "../platform/storage/storage.server";
import {
  PHOTO_REQUIRED,
  findReturnableOrder,
  savePolicy,
  submitReturn,
  type ReturnSubmission,
} from "./returns.server";
import type { ProductCatalog, ProductFacts } from "./products.server";

const ORDER_ID = "820982911946154508";
const SUNGLASSES = "487817672276298554";
const PLAN = "789012345678901234";
const SUNGLASSES_PRODUCT = "788032119674292922";

/** The catalog as Shopify's Admin API would answer for the fixture's products. */
let catalogProducts: Record<string, ProductFacts> = {};
const catalog: ProductCatalog = async (_shop, ids) =>
  new Map(ids.flatMap((id) => (catalogProducts[id] ? [[id, catalogProducts[id]]] : [])));
const SUNGLASSES_FACTS: ProductFacts = {
  tags: ["eyewear"],
  productType: "Accessories",
  collectionIds: ["841564295"],
  availableVariants: [{ variantId: "39072856", title: "Tortoise", price: 9499 }],
};
beforeEach(() => {
  catalogProducts = { [SUNGLASSES_PRODUCT]: SUNGLASSES_FACTS };
});

const DELIVERED = new Date("2022-01-05T12:00:00Z");
const IN_WINDOW = new Date("2022-01-10T12:00:00Z");

async function deliveredOrder() {
  const shop = `returns-${randomUUID().slice(0, 8)}.myshopify.com`;
  const json = withFields(webhookFixture("orders/create"), { cancelled_at: null });
  await applyOrderPayload(shop, OrderPayloadSchema.parse(parseShopifyJson(json)));
  await db.trackingFulfillment.create({
    data: {
      shopDomain: shop,
      shopifyId: "255858046",
      orderShopifyId: ORDER_ID,
      status: "success",
      shopifyCreatedAt: new Date("2022-01-01T12:00:00Z"),
      shopifyUpdatedAt: DELIVERED,
      shipments: {
        create: {
          shopDomain: shop,
          trackingNumber: "1Z999",
          trackingKey: "1Z999",
          tag: "Delivered",
          deliveredAt: DELIVERED,
        },
      },
    },
  });
  return shop;
}

const submission = (overrides: Partial<ReturnSubmission> = {}): ReturnSubmission => ({
  idempotencyKey: randomUUID(),
  lines: [
    {
      lineItemId: SUNGLASSES,
      quantity: 1,
      reason: "size-too-small",
      resolution: "exchange",
      exchangeVariantId: "39072856",
    },
    { lineItemId: PLAN, quantity: 1, reason: "unwanted", resolution: "store_credit" },
  ],
  ...overrides,
});

describe("finding the order to return from", () => {
  it("needs the order's own email; a wrong email looks like a missing order", async () => {
    const shop = await deliveredOrder();
    const order = await findReturnableOrder(shop, "9999", " JON@example.com ", catalog);
    expect(order?.shopifyId).toBe(ORDER_ID);
    expect(order?.facts.deliveredAt).toEqual(DELIVERED);
    expect(order?.items.find((item) => item.lineItemId === SUNGLASSES)).toMatchObject({
      unitPrice: 8999,
      returnableQuantity: 1,
    });
    expect(await findReturnableOrder(shop, "9999", "someone@else.com", catalog)).toBeNull();
    expect(await findReturnableOrder(shop, "1234", "jon@example.com", catalog)).toBeNull();
  });

  it("is not offered for another shop's order", async () => {
    await deliveredOrder();
    const other = `returns-${randomUUID().slice(0, 8)}.myshopify.com`;
    expect(await findReturnableOrder(other, "9999", "jon@example.com", catalog)).toBeNull();
  });
});

describe("submitting a return", () => {
  it("records an exchange and store credit at the server's prices, once per submission", async () => {
    const shop = await deliveredOrder();
    await savePolicy(shop, { storeCreditBonusPercent: 10 });
    const order = (await findReturnableOrder(shop, "#9999", "jon@example.com", catalog))!;
    const sent = submission();
    const first = await submitReturn(shop, order, sent, "portal", IN_WINDOW);
    expect(first.ok).toBe(true);
    const again = await submitReturn(shop, order, sent, "portal", IN_WINDOW);
    expect(again).toMatchObject({ ok: true, repeated: true });
    if (!first.ok || !again.ok) return;
    expect(again.returnId).toBe(first.returnId);
    const stored = await db.returnRequest.findMany({
      where: { shopDomain: shop },
      include: { lines: true, events: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      status: "open",
      orderName: "#9999",
      email: "jon@example.com",
    });
    const byLine = new Map(stored[0]!.lines.map((line) => [line.lineItemShopifyId, line]));
    expect(byLine.get(SUNGLASSES)).toMatchObject({
      resolution: "exchange",
      amount: 8999,
      exchangeVariantId: "39072856",
      exchangeVariantTitle: "Tortoise",
      priceDifference: 500,
    });
    expect(byLine.get(PLAN)).toMatchObject({
      resolution: "store_credit",
      amount: 2199,
      bonus: 200,
    });
    expect(stored[0]!.events.map((event) => event.kind)).toEqual(["requested"]);
    // Approved by the policy at once: requested and approved, written once for both submissions.
    const published = await db.outboxEvent.findMany({
      where: { aggregate: "return", aggregateId: first.returnId },
      orderBy: { sequence: "asc" },
    });
    expect(published.map((event) => [event.type, JSON.parse(event.data)])).toEqual([
      [
        "return.requested",
        { returnId: first.returnId, orderId: order.shopifyId, source: "portal" },
      ],
      ["return.approved", { returnId: first.returnId, orderId: order.shopifyId }],
    ]);
  });

  it("refuses items already being returned", async () => {
    const shop = await deliveredOrder();
    const order = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    expect((await submitReturn(shop, order, submission(), "portal", IN_WINDOW)).ok).toBe(true);
    const after = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    const result = await submitReturn(shop, after, submission(), "portal", IN_WINDOW);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ lineItemId: SUNGLASSES, message: "Not eligible: already returned" }, {}],
    });
  });

  it.each([
    [
      "more than was bought",
      [{ lineItemId: SUNGLASSES, quantity: 3, reason: "unwanted", resolution: "refund" as const }],
      "Not eligible: only 1 can be returned",
    ],
    [
      "a line of another order",
      [{ lineItemId: "111", quantity: 1, reason: "unwanted", resolution: "refund" as const }],
      "Not eligible: not part of this order",
    ],
    [
      "an exchange without a variant",
      [
        {
          lineItemId: SUNGLASSES,
          quantity: 1,
          reason: "unwanted",
          resolution: "exchange" as const,
        },
      ],
      "Choose the size or variant you want",
    ],
    [
      "an exchange for a variant the product does not sell",
      [
        {
          lineItemId: SUNGLASSES,
          quantity: 1,
          reason: "unwanted",
          resolution: "exchange" as const,
          exchangeVariantId: "123456",
        },
      ],
      "That variant is not available for an exchange",
    ],
    [
      "a resolution the policy does not offer",
      [{ lineItemId: SUNGLASSES, quantity: 1, reason: "unwanted", resolution: "keep" as const }],
      "Not offered for this item: keep",
    ],
  ])("refuses %s with a clear message and stores nothing", async (_case, lines, message) => {
    const shop = await deliveredOrder();
    const order = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    const result = await submitReturn(shop, order, submission({ lines }), "portal", IN_WINDOW);
    expect(result).toMatchObject({ ok: false, errors: [{ message }] });
    expect(await db.returnRequest.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("applies the catalog's tags, types and collections to the rules", async () => {
    const shop = await deliveredOrder();
    await savePolicy(shop, {
      rules: [
        {
          id: "eyewear",
          name: "Eyewear",
          when: { productTags: ["Eyewear"], productTypes: ["accessories"] },
          then: { resolutions: ["store_credit"] },
        },
        {
          id: "clearance",
          name: "Clearance collection",
          when: { collectionIds: ["841564295"] },
          then: { photosRequired: true },
        },
      ],
    });
    const order = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    const lines = [
      { lineItemId: SUNGLASSES, quantity: 1, reason: "unwanted", resolution: "refund" as const },
    ];
    const result = await submitReturn(shop, order, submission({ lines }), "portal", IN_WINDOW);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ lineItemId: SUNGLASSES, message: "Not offered for this item: refund" }],
    });
    const credit = [{ ...lines[0]!, resolution: "store_credit" as const }];
    const accepted = await submitReturn(
      shop,
      order,
      submission({ lines: credit }),
      "portal",
      IN_WINDOW,
      [{ lineItemId: SUNGLASSES, bytes: new Uint8Array([1]), width: 1, height: 1 }],
    );
    expect(accepted.ok).toBe(true);
    expect(await db.returnRequest.findFirst({ where: { shopDomain: shop } })).toMatchObject({
      status: "requested",
    });

    catalogProducts = { [SUNGLASSES_PRODUCT]: { ...SUNGLASSES_FACTS, tags: ["final-sale"] } };
    const finalSale = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    expect(finalSale.items.find((item) => item.lineItemId === SUNGLASSES)).toMatchObject({
      finalSale: true,
      exchangeVariants: [{ variantId: "39072856" }],
    });
  });

  it("refuses items once the window counted from delivery has closed", async () => {
    const shop = await deliveredOrder();
    const order = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    const late = new Date(DELIVERED.getTime() + 31 * 86_400_000);
    const result = await submitReturn(shop, order, submission(), "portal", late);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: "Not eligible: the 30-day return window has closed" }, {}],
    });
  });

  it("holds a return that needs photos for the merchant's approval", async () => {
    const shop = await deliveredOrder();
    await savePolicy(shop, {
      rules: [
        {
          id: "damaged",
          name: "Damaged",
          when: { reasons: ["damaged"] },
          then: { photosRequired: true },
        },
      ],
    });
    const order = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    const lines = [
      { lineItemId: SUNGLASSES, quantity: 1, reason: "damaged", resolution: "refund" as const },
    ];
    const withoutPhoto = await submitReturn(
      shop,
      order,
      submission({ lines }),
      "portal",
      IN_WINDOW,
    );
    expect(withoutPhoto).toMatchObject({
      ok: false,
      errors: [{ lineItemId: SUNGLASSES, message: PHOTO_REQUIRED }],
    });

    const photo = {
      lineItemId: SUNGLASSES,
      bytes: new Uint8Array([255, 216, 255]),
      width: 1,
      height: 1,
    };
    const result = await submitReturn(shop, order, submission({ lines }), "portal", IN_WINDOW, [
      photo,
    ]);
    expect(result.ok).toBe(true);
    const stored = await db.returnRequest.findFirst({
      where: { shopDomain: shop },
      include: { photos: true, lines: true },
    });
    expect(stored).toMatchObject({ status: "requested" });
    const published = await db.outboxEvent.findMany({ where: { aggregateId: stored!.id } });
    expect(published.map((event) => event.type)).toEqual(["return.requested"]);
    expect(stored!.photos).toMatchObject([
      { lineId: stored!.lines[0]!.id, contentType: "image/jpeg", bytes: 3 },
    ]);
    expect(new Uint8Array((await fileStorage().get(stored!.photos[0]!.storageKey))!)).toEqual(
      photo.bytes,
    );
  });
});

describe("customer privacy requests", () => {
  it("exports a customer's returns and then erases their email, notes and photos", async () => {
    const shop = await deliveredOrder();
    const order = (await findReturnableOrder(shop, "9999", "jon@example.com", catalog))!;
    const result = await submitReturn(
      shop,
      order,
      submission({ note: "Too small, sadly" }),
      "portal",
      IN_WINDOW,
    );
    if (!result.ok) throw new Error("return refused");
    await db.returnPhoto.create({
      data: {
        shopDomain: shop,
        returnId: result.returnId,
        storage: "local",
        storageKey: "k",
        contentType: "image/jpeg",
        bytes: 10,
      },
    });
    await db.returnLabel.create({
      data: {
        shopDomain: shop,
        returnId: result.returnId,
        provider: "easypost",
        trackingNumber: "9434000000000000000001",
        labelUrl: "https://easypost-files.s3.us-west-2.amazonaws.com/files/postage_label/x.png",
      },
    });
    const subject = {
      shopDomain: shop,
      email: "jon@example.com",
      customerShopifyId: null,
      orderShopifyIds: [ORDER_ID],
    };
    expect(await exportCustomerReturns(subject)).toMatchObject([
      { order: "#9999", email: "jon@example.com", note: "Too small, sadly" },
    ]);
    expect(await redactCustomerReturns(subject)).toEqual({
      returnsAnonymized: 1,
      notesRemoved: 2,
      photosDeleted: 1,
      labelLinksRemoved: 1,
      filesDeleted: 1,
    });
    expect(await db.returnLabel.findFirst({ where: { shopDomain: shop } })).toMatchObject({
      labelUrl: null,
      trackingNumber: "9434000000000000000001",
    });
    expect(await db.returnRequest.findFirst({ where: { shopDomain: shop } })).toMatchObject({
      email: null,
      note: null,
    });
  });
});
