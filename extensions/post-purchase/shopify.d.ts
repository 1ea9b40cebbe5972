import "@shopify/ui-extensions";
import type { Api } from "@shopify/ui-extensions/purchase.thank-you.block.render";

// The `shopify` global as the thank-you block target provides it.
declare module "./src/PostPurchase.tsx" {
  const shopify: Api;
  const globalThis: { shopify: typeof shopify };
}
