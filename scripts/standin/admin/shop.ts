import type { AdminHandler } from "./types";

export const shopHandlers: Record<string, AdminHandler> = {
  ShopDetails: ({ shop }) => ({
    shop: {
      id: `gid://shopify/Shop/${shop.details.id}`,
      name: shop.details.name,
      email: shop.details.email,
      contactEmail: shop.details.contactEmail,
      currencyCode: shop.details.currencyCode,
      ianaTimezone: shop.details.ianaTimezone,
      billingAddress: { countryCodeV2: shop.details.countryCode },
    },
    shopLocales: [
      { locale: shop.details.primaryLocale, primary: true },
      { locale: "fr", primary: false },
    ],
  }),
};
