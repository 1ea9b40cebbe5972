import { adminOperation } from "../platform/shopify/admin-operation";

export const ShopDetailsQuery = adminOperation<
  {
    shop: {
      id: string;
      name: string;
      email: string | null;
      contactEmail: string | null;
      currencyCode: string;
      ianaTimezone: string;
      billingAddress: { countryCodeV2: string | null } | null;
    };
    shopLocales: { locale: string; primary: boolean }[];
  },
  Record<string, never>
>(`#graphql
  query ShopDetails {
    shop {
      id
      name
      email
      contactEmail
      currencyCode
      ianaTimezone
      billingAddress { countryCodeV2 }
    }
    shopLocales(published: true) { locale primary }
  }
`);
