import { db } from "../db.server";
import { toMinorUnits } from "../platform/shopify/money";
import { shopProfile } from "../shops/shops.server";
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
