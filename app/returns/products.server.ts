import { adminGateway } from "../platform/shopify/admin.server";
import { adminOperation } from "../platform/shopify/admin-operation";
import { fromGid, toGid } from "../platform/shopify/gid";
import { toMinorUnits } from "../platform/shopify/money";

/**
 * What the policy needs to know of the products in an order (tags, type, collections) and the
 * variants a shopper may exchange for. Orders carry none of it, so Shopify is asked at the moment
 * a return is looked up or submitted: the rules are applied to the catalog as it is today.
 */

interface ProductNode {
  id: string;
  tags: string[];
  productType: string;
  collections: { nodes: { id: string }[] };
  variants: {
    nodes: { id: string; title: string; availableForSale: boolean; price: string }[];
  };
}

// https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes (Product)
export const ReturnProductsQuery = adminOperation<
  { nodes: (ProductNode | null)[] },
  { ids: string[] }
>(`#graphql
  query ReturnProducts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        tags
        productType
        collections(first: 50) { nodes { id } }
        variants(first: 100) { nodes { id title availableForSale price } }
      }
    }
  }
`);

export interface ExchangeVariant {
  variantId: string;
  title: string;
  /** Minor units of the shop's currency. */
  price: number;
}

export interface ProductFacts {
  tags: string[];
  productType: string | null;
  collectionIds: string[];
  /** Every variant that can be sold now, the ordered one included. */
  availableVariants: ExchangeVariant[];
}

/** Where product facts come from: Shopify's Admin API in the app, a fixed catalog in unit tests. */
export type ProductCatalog = (
  shopDomain: string,
  productIds: string[],
  currency: string,
) => Promise<Map<string, ProductFacts>>;

export const productFacts: ProductCatalog = async (shopDomain, productIds, currency) => {
  const facts = new Map<string, ProductFacts>();
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return facts;
  const result = await adminGateway.request(shopDomain, ReturnProductsQuery, {
    ids: ids.map((id) => toGid("Product", id)),
  });
  for (const node of result.nodes) {
    if (!node?.id) continue;
    facts.set(fromGid(node.id), {
      tags: node.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean),
      productType: node.productType || null,
      collectionIds: node.collections.nodes.map((collection) => fromGid(collection.id)),
      availableVariants: node.variants.nodes
        .filter((variant) => variant.availableForSale)
        .map((variant) => ({
          variantId: fromGid(variant.id),
          title: variant.title,
          price: toMinorUnits(variant.price, currency),
        })),
    });
  }
  return facts;
};
