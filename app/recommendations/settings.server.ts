import { z } from "zod";
import { db, sql } from "../db.server";
import { perProcessCache } from "../platform/per-process-cache";

export const RecommendationSettingsSchema = z.object({
  maxShown: z.coerce.number().int().min(1, "Show at least 1 product").max(8, "Show at most 8"),
  excludedTags: z
    .string()
    .default("")
    .transform((text) => normalizeList(text, (tag) => tag.toLowerCase())),
  excludedProducts: z
    .string()
    .default("")
    .refine((text) => normalizeList(text).every((id) => /^\d+$/.test(id)), "Unknown product")
    .transform((text) => normalizeList(text)),
  attributionDays: z.coerce
    .number()
    .int()
    .min(1, "The window is at least 1 day")
    .max(30, "The window is at most 30 days"),
  offerCode: z
    .string()
    .trim()
    .max(255)
    .regex(/^[A-Za-z0-9_-]*$/, "Discount codes use letters, digits, - and _")
    .transform((code) => code || null),
});
export type RecommendationSettingsInput = z.infer<typeof RecommendationSettingsSchema>;

function normalizeList(text: string, map: (entry: string) => string = (entry) => entry) {
  return [
    ...new Set(
      text
        .split(",")
        .map((entry) => map(entry.trim()))
        .filter(Boolean),
    ),
  ];
}

export interface RecommendationSettings {
  maxShown: number;
  excludedTags: string[];
  excludedProducts: string[];
  attributionDays: number;
  offerCode: string | null;
}

export const DEFAULT_SETTINGS: RecommendationSettings = {
  maxShown: 4,
  excludedTags: [],
  excludedProducts: [],
  attributionDays: 7,
  offerCode: null,
};

/** Read on every recommendations request, so in raw SQL (app/platform/db/sql.ts). */
export async function recommendationSettings(shopDomain: string): Promise<RecommendationSettings> {
  const [row] = await sql.query<{
    maxShown: number;
    excludedTags: string;
    excludedProducts: string;
    attributionDays: number;
    offerCode: string | null;
  }>(
    `SELECT "maxShown", "excludedTags", "excludedProducts", "attributionDays", "offerCode"
       FROM "RecommendationSettings" WHERE "shopDomain" = ?`,
    [shopDomain],
  );
  if (!row) return DEFAULT_SETTINGS;
  return {
    maxShown: Number(row.maxShown),
    excludedTags: normalizeList(row.excludedTags),
    excludedProducts: normalizeList(row.excludedProducts),
    attributionDays: Number(row.attributionDays),
    offerCode: row.offerCode,
  };
}

/**
 * The settings as the shopper's blocks and pages read them on every request: kept 30 s per
 * process, and a save in this process applies at once. The admin and emails read them fresh.
 */
const shopperSettings = perProcessCache(30_000, recommendationSettings);

export const shopperRecommendationSettings = (shopDomain: string) =>
  shopperSettings.get(shopDomain);

export async function saveRecommendationSettings(
  shopDomain: string,
  input: RecommendationSettingsInput,
) {
  const fields = {
    maxShown: input.maxShown,
    excludedTags: input.excludedTags.join(","),
    excludedProducts: input.excludedProducts.join(","),
    attributionDays: input.attributionDays,
    offerCode: input.offerCode,
  };
  await db.recommendationSettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...fields },
    update: fields,
  });
  shopperSettings.forget(shopDomain);
}

/**
 * Where "add to cart" goes: the variant's cart permalink, through Shopify's discount link when
 * the merchant set an offer code (the code is applied, then the shopper lands on the cart).
 */
export function addToCartUrl(shopDomain: string, variantId: string, offerCode: string | null) {
  const cart = `/cart/${variantId}:1`;
  return offerCode
    ? `https://${shopDomain}/discount/${encodeURIComponent(offerCode)}?redirect=${cart}`
    : `https://${shopDomain}${cart}`;
}
