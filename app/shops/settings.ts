import { z } from "zod";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour like #1a2b3c");

/**
 * Settings every capability shares: the brand shoppers see, where they can get help and where
 * they can review the shop.
 */
export const ShopSettingsSchema = z.object({
  branding: z
    .object({
      logoUrl: z.url().nullable().default(null),
      primaryColor: hexColor.default("#1f2937"),
      accentColor: hexColor.default("#008060"),
    })
    .prefault({}),
  supportEmail: z.email().nullable().default(null),
  /** Where a happy shopper is invited to review the shop (surveys' follow-up); https only. */
  reviewUrl: z
    .url({ protocol: /^https$/, error: "an https:// address" })
    .nullable()
    .default(null),
});

export type ShopSettings = z.infer<typeof ShopSettingsSchema>;

export function parseShopSettings(json: string): ShopSettings {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    // Unreadable settings fall back to the defaults rather than breaking every page.
  }
  const parsed = ShopSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : ShopSettingsSchema.parse({});
}
