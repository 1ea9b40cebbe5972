import type { AdminHandler } from "./types";

type Shop = Parameters<AdminHandler>[0]["shop"];

/**
 * The shop's catalog, one record per product with the Admin GraphQL fields the app asks for
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/Product). Tests and the demo set it
 * with POST /__standin/shops/<shop>/stores/catalog; the bulk import (./recommendations) and the
 * returns portal's product query read it.
 */
export interface CatalogProduct {
  id: string;
  title: string;
  handle: string;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  tags: string[];
  updatedAt: string;
  productType?: string;
  collectionIds?: string[];
  images: { id: string; url: string }[];
  variants: {
    id: string;
    title?: string;
    price: string;
    inventoryQuantity: number | null;
    inventoryPolicy: "DENY" | "CONTINUE";
  }[];
}

export const catalog = (shop: Shop) =>
  (shop.stores.get("catalog") as CatalogProduct[] | undefined) ?? [];

/** Shopify's availableForSale: active, and in stock or sold past zero. */
const availableForSale = (product: CatalogProduct, variant: CatalogProduct["variants"][number]) =>
  product.status === "ACTIVE" &&
  (variant.inventoryPolicy === "CONTINUE" || (variant.inventoryQuantity ?? 0) > 0);

export const productHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes — unknown ids answer null.
  ReturnProducts: ({ shop, variables }) => ({
    nodes: (variables.ids as string[]).map((id) => {
      const product = catalog(shop).find((candidate) => candidate.id === id);
      if (!product) return null;
      return {
        id: product.id,
        tags: product.tags,
        productType: product.productType ?? "",
        collections: {
          nodes: (product.collectionIds ?? []).map((collection) => ({ id: collection })),
        },
        variants: {
          nodes: product.variants.map((variant) => ({
            id: variant.id,
            title: variant.title ?? "Default Title",
            availableForSale: availableForSale(product, variant),
            price: variant.price,
          })),
        },
      };
    }),
  }),
};
