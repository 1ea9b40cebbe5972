import { createContext, useContext } from "react";

export interface ShopView {
  domain: string;
  name: string;
  timezone: string;
  currency: string;
  locale: string;
}

const ShopContext = createContext<ShopView | null>(null);

export const ShopProvider = ShopContext.Provider;

export function useShop(): ShopView {
  const shop = useContext(ShopContext);
  if (!shop) throw new Error("useShop needs the ShopProvider of routes/app.tsx");
  return shop;
}
