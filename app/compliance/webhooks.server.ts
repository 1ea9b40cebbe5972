import { z } from "zod";
import { shopifyId } from "../orders/schemas";
import { log } from "../platform/logging/logger.server";
import { sessionStorage } from "../shopify.server";
import { webhookHandler } from "../webhooks/types";
import { exportCustomerData, redactCustomerData, redactShop } from "./compliance.server";

const CustomerRef = z.object({
  id: shopifyId.nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

/**
 * The shop comes from the verified X-Shopify-Shop-Domain header, never from the payload; a payload
 * naming another shop is acknowledged and ignored, since acting on it could export or erase the
 * wrong shop's data.
 */
function namesAnotherShop(
  topic: string,
  headerShop: string,
  payloadShop: string | null | undefined,
) {
  if (!payloadShop || payloadShop === headerShop) return false;
  log().warn(
    { topic, payloadShop },
    "Compliance webhook names another shop than it was sent for; ignored",
  );
  return true;
}

const ShopDomain = z.string().nullish();

export const customerDataRequest = webhookHandler(
  "compliance.data-request",
  z.object({
    shop_domain: ShopDomain,
    customer: CustomerRef,
    orders_requested: z.array(shopifyId).default([]),
    data_request: z.object({ id: shopifyId }).nullish(),
  }),
  async ({ shop, topic, payload }) => {
    if (namesAnotherShop(topic, shop, payload.shop_domain)) return;
    await exportCustomerData(
      {
        shopDomain: shop,
        customerShopifyId: payload.customer.id ?? null,
        email: payload.customer.email ?? null,
        orderShopifyIds: payload.orders_requested,
      },
      payload.data_request?.id ?? null,
    );
  },
);

export const customerRedact = webhookHandler(
  "compliance.customer-redact",
  z.object({
    shop_domain: ShopDomain,
    customer: CustomerRef,
    orders_to_redact: z.array(shopifyId).default([]),
  }),
  async ({ shop, topic, payload }) => {
    if (namesAnotherShop(topic, shop, payload.shop_domain)) return;
    await redactCustomerData({
      shopDomain: shop,
      customerShopifyId: payload.customer.id ?? null,
      email: payload.customer.email ?? null,
      phone: payload.customer.phone ?? null,
      orderShopifyIds: payload.orders_to_redact,
    });
  },
);

export const shopRedact = webhookHandler(
  "compliance.shop-redact",
  z.object({ shop_domain: ShopDomain }).loose(),
  async ({ shop, topic, payload }) => {
    if (namesAnotherShop(topic, shop, payload.shop_domain)) return;
    await redactShop(shop, async () => {
      const sessions = await sessionStorage.findSessionsByShop(shop);
      await sessionStorage.deleteSessions(sessions.map((session) => session.id));
    });
  },
);
