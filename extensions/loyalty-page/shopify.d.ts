import "@shopify/ui-extensions";
import type { Api } from "@shopify/ui-extensions/customer-account.page.render";

// The `shopify` global as the customer-account full-page target provides it.
declare module "./src/LoyaltyPage.tsx" {
  const shopify: Api;
  const globalThis: { shopify: typeof shopify };
}
