import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "../../app/db.server";
import type { CatalogProduct } from "../../scripts/standin/admin/products";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { appProxyFetch, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/** The returns tests' shop: the fixture order, shipped, and the portal's signed requests. */
export const ORDER_ID = "820982911946154508";
export const SUNGLASSES = "487817672276298554";
export const PLAN = "789012345678901234";
export const SUNGLASSES_PRODUCT = "788032119674292922";
export const TORTOISE_VARIANT = "39072856";
const DAY = 86_400_000;

/** The fixture order's product as Shopify's catalog holds it: two more colours, one sold out. */
export const SUNGLASSES_NODE: CatalogProduct = {
  id: `gid://shopify/Product/${SUNGLASSES_PRODUCT}`,
  title: "Aviator sunglasses",
  handle: "aviator-sunglasses",
  status: "ACTIVE",
  tags: ["eyewear"],
  updatedAt: "2026-11-01T10:00:00Z",
  productType: "Accessories",
  collectionIds: ["gid://shopify/Collection/841564295"],
  images: [],
  variants: [
    {
      id: `gid://shopify/ProductVariant/${TORTOISE_VARIANT}`,
      title: "Tortoise",
      price: "94.99",
      inventoryQuantity: 12,
      inventoryPolicy: "DENY",
    },
    {
      id: "gid://shopify/ProductVariant/39072857",
      title: "Gold",
      price: "89.99",
      inventoryQuantity: 0,
      inventoryPolicy: "DENY",
    },
  ],
};

export async function setCatalog(shop: string, products: CatalogProduct[]) {
  const response = await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/catalog`, {
    method: "POST",
    body: JSON.stringify(products),
  });
  expect(response.status).toBe(200);
}

/**
 * A shop with the fixture order (#9999, jon@example.com), placed 5 days ago and shipped since;
 * `order` changes more of its fields (the fixture is a test order).
 */
export async function shopWithFulfilledOrder(label: string, order: Record<string, unknown> = {}) {
  const shop = uniqueShop(label);
  await installShop(shop);
  await setCatalog(shop, [SUNGLASSES_NODE]);
  const placed = new Date(Date.now() - 5 * DAY).toISOString();
  const created = withFields(webhookFixture("orders/create"), {
    cancelled_at: null,
    processed_at: placed,
    created_at: placed,
    ...order,
  });
  expect((await sendWebhook({ shop, topic: "orders/create", body: created })).status).toBe(200);
  const fulfillment = withFields(webhookFixture("fulfillments/create"), {
    status: "success",
    created_at: new Date(Date.now() - 4 * DAY).toISOString(),
  });
  expect(
    (await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment })).status,
  ).toBe(200);
  await waitFor(
    async () => {
      const stored = await db.order.findFirst({ where: { shopDomain: shop, shopifyId: ORDER_ID } });
      const shipped = await db.trackingFulfillment.findFirst({
        where: { shopDomain: shop, orderShopifyId: ORDER_ID },
      });
      return stored && shipped ? stored : undefined;
    },
    { message: "order and fulfillment stored" },
  );
  return shop;
}

export const portal = (
  shop: string,
  body: unknown,
  options: { ip?: string; secret?: string } = {},
) =>
  appProxyFetch(shop, "/returns", {
    ...options,
    init: {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    },
  });

export const twoItems = (idempotencyKey = randomUUID()) => ({
  action: "submit",
  order: "9999",
  email: "jon@example.com",
  idempotencyKey,
  lines: [
    {
      lineItemId: SUNGLASSES,
      quantity: 1,
      reason: "size-too-small",
      resolution: "exchange",
      exchangeVariantId: TORTOISE_VARIANT,
    },
    { lineItemId: PLAN, quantity: 1, reason: "unwanted", resolution: "store_credit" },
  ],
});

/** The fulfillment line items Shopify returns the fixture lines against. */
const FULFILLMENT_LINE = { [SUNGLASSES]: "5001", [PLAN]: "5002" };
/** Reads or replaces one of the stand-in's per-shop stores. */
export async function store<T>(shop: string, key: string, value?: unknown): Promise<T> {
  const response = await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/${key}`, {
    method: value === undefined ? "GET" : "POST",
    body: value === undefined ? undefined : JSON.stringify(value),
  });
  return (await response.json()) as T;
}

/** The fixture order's two lines, shipped in Shopify's fulfillment 255858046. */
export async function returnableShop(label: string, order: Record<string, unknown> = {}) {
  const shop = await shopWithFulfilledOrder(label, order);
  await store(shop, "returnableFulfillments", {
    [`gid://shopify/Order/${ORDER_ID}`]: [
      {
        fulfillmentId: "gid://shopify/Fulfillment/255858046",
        lineItems: Object.entries(FULFILLMENT_LINE).map(([lineItem, fulfillmentLine]) => ({
          lineItemId: `gid://shopify/LineItem/${lineItem}`,
          fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${fulfillmentLine}`,
          quantity: 1,
        })),
      },
    ],
  });
  return shop;
}

/** A real (tiny) JPEG, for returns whose reason needs a photo. */
export const PHOTO_JPEG_BASE64 =
  "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCUAMuP/9k=";

export const photoOf = (lineItemId: string) => ({
  lineItemId,
  contentType: "image/jpeg",
  data: PHOTO_JPEG_BASE64,
});

/** A return submitted through the portal, once the app has created it in Shopify. */
export async function submitted(
  shop: string,
  body: ReturnType<typeof twoItems> & { photos?: ReturnType<typeof photoOf>[] } = twoItems(),
) {
  const response = await portal(shop, body);
  expect(response.status).toBe(201);
  const { returnId } = (await response.json()) as { returnId: string };
  return waitFor(
    async () =>
      (await db.returnRequest.findFirst({
        where: { id: returnId, shopifyId: { not: null } },
        include: { lines: true },
      })) ?? undefined,
    { message: "return created in Shopify" },
  );
}
