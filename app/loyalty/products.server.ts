import { adminGateway } from "../platform/shopify/admin.server";
import { fromGid, toGid } from "../platform/shopify/gid";
import { LoyaltyProductTagsQuery } from "./operations";
import type { LoyaltyOrderPayload } from "./schemas";

/** Order payloads carry no product tags: ask Shopify for them (only when tags multiply points). */
export async function productTagsOf(
  shopDomain: string,
  order: LoyaltyOrderPayload,
): Promise<Map<string, string[]>> {
  const ids = [
    ...new Set(order.line_items.flatMap((line) => (line.product_id ? [line.product_id] : []))),
  ];
  const tags = new Map<string, string[]>();
  if (ids.length === 0) return tags;
  const result = await adminGateway.request(shopDomain, LoyaltyProductTagsQuery, {
    ids: ids.map((id) => toGid("Product", id)),
  });
  for (const node of result.nodes) {
    if (node?.id) tags.set(fromGid(node.id), node.tags);
  }
  return tags;
}
