import { z } from "zod";
import { money, shopifyId } from "../orders/schemas";

const moneySet = z
  .object({
    shop_money: z.object({ amount: money, currency_code: z.string() }),
    presentment_money: z.object({ amount: money, currency_code: z.string() }),
  })
  .nullish();
export type MoneySet = z.infer<typeof moneySet>;

/** The fields of an orders/* payload that loyalty earns and reverses on. */
export const LoyaltyOrderPayloadSchema = z.object({
  id: shopifyId,
  name: z.string(),
  email: z.string().nullish(),
  customer: z
    .object({
      id: shopifyId,
      email: z.string().nullish(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
    })
    .nullish(),
  currency: z.string().length(3),
  presentment_currency: z.string().length(3).nullish(),
  financial_status: z.string().nullish(),
  total_price: money,
  total_price_set: moneySet,
  total_discounts: money.nullish(),
  total_discounts_set: moneySet,
  total_tax: money.nullish(),
  total_tax_set: moneySet,
  total_shipping_price_set: moneySet,
  discount_codes: z.array(z.object({ code: z.string() })).nullish(),
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
  cancelled_at: z.string().nullish(),
  processed_at: z.string().nullish(),
  created_at: z.string(),
  test: z.boolean().nullish(),
  line_items: z.array(
    z.object({
      id: shopifyId,
      product_id: shopifyId.nullish(),
      quantity: z.number().int(),
      price: money,
      price_set: moneySet,
      total_discount: money.nullish(),
      total_discount_set: moneySet,
      discount_allocations: z.array(z.object({ amount: money, amount_set: moneySet })).nullish(),
      gift_card: z.boolean().nullish(),
    }),
  ),
});
export type LoyaltyOrderPayload = z.infer<typeof LoyaltyOrderPayloadSchema>;

/** refunds/create, as Shopify documents it (store-credit returns arrive here too). */
export const RefundPayloadSchema = z.object({
  id: shopifyId,
  order_id: shopifyId,
  created_at: z.string(),
  processed_at: z.string().nullish(),
  return: z.object({ id: shopifyId }).passthrough().nullish(),
  refund_line_items: z.array(
    z.object({
      quantity: z.number().int(),
      subtotal: money.nullish(),
      subtotal_set: moneySet,
      total_tax: money.nullish(),
      total_tax_set: moneySet,
    }),
  ),
  refund_shipping_lines: z
    .array(z.object({ subtotal_amount_set: moneySet, amount: money.nullish() }).passthrough())
    .nullish(),
  transactions: z
    .array(
      z.object({
        kind: z.string(),
        status: z.string().nullish(),
        gateway: z.string().nullish(),
        amount: money,
      }),
    )
    .nullish(),
});
export type RefundPayload = z.infer<typeof RefundPayloadSchema>;
