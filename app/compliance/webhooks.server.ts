import { z } from "zod";
import { shopifyId } from "../orders/schemas";
import { sessionStorage } from "../shopify.server";
import { webhookHandler } from "../webhooks/types";
import { exportCustomerData, redactCustomerData, redactShop } from "./compliance.server";

const CustomerRef = z.object({
  id: shopifyId.nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

// The shop comes from the verified X-Shopify-Shop-Domain header, never from the payload.
export const customerDataRequest = webhookHandler(
  "compliance.data-request",
  z.object({
    customer: CustomerRef,
    orders_requested: z.array(shopifyId).default([]),
    data_request: z.object({ id: shopifyId }).nullish(),
  }),
  async ({ shop, payload }) => {
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
  z.object({ customer: CustomerRef, orders_to_redact: z.array(shopifyId).default([]) }),
  async ({ shop, payload }) => {
    await redactCustomerData({
      shopDomain: shop,
      customerShopifyId: payload.customer.id ?? null,
      email: payload.customer.email ?? null,
      orderShopifyIds: payload.orders_to_redact,
    });
  },
);

export const shopRedact = webhookHandler(
  "compliance.shop-redact",
  z.object({}).loose(),
  async ({ shop }) => {
    await redactShop(shop, async () => {
      const sessions = await sessionStorage.findSessionsByShop(shop);
      await sessionStorage.deleteSessions(sessions.map((session) => session.id));
    });
  },
);
