import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { appProxyFetch, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/** Returns made the way shoppers make them: the fixture order through the signed portal API. */

export const ORDER_ID = "820982911946154508";
export const SUNGLASSES = "487817672276298554";
export const PLAN = "789012345678901234";
const DAY = 86_400_000;

/** A shop with the fixture order (#9999, jon@example.com), placed 5 days ago and shipped since. */
export async function shopWithFulfilledOrder(label: string) {
  const shop = uniqueShop(label);
  await installShop(shop);
  const placed = new Date(Date.now() - 5 * DAY).toISOString();
  const order = withFields(webhookFixture("orders/create"), {
    cancelled_at: null,
    processed_at: placed,
    created_at: placed,
  });
  expect((await sendWebhook({ shop, topic: "orders/create", body: order })).status).toBe(200);
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
      exchangeVariantId: "39072856",
    },
    { lineItemId: PLAN, quantity: 1, reason: "unwanted", resolution: "store_credit" },
  ],
});

/** A form post as the admin's pages send it. */
export const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of [value].flat()) body.append(key, one);
  }
  return {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  };
};

/** A rule by reason: damaged items need photos (so the return waits for approval), refund only. */
export const DAMAGED_RULE = {
  id: "damaged",
  name: "Damaged items",
  productTags: "",
  collectionIds: "",
  productTypes: "",
  reasons: "damaged",
  discounted: "any",
  finalSale: "any",
  returnable: "any",
  windowDays: "",
  resolutions: ["refund"],
  photosRequired: true,
  keepItem: false,
};

/** The policy editor's draft as the settings page posts it. */
export const draft = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({
    windowDays: "30",
    deliveryBufferDays: "5",
    resolutions: ["refund", "store_credit"],
    storeCreditBonusPercent: "10",
    returnShippingFee: "4.50",
    restockingFeePercent: "0",
    waiveFeesFor: ["store_credit"],
    greenReturnMaxValue: "",
    greenReturnReasons: "",
    rules: [DAMAGED_RULE],
    ...changes,
  });
