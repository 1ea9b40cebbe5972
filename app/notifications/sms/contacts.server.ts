import { z } from "zod";
import { db } from "../../db.server";
import { webhookHandler } from "../../webhooks/types";
import { toE164 } from "./consent";

const shopifyId = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String);

const SmsMarketingConsentSchema = z
  .object({ state: z.string().nullish(), opt_in_level: z.string().nullish() })
  .nullish();

/** What orders/* payloads say about texting the shopper (REST order and its customer). */
const OrderSmsFactsSchema = z.object({
  id: shopifyId,
  /** The contact phone the shopper gave at checkout. */
  phone: z.string().nullish(),
  updated_at: z.string(),
  shipping_address: z.object({ country_code: z.string().nullish() }).nullish(),
  billing_address: z.object({ country_code: z.string().nullish() }).nullish(),
  customer: z
    .object({
      id: shopifyId,
      phone: z.string().nullish(),
      sms_marketing_consent: SmsMarketingConsentSchema,
    })
    .nullish(),
});

/** What customers/update says about texting the customer (REST customer). */
const CustomerSmsFactsSchema = z.object({
  id: shopifyId,
  phone: z.string().nullish(),
  updated_at: z.string(),
  sms_marketing_consent: SmsMarketingConsentSchema,
});

/**
 * Keeps, per order, the phones Shopify gave us and the customer's SMS marketing consent, newest
 * payload winning; notify() reads them when a trigger has SMS on.
 */
export const recordSmsContact = webhookHandler(
  "notifications.sms-contact",
  OrderSmsFactsSchema,
  async ({ shop, payload }) => {
    const countryCode =
      payload.shipping_address?.country_code ?? payload.billing_address?.country_code ?? null;
    const updatedAt = new Date(payload.updated_at);
    const data = {
      customerShopifyId: payload.customer?.id ?? null,
      orderPhone: toE164(payload.phone, countryCode),
      customerPhone: toE164(payload.customer?.phone, countryCode),
      countryCode,
      marketingState: payload.customer?.sms_marketing_consent?.state ?? null,
      marketingOptInLevel: payload.customer?.sms_marketing_consent?.opt_in_level ?? null,
      shopifyUpdatedAt: updatedAt,
    };
    const where = { shopDomain_orderShopifyId: { shopDomain: shop, orderShopifyId: payload.id } };
    const existing = await db.smsContact.findUnique({ where });
    if (!existing) {
      await db.smsContact
        .create({ data: { shopDomain: shop, orderShopifyId: payload.id, ...data } })
        .catch(async (error: { code?: string }) => {
          // Two deliveries of one order at once: the other stored it; apply ours if newer.
          if (error.code !== "P2002") throw error;
          await db.smsContact.updateMany({
            where: {
              shopDomain: shop,
              orderShopifyId: payload.id,
              shopifyUpdatedAt: { lt: updatedAt },
            },
            data,
          });
        });
      return;
    }
    await db.smsContact.updateMany({
      where: { id: existing.id, shopifyUpdatedAt: { lte: updatedAt } },
      data,
    });
  },
);

/**
 * A customer's new phone or SMS consent (Shopify's customers/update, e.g. the shopper
 * unsubscribed) applied to the stored contact of each of their orders, unless an order payload
 * newer than this change already told us. The payload's time becomes the contact's, so an older
 * order payload delivered late cannot bring the withdrawn consent back.
 */
export const recordCustomerSmsConsent = webhookHandler(
  "notifications.sms-consent",
  CustomerSmsFactsSchema,
  async ({ shop, payload }) => {
    const updatedAt = new Date(payload.updated_at);
    const contacts = await db.smsContact.findMany({
      where: {
        shopDomain: shop,
        customerShopifyId: payload.id,
        shopifyUpdatedAt: { lte: updatedAt },
      },
      select: { id: true, countryCode: true },
    });
    for (const contact of contacts) {
      await db.smsContact.updateMany({
        where: { id: contact.id, shopifyUpdatedAt: { lte: updatedAt } },
        data: {
          customerPhone: toE164(payload.phone, contact.countryCode),
          marketingState: payload.sms_marketing_consent?.state ?? null,
          marketingOptInLevel: payload.sms_marketing_consent?.opt_in_level ?? null,
          shopifyUpdatedAt: updatedAt,
        },
      });
    }
  },
);

export function findSmsContact(shopDomain: string, orderShopifyId: string) {
  return db.smsContact.findUnique({
    where: { shopDomain_orderShopifyId: { shopDomain, orderShopifyId } },
  });
}

export async function isOptedOut(shopDomain: string, phone: string) {
  return (
    (await db.smsOptOut.findUnique({ where: { shopDomain_phone: { shopDomain, phone } } })) !== null
  );
}
