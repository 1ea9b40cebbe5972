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

/**
 * Shopify's search syntax as the shop-now search uses it
 * (https://shopify.dev/docs/api/usage/search-syntax): quoted or bare terms match the title,
 * handle or a tag (every term must match), `status:active` filters on the status.
 */
function matchesSearch(product: CatalogProduct, query: string) {
  const tokens = query.match(/"[^"]*"|\S+/g) ?? [];
  return tokens.every((token) => {
    const status = /^status:(\w+)$/i.exec(token);
    if (status) return product.status === status[1]!.toUpperCase();
    const term = token.replace(/^"|"$/g, "").toLowerCase();
    if (!term) return true;
    return [product.title, product.handle, ...product.tags].some((text) =>
      text.toLowerCase().includes(term),
    );
  });
}

const variantNode = (product: CatalogProduct, variant: CatalogProduct["variants"][number]) => ({
  id: variant.id,
  title: variant.title ?? "Default Title",
  price: variant.price,
  availableForSale: availableForSale(product, variant),
  inventoryQuantity: variant.inventoryQuantity,
  inventoryPolicy: variant.inventoryPolicy,
});

export const productHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/queries/products — first ≤ 250.
  ReturnsShopNowSearch: ({ shop, variables }) => {
    const query = String(variables.query ?? "");
    return {
      products: {
        nodes: catalog(shop)
          .filter((product) => matchesSearch(product, query))
          .slice(0, 20)
          .map((product) => ({
            id: product.id,
            title: product.title,
            variants: { nodes: product.variants.map((variant) => variantNode(product, variant)) },
          })),
      },
    };
  },
  // https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes (ProductVariant).
  ReturnsShopNowVariants: ({ shop, variables }) => ({
    nodes: (variables.ids as string[]).map((id) => {
      for (const product of catalog(shop)) {
        const variant = product.variants.find((candidate) => candidate.id === id);
        if (variant) return { ...variantNode(product, variant), product: { title: product.title } };
      }
      return null;
    }),
  }),

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
