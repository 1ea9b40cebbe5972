import { z } from "zod";
import { jobs } from "../platform/jobs/queue.server";
import { shopifyId } from "../orders/schemas";
import { webhookHandler } from "../webhooks/types";
import { importForOperation } from "./bulk.server";
import { applyProduct, removeProduct } from "./catalog.server";
import { AttributableOrderSchema, attributeOrderPayload } from "./events.server";
import { importCatalog } from "./jobs.server";
import { learnFromOrder } from "./recommendations.server";
import { ProductDeletePayloadSchema, ProductPayloadSchema } from "./schemas";

export const mirrorProduct = webhookHandler(
  "recommendations.product",
  ProductPayloadSchema,
  async ({ shop, payload }) => void (await applyProduct(shop, payload)),
);

export const forgetProduct = webhookHandler(
  "recommendations.product-delete",
  ProductDeletePayloadSchema,
  async ({ shop, payload }) => removeProduct(shop, payload.id),
);

const OrderProductsSchema = z.object({
  id: shopifyId,
  cancelled_at: z.string().nullish(),
  line_items: z
    .array(z.object({ product_id: shopifyId.nullish(), gift_card: z.boolean().nullish() }))
    .default([]),
});

/** orders/create: the order's products teach the co-purchase model (once per order). */
export const learnCoPurchases = webhookHandler(
  "recommendations.learn",
  OrderProductsSchema,
  async ({ shop, payload }) => {
    if (payload.cancelled_at) return;
    const products = payload.line_items
      .filter((line) => line.product_id && !line.gift_card)
      .map((line) => line.product_id!);
    await learnFromOrder(shop, payload.id, products);
  },
);

/** orders/create: credits the order to a recommendation its customer clicked (once per order). */
export const attributeRecommendedOrder = webhookHandler(
  "recommendations.attribute",
  AttributableOrderSchema,
  async ({ shop, payload }) => void (await attributeOrderPayload(shop, payload)),
);

/** bulk_operations/finish: Shopify wrote a bulk operation's file; a catalog import reads it now. */
export const finishCatalogImport = webhookHandler(
  "recommendations.bulk-finish",
  z.object({ admin_graphql_api_id: z.string(), status: z.string() }),
  async ({ shop, payload }) => {
    const pending = await importForOperation(shop, payload.admin_graphql_api_id);
    if (!pending) return;
    await jobs.send(
      importCatalog,
      { shop, importId: pending.id, poll: 0 },
      { idempotencyKey: `catalog-import-finish:${pending.id}` },
    );
  },
);
