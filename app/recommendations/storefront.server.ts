import { z } from "zod";
import { basketRecommendations } from "./recommendations.server";

/** A cart's distinct products beyond this many say little more, and cost a longer query. */
const MAX_BASKET_PRODUCTS = 20;
/** The most a storefront block shows (the admin's own limit for the thank-you page). */
const MAX_STOREFRONT_RECOMMENDATIONS = 8;

/**
 * `?products=1,2,3&limit=4`: the product page's product or the cart's products, as Shopify's
 * numeric ids, and how many the block shows.
 */
const StorefrontRecommendationsQuerySchema = z.object({
  products: z
    .string({ error: "Name the products to recommend for" })
    .transform((text) => [...new Set(text.split(",").map((id) => id.trim()))])
    .refine((ids) => ids.every((id) => /^\d{1,20}$/.test(id)), "Products are numeric ids")
    .refine((ids) => ids.length <= MAX_BASKET_PRODUCTS, `At most ${MAX_BASKET_PRODUCTS} products`),
  limit: z.coerce.number().int().min(1).max(MAX_STOREFRONT_RECOMMENDATIONS).optional(),
});

/**
 * Requests per shopper address and shop a minute: a shopper's page views make a few, and the
 * browser caches repeats; well above what a household or an office behind one address sends.
 */
export const STOREFRONT_REQUESTS_PER_ADDRESS = 120;

type StorefrontRecommendationsAnswer =
  | { status: 200; body: { products: Awaited<ReturnType<typeof basketRecommendations>> } }
  | { status: 400; body: { error: "invalid"; issues: string[] } }
  | { status: 429; body: { error: "rate_limited" }; retryAfterSeconds: number };

/** The storefront block's recommendations, for a request the App Proxy signed for this shop. */
export async function storefrontRecommendations({
  shopDomain,
  searchParams,
  spendRequest,
}: {
  shopDomain: string;
  searchParams: URLSearchParams;
  /** Spends one request of the shopper's budget: the seconds to wait when over it, or null. */
  spendRequest: () => Promise<number | null>;
}): Promise<StorefrontRecommendationsAnswer> {
  const wait = await spendRequest();
  if (wait !== null) {
    return { status: 429, body: { error: "rate_limited" }, retryAfterSeconds: wait };
  }
  const query = StorefrontRecommendationsQuerySchema.safeParse({
    products: searchParams.get("products") ?? undefined,
    limit: searchParams.get("limit") ?? undefined,
  });
  if (!query.success) {
    return {
      status: 400,
      body: { error: "invalid", issues: query.error.issues.map((issue) => issue.message) },
    };
  }
  const { products, limit } = query.data;
  return {
    status: 200,
    body: { products: await basketRecommendations(shopDomain, products, limit) },
  };
}
