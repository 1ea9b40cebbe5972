import { z } from "zod";
import { money, shopifyId } from "../orders/schemas";

/** products/create and products/update, as much as the catalog mirror keeps. */
export const ProductPayloadSchema = z.object({
  id: shopifyId,
  title: z.string(),
  handle: z.string(),
  status: z.string().default("active"),
  tags: z.string().nullish(),
  updated_at: z.string(),
  image: z.object({ src: z.url() }).nullish(),
  images: z.array(z.object({ src: z.url() })).nullish(),
  variants: z
    .array(
      z.object({
        id: shopifyId,
        price: money,
        inventory_quantity: z.number().nullish(),
        inventory_policy: z.string().nullish(),
      }),
    )
    .default([]),
});
export type ProductPayload = z.infer<typeof ProductPayloadSchema>;

export const ProductDeletePayloadSchema = z.object({ id: shopifyId });
