import "@shopify/ui-extensions";
import type { Api } from "@shopify/ui-extensions/customer-account.order-status.block.render";

// The `shopify` global as the order-status block target provides it (Shopify CLI's pattern).
declare module "./src/OrderStatusRecommendations.tsx" {
  const shopify: Api;
  const globalThis: { shopify: typeof shopify };
}
