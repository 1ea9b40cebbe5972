import { z } from "zod";
import { AddressSchema, shopifyId } from "../orders/schemas";

const FulfillmentLineItemSchema = z.object({
  id: shopifyId,
  product_id: shopifyId.nullish(),
  variant_id: shopifyId.nullish(),
  title: z.string(),
  variant_title: z.string().nullish(),
  quantity: z.number().int(),
  sku: z.string().nullish(),
});

/** A fulfillment as fulfillments/* webhooks and orders/* `fulfillments[]` carry it. */
export const FulfillmentPayloadSchema = z.object({
  id: shopifyId,
  order_id: shopifyId,
  name: z.string().nullish(),
  status: z.string().nullish(),
  shipment_status: z.string().nullish(),
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: z.string().nullish(),
  tracking_urls: z.array(z.string()).nullish(),
  service: z.string().nullish(),
  email: z.string().nullish(),
  destination: AddressSchema.nullish(),
  line_items: z.array(FulfillmentLineItemSchema).default([]),
  created_at: z.string(),
  updated_at: z.string(),
});
export type FulfillmentPayload = z.infer<typeof FulfillmentPayloadSchema>;

/** The order fields tracking needs beyond its fulfillments (orders/* webhooks). */
export const OrderFulfillmentsPayloadSchema = z.object({
  id: shopifyId,
  name: z.string(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  customer_locale: z.string().nullish(),
  customer: z.object({ id: shopifyId }).nullish(),
  shipping_address: AddressSchema.nullish(),
  fulfillments: z.array(FulfillmentPayloadSchema).default([]),
});
export type OrderFulfillmentsPayload = z.infer<typeof OrderFulfillmentsPayloadSchema>;

export const FulfillmentEventPayloadSchema = z.object({
  id: shopifyId,
  fulfillment_id: shopifyId,
  order_id: shopifyId,
  status: z.string(),
  message: z.string().nullish(),
  happened_at: z.string(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  country: z.string().nullish(),
  zip: z.string().nullish(),
  estimated_delivery_at: z.string().nullish(),
});
export type FulfillmentEventPayload = z.infer<typeof FulfillmentEventPayloadSchema>;

export interface FulfillmentLine {
  shopifyId: string;
  productId: string | null;
  variantId: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  sku: string | null;
}

export const FulfillmentLinesSchema = z.array(
  z.object({
    shopifyId: z.string(),
    productId: z.string().nullable(),
    variantId: z.string().nullable(),
    title: z.string(),
    variantTitle: z.string().nullable(),
    quantity: z.number(),
    sku: z.string().nullable(),
  }),
);
