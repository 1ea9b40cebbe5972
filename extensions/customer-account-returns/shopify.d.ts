import "@shopify/ui-extensions";
import type { Api as ActionApi } from "@shopify/ui-extensions/customer-account.order.action.render";
import type { Api as MenuItemApi } from "@shopify/ui-extensions/customer-account.order.action.menu-item.render";

// The `shopify` global of each order action target (Shopify CLI's pattern).
declare module "./src/MenuItem.tsx" {
  const shopify: MenuItemApi;
  const globalThis: { shopify: typeof shopify };
}
declare module "./src/ReturnAction.tsx" {
  const shopify: ActionApi;
  const globalThis: { shopify: typeof shopify };
}
