import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { config } from "../../config.server";

/**
 * The origin serving a shop's Admin API and OAuth endpoints: https://{shop} in production, the
 * local Shopify stand-in when SHOPIFY_SHOP_ORIGIN says so (demo and tests).
 */
export function shopOrigin(shop: string): string {
  const template = config().SHOPIFY_SHOP_ORIGIN;
  return template ? template.replace("{shop}", shop).replace(/\/$/, "") : `https://${shop}`;
}

const MYSHOPIFY_URL = /^https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)(\/.*)?$/i;

/**
 * The Shopify library calls https://{shop} itself (token exchange, refreshing expiring offline
 * tokens); route those calls to the same origin as ours.
 */
export function routeLibraryCallsToShopOrigin() {
  if (!config().SHOPIFY_SHOP_ORIGIN) return;
  const send = abstractFetch;
  setAbstractFetchFunc((input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const match = MYSHOPIFY_URL.exec(url);
    if (!match?.[1]) return send(input, init);
    return send(`${shopOrigin(match[1])}${match[2] ?? ""}`, init);
  });
}

/**
 * The library only lets Shopify's admin frame the app. When the local stand-in plays Shopify,
 * its admin page must be allowed to frame the app too.
 */
export function allowStandinAdminFrame(headers: Headers) {
  const template = config().SHOPIFY_SHOP_ORIGIN;
  const policy = headers.get("Content-Security-Policy");
  if (!template || !policy?.includes("frame-ancestors")) return;
  const standinOrigin = new URL(template.replace("{shop}", "shop")).origin;
  headers.set(
    "Content-Security-Policy",
    policy.replace("frame-ancestors", `frame-ancestors ${standinOrigin}`),
  );
}
