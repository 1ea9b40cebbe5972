import { z } from "zod";
import { shopifyIdOf } from "../platform/shopify/gid";
import type { ProductPayload } from "./schemas";

/**
 * The catalog import's bulk query: every product with its variants and images. A bulk query
 * names no `first`; Shopify writes each product, then its variants and images as their own JSONL
 * lines carrying `__parentId` (https://shopify.dev/docs/api/usage/bulk-operations/queries).
 */
export const CATALOG_BULK_QUERY = `{
  products {
    edges {
      node {
        id
        title
        handle
        status
        tags
        updatedAt
        variants { edges { node { id price inventoryQuantity inventoryPolicy } } }
        images { edges { node { id url } } }
      }
    }
  }
}`;

const ProductLine = z.object({
  id: z.string().startsWith("gid://shopify/Product/"),
  title: z.string(),
  handle: z.string(),
  status: z.string(),
  tags: z.array(z.string()).default([]),
  updatedAt: z.string(),
});
const VariantLine = z.object({
  id: z.string().startsWith("gid://shopify/ProductVariant/"),
  price: z.union([z.string(), z.number()]),
  inventoryQuantity: z.number().nullish(),
  inventoryPolicy: z.string().nullish(),
  __parentId: z.string(),
});
const ImageLine = z.object({
  url: z.url(),
  __parentId: z.string(),
});

export class BulkFileError extends Error {
  override name = "BulkFileError";
}

/**
 * Reads a catalog bulk file into the products/* webhook shape the catalog mirror applies, so an
 * import and a webhook describe a product the same way. Children may come before or after their
 * parent's other children; a child whose parent is not in the file is an error.
 */
export function parseCatalogLines(lines: Iterable<string>): ProductPayload[] {
  const products = new Map<string, ProductPayload>();
  const children: { parent: string; line: number; apply(product: ProductPayload): void }[] = [];
  let number = 0;
  for (const raw of lines) {
    number += 1;
    const text = raw.trim();
    if (!text) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BulkFileError(`line ${number}: not JSON`);
    }
    const parent = (value as { __parentId?: unknown } | null)?.__parentId;
    if (typeof parent !== "string") {
      const product = ProductLine.safeParse(value);
      if (!product.success) throw new BulkFileError(`line ${number}: not a product`);
      products.set(product.data.id, {
        id: shopifyIdOf(product.data.id),
        title: product.data.title,
        handle: product.data.handle,
        status: product.data.status.toLowerCase(),
        tags: product.data.tags.join(", "),
        updated_at: product.data.updatedAt,
        images: [],
        variants: [],
      });
      continue;
    }
    const variant = VariantLine.safeParse(value);
    if (variant.success) {
      children.push({
        parent,
        line: number,
        apply: (product) =>
          product.variants.push({
            id: shopifyIdOf(variant.data.id),
            price: variant.data.price,
            inventory_quantity: variant.data.inventoryQuantity ?? null,
            inventory_policy: variant.data.inventoryPolicy?.toLowerCase() ?? null,
          }),
      });
      continue;
    }
    const image = ImageLine.safeParse(value);
    if (!image.success) throw new BulkFileError(`line ${number}: not a variant or an image`);
    children.push({
      parent,
      line: number,
      apply: (product) => product.images!.push({ src: image.data.url }),
    });
  }
  for (const child of children) {
    const product = products.get(child.parent);
    if (!product)
      throw new BulkFileError(`line ${child.line}: parent ${child.parent} not in the file`);
    child.apply(product);
  }
  return [...products.values()];
}
