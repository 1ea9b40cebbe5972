import type { AdminHandler } from "./types";

type Shop = Parameters<AdminHandler>[0]["shop"];

/**
 * The shop's catalog as Admin GraphQL Product nodes
 * (https://shopify.dev/docs/api/admin-graphql/latest/objects/Product): tests and the demo set it
 * with POST /__standin/shops/<shop>/stores/catalog, an array of nodes.
 */
export interface CatalogProduct {
  id: string;
  title: string;
  tags: string[];
  productType: string;
  collections: { nodes: { id: string }[] };
  variants: {
    nodes: { id: string; title: string; availableForSale: boolean; price: string }[];
  };
}

const catalog = (shop: Shop) => (shop.stores.get("catalog") as CatalogProduct[] | undefined) ?? [];

export const productHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes — unknown ids answer null.
  ReturnProducts: ({ shop, variables }) => ({
    nodes: (variables.ids as string[]).map(
      (id) => catalog(shop).find((product) => product.id === id) ?? null,
    ),
  }),
};
