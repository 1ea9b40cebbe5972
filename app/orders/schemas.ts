import { z } from "zod";

/** Shopify ids arrive as JSON numbers or (above 2^53, see parseShopifyJson) decimal strings. */
export const shopifyId = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform(String);

/** Decimal money as Shopify sends it: "89.99", sometimes a JSON number. */
export const money = z.union([z.string(), z.number()]);

const moneySet = z
  .object({
    shop_money: z.object({ amount: money, currency_code: z.string() }),
    presentment_money: z.object({ amount: money, currency_code: z.string() }),
  })
  .nullish();

export const AddressSchema = z.object({
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  name: z.string().nullish(),
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  province_code: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
  country_code: z.string().nullish(),
  phone: z.string().nullish(),
});
export type Address = z.infer<typeof AddressSchema>;

export const LineItemSchema = z.object({
  id: shopifyId,
  product_id: shopifyId.nullish(),
  variant_id: shopifyId.nullish(),
  sku: z.string().nullish(),
  title: z.string(),
  variant_title: z.string().nullish(),
  quantity: z.number().int(),
  current_quantity: z.number().int().nullish(),
  price: money,
  total_discount: money.nullish(),
  requires_shipping: z.boolean().nullish(),
  gift_card: z.boolean().nullish(),
});

export const OrderCustomerSchema = z.object({
  id: shopifyId,
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  phone: z.string().nullish(),
});

/** The fields of Shopify's REST order payload (orders/* webhooks) that Aftercare keeps. */
export const OrderPayloadSchema = z.object({
  id: shopifyId,
  name: z.string(),
  order_number: z.number().int().nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  checkout_token: z.string().nullish(),
  customer: OrderCustomerSchema.nullish(),
  customer_locale: z.string().nullish(),
  currency: z.string().length(3),
  presentment_currency: z.string().length(3).nullish(),
  total_price: money,
  current_total_price: money.nullish(),
  subtotal_price: money.nullish(),
  total_discounts: money.nullish(),
  total_tax: money.nullish(),
  total_shipping_price_set: moneySet,
  total_price_set: moneySet,
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  cancel_reason: z.string().nullish(),
  closed_at: z.string().nullish(),
  tags: z.string().nullish(),
  shipping_address: AddressSchema.nullish(),
  order_status_url: z.string().nullish(),
  buyer_accepts_marketing: z.boolean().nullish(),
  test: z.boolean().nullish(),
  processed_at: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  line_items: z.array(LineItemSchema),
});
export type OrderPayload = z.infer<typeof OrderPayloadSchema>;
