/** Shops' public face: what other capabilities and flows may use. */
export { ShopSettingsSchema } from "./settings";
export type { Installation } from "./shops.server";
export {
  getShop,
  getShopSettings,
  installations,
  installedShopDomains,
  onShopInstalled,
  shopProfile,
  syncShopDetailsNow,
} from "./shops.server";
