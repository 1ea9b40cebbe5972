/**
 * Shopper-facing text: each capability keeps its own message catalog (one object per locale, the
 * English one defining the keys) and picks the locale the shopper asked for.
 */
export const SHOPPER_LOCALES = ["en", "fr", "de", "es"] as const;
export type ShopperLocale = (typeof SHOPPER_LOCALES)[number];

export type Catalog<Keys extends string> = Record<Keys, string>;

function isShopperLocale(value: string): value is ShopperLocale {
  return (SHOPPER_LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language among explicit choices ("fr-CA", a storefront's locale) and an
 * Accept-Language header, by quality; English otherwise.
 */
export function negotiateLocale(
  explicit: (string | null | undefined)[],
  acceptLanguage?: string | null,
): ShopperLocale {
  const fromHeader = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const quality = params.find((param) => param.trim().startsWith("q="));
      return { tag, quality: quality ? Number(quality.trim().slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
  for (const candidate of [...explicit, ...fromHeader]) {
    const language = candidate?.trim().toLowerCase().split(/[-_]/)[0] ?? "";
    if (isShopperLocale(language)) return language;
  }
  return "en";
}

/** `t("key", {name})` over a locale's catalog, falling back to English for missing keys. */
export function translator<Keys extends string>(
  catalogs: { en: Catalog<Keys> } & Partial<Record<ShopperLocale, Partial<Catalog<Keys>>>>,
  locale: ShopperLocale,
) {
  const catalog: Partial<Catalog<Keys>> = catalogs[locale] ?? {};
  const translate = (key: Keys, values: Record<string, string | number> = {}) =>
    (catalog[key] ?? catalogs.en[key]).replace(/\{(\w+)\}/g, (match: string, name: string) =>
      name in values ? String(values[name]) : match,
    );
  /** The words of a key built from stored data (a status, a reason), or `fallback` for one the catalog does not name. */
  const orElse = <Fallback>(key: string, fallback: Fallback): string | Fallback =>
    key in catalogs.en ? translate(key as Keys) : fallback;
  return Object.assign(translate, { orElse });
}
