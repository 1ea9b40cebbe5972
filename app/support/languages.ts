import type { ShopperLocale } from "../platform/i18n";

/** The help center's languages as the admin names them. */
export const LANGUAGE_NAMES: Record<ShopperLocale, string> = {
  en: "English",
  fr: "French",
  de: "German",
  es: "Spanish",
};
