import { db, sql } from "../db.server";
import { listPlaceholders } from "../platform/db/sql";
import { toMinorUnits } from "../platform/shopify/money";
import { shopProfile } from "../shops/index.server";
import type { ProductPayload } from "./schemas";

/** Products carrying this tag are never recommended (the merchant's exclusion). */
export const EXCLUDE_TAG = "aftercare-exclude";

/** In stock, or sold when out of stock, or not counted at all (no quantity given). */
function sellable(variant: ProductPayload["variants"][number]) {
  if (variant.inventory_policy === "continue") return true;
  return variant.inventory_quantity == null || variant.inventory_quantity > 0;
}

/** products/create|update: newer-wins by `updated_at`, like every mirror. */
export async function applyProduct(shopDomain: string, product: ProductPayload) {
  const updatedAt = new Date(product.updated_at);
  const existing = await db.recommendationProduct.findUnique({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId: product.id } },
    select: { shopifyUpdatedAt: true },
  });
  if (existing && existing.shopifyUpdatedAt > updatedAt) return "stale";
  const currency = (await shopProfile(shopDomain))?.currency ?? "USD";
  const tags = (product.tags ?? "")
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  const inStock = product.variants.filter(sellable);
  const cheapest = [...inStock].sort(
    (a, b) => toMinorUnits(a.price, currency) - toMinorUnits(b.price, currency),
  )[0];
  const fields = {
    title: product.title,
    handle: product.handle,
    imageUrl: product.image?.src ?? product.images?.[0]?.src ?? null,
    price: cheapest ? toMinorUnits(cheapest.price, currency) : 0,
    variantId: cheapest?.id ?? null,
    available: product.status === "active" && Boolean(cheapest) && !tags.includes(EXCLUDE_TAG),
    tags: tags.join(","),
    shopifyUpdatedAt: updatedAt,
  };
  await db.recommendationProduct.upsert({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId: product.id } },
    create: { shopDomain, shopifyId: product.id, ...fields },
    update: fields,
  });
  return existing ? "updated" : "created";
}

export async function removeProduct(shopDomain: string, productId: string) {
  await db.recommendationProduct.deleteMany({ where: { shopDomain, shopifyId: productId } });
}

/** Catalog products matching a title search, for the exclusion picker. */
export function searchCatalog(shopDomain: string, query: string, take = 10) {
  return db.recommendationProduct.findMany({
    where: { shopDomain, title: { contains: query } },
    select: { shopifyId: true, title: true },
    orderBy: { title: "asc" },
    take,
  });
}

export function catalogTitles(shopDomain: string, productIds: string[]) {
  return db.recommendationProduct.findMany({
    where: { shopDomain, shopifyId: { in: productIds } },
    select: { shopifyId: true, title: true },
  });
}

export type CatalogProduct = {
  shopifyId: string;
  title: string;
  handle: string;
  imageUrl: string | null;
  price: number;
  variantId: string | null;
  tags: string;
};

/** The catalog rows of the products that can be sold now, for serving (raw SQL). */
export async function availableProducts(shopDomain: string, productIds: string[]) {
  if (productIds.length === 0) return [];
  const rows = await sql.query<CatalogProduct>(
    `SELECT "shopifyId", "title", "handle", "imageUrl", "price", "variantId", "tags"
       FROM "RecommendationProduct"
      WHERE "shopDomain" = ? AND "available" = ? AND "shopifyId" IN (${listPlaceholders(productIds.length)})`,
    [shopDomain, true, ...productIds],
  );
  return rows.map((row) => ({ ...row, price: Number(row.price) }));
}
