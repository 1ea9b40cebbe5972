import { randomBytes } from "node:crypto";

/** What the stand-in remembers about each shop it plays: what Shopify would hold. */
export interface ShopDetails {
  id: string;
  name: string;
  email: string;
  contactEmail: string;
  currencyCode: string;
  ianaTimezone: string;
  countryCode: string;
  primaryLocale: string;
}

export interface AdminCall {
  operationName: string;
  variables: Record<string, unknown>;
  at: string;
}

export interface CostBucket {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
  updatedAt: number;
}

export interface ShopState {
  domain: string;
  details: ShopDetails;
  accessTokens: Map<string, number>;
  refreshTokens: Map<string, number>;
  bucket: CostBucket;
  /** Every Admin API operation the app called, in order (tests assert on write-backs). */
  calls: AdminCall[];
  /** Per-capability state of the Admin API handlers, by key (see `shopStore`). */
  stores: Map<string, unknown>;
}

export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
export const REFRESH_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;

export class StandinState {
  readonly shops = new Map<string, ShopState>();

  shop(domain: string): ShopState {
    let shop = this.shops.get(domain);
    if (!shop) {
      const handle = domain.replace(/\.myshopify\.com$/, "");
      shop = {
        domain,
        details: {
          id: String(60_000_000_000 + this.shops.size + 1),
          name: handle
            .split(/[-_]/)
            .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
            .join(" "),
          email: `owner@${handle}.example.com`,
          contactEmail: `support@${handle}.example.com`,
          currencyCode: "USD",
          ianaTimezone: "America/New_York",
          countryCode: "US",
          primaryLocale: "en",
        },
        accessTokens: new Map(),
        refreshTokens: new Map(),
        bucket: {
          maximumAvailable: 2000,
          currentlyAvailable: 2000,
          restoreRate: 100,
          updatedAt: Date.now(),
        },
        calls: [],
        stores: new Map(),
      };
      this.shops.set(domain, shop);
    }
    return shop;
  }

  issueTokens(shop: ShopState) {
    const accessToken = `shpat_${randomBytes(16).toString("hex")}`;
    const refreshToken = `shprt_${randomBytes(16).toString("hex")}`;
    shop.accessTokens.set(accessToken, Date.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000);
    shop.refreshTokens.set(refreshToken, Date.now() + REFRESH_TOKEN_LIFETIME_SECONDS * 1000);
    return { accessToken, refreshToken };
  }

  /** The shop whose unexpired access token this is. */
  authenticate(domain: string, accessToken: string | null): ShopState | null {
    const shop = this.shops.get(domain);
    const expiresAt = accessToken ? shop?.accessTokens.get(accessToken) : undefined;
    return shop && expiresAt && expiresAt > Date.now() ? shop : null;
  }
}

/** A capability's own typed state inside a shop, created on first use. */
export function shopStore<T>(shop: ShopState, key: string, create: () => T): T {
  if (!shop.stores.has(key)) shop.stores.set(key, create());
  return shop.stores.get(key) as T;
}
