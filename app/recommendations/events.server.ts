import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, Prisma, sql } from "../db.server";
import type { ShopperOrder } from "../orders/index.server";
import { shopifyId } from "../orders/schemas";
import { toMinorUnits } from "../platform/shopify/money";
import { attributeOrder } from "./attribution";
import { orderRecommendations } from "./recommendations.server";
import { recommendationSettings } from "./settings.server";

export const RecommendationEventSchema = z.object({
  orderId: z.string().regex(/^\d+$/, "orderId is a numeric order id"),
  kind: z.enum(["impression", "click"]),
  productIds: z
    .array(z.string().regex(/^\d+$/, "productIds are numeric product ids"))
    .min(1)
    .max(8),
});
export type RecommendationEventInput = z.infer<typeof RecommendationEventSchema>;

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Records what the thank-you block showed (impressions) or what the shopper followed (clicks),
 * once per order × product × kind. Only products this order's page recommends can be shown, and
 * only products shown on it can be clicked, so a script cannot inflate another product's numbers.
 * Returns the products recorded (new or already there).
 */
export async function recordEvents(
  shopDomain: string,
  order: Pick<ShopperOrder, "shopifyId" | "customerShopifyId">,
  input: Pick<RecommendationEventInput, "kind" | "productIds">,
) {
  const allowed =
    input.kind === "impression"
      ? new Set((await orderRecommendations(shopDomain, order)).map((product) => product.productId))
      : new Set(
          (
            await db.recommendationEvent.findMany({
              where: {
                shopDomain,
                orderShopifyId: order.shopifyId,
                kind: "impression",
                surface: "thank_you",
                productId: { in: input.productIds },
              },
              select: { productId: true },
            })
          ).map((event) => event.productId),
        );
  const recorded = [...new Set(input.productIds)].filter((productId) => allowed.has(productId));
  await recordEvent(shopDomain, order, recorded, input.kind, "thank_you");
  return recorded;
}

/**
 * Where a recommendation was shown: the order's thank-you and status blocks, the storefront
 * tracking page, or a shipment email.
 */
export const RECOMMENDATION_SURFACES = ["thank_you", "tracking_page", "email"] as const;
export type RecommendationSurface = (typeof RECOMMENDATION_SURFACES)[number];

/**
 * Impressions or clicks of these products, once per order × product × kind × surface, in one
 * statement whatever their number: a page showing four products used to cost four transactions
 * of a read and an insert each. A row already there (recorded before, or by a request at the same
 * moment) stays as it was.
 */
export async function recordEvent(
  shopDomain: string,
  order: Pick<ShopperOrder, "shopifyId" | "customerShopifyId">,
  productIds: string | string[],
  kind: "impression" | "click",
  surface: RecommendationSurface,
) {
  const products = [...new Set([productIds].flat())];
  if (products.length === 0) return;
  const createdAt = new Date();
  await sql.execute(
    `INSERT INTO "RecommendationEvent"
       ("id", "shopDomain", "orderShopifyId", "productId", "kind", "surface", "customerShopifyId", "createdAt")
     VALUES ${products.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}
     ON CONFLICT DO NOTHING`,
    products.flatMap((productId) => [
      randomUUID(),
      shopDomain,
      order.shopifyId,
      productId,
      kind,
      surface,
      order.customerShopifyId,
      createdAt,
    ]),
  );
}

export const AttributableOrderSchema = z.object({
  id: shopifyId,
  created_at: z.string(),
  currency: z.string().length(3),
  cancelled_at: z.string().nullish(),
  customer: z.object({ id: shopifyId }).nullish(),
  line_items: z
    .array(
      z.object({
        product_id: shopifyId.nullish(),
        price: z.union([z.string(), z.number()]),
        quantity: z.number().int(),
        total_discount: z.union([z.string(), z.number()]).nullish(),
      }),
    )
    .default([]),
});
export type AttributableOrderPayload = z.infer<typeof AttributableOrderSchema>;

/**
 * orders/create: an order with a product its customer clicked in a recommendation within the
 * shop's window is credited to that click, once per order (replays find the row and stop).
 */
export async function attributeOrderPayload(shopDomain: string, payload: AttributableOrderPayload) {
  const customer = payload.customer?.id ?? null;
  if (!customer || payload.cancelled_at) return null;
  const createdAt = new Date(payload.created_at);
  const { attributionDays } = await recommendationSettings(shopDomain);
  const productIds = payload.line_items.flatMap((line) =>
    line.product_id ? [line.product_id] : [],
  );
  const clicks = await db.recommendationEvent.findMany({
    where: {
      shopDomain,
      kind: "click",
      customerShopifyId: customer,
      productId: { in: productIds },
      createdAt: { gte: new Date(createdAt.getTime() - attributionDays * 86_400_000) },
    },
  });
  const attribution = attributeOrder(
    {
      shopifyId: payload.id,
      customerShopifyId: customer,
      createdAt,
      lines: payload.line_items.map((line) => ({
        productId: line.product_id ?? null,
        revenue:
          toMinorUnits(line.price, payload.currency) * line.quantity -
          toMinorUnits(line.total_discount, payload.currency),
      })),
    },
    clicks,
    attributionDays,
  );
  if (!attribution) return null;
  try {
    return await db.recommendationAttribution.create({
      data: {
        shopDomain,
        orderShopifyId: payload.id,
        customerShopifyId: customer,
        clickId: attribution.clickId,
        surface: clicks.find((click) => click.id === attribution.clickId)?.surface ?? "thank_you",
        productIds: attribution.productIds.join(","),
        revenue: attribution.revenue,
        currency: payload.currency,
        orderCreatedAt: createdAt,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
