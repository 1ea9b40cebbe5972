import type { AppLoadContext } from "@remix-run/node";
import { Redis } from "ioredis";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { config } from "../config.server";
import { postgresConnectionFields } from "../platform/db/provider";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer of the request (scripts/server.js): the only address nobody can forge. */
    clientAddress?: string;
  }
}

/**
 * How a request reached us: straight from the shopper's browser (extension endpoints, links), or
 * through Shopify's App Proxy, one more proxy whose X-Forwarded-For entry we trust once its
 * signature is verified.
 */
export type RequestPath = "direct" | "app-proxy";

/**
 * The shopper's address: counted from the right of X-Forwarded-For, skipping only the entries our
 * own trusted proxies appended (`TRUSTED_PROXY_COUNT`, plus Shopify's for App Proxy requests).
 * Entries further left are whatever the client sent and are never believed.
 */
export function clientAddress(
  request: Request,
  context: AppLoadContext,
  path: RequestPath,
): string {
  const hops = config().TRUSTED_PROXY_COUNT + (path === "app-proxy" ? 1 : 0);
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, context.clientAddress ?? "unknown"];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

/** Where budgets live: shared by every process whenever more than one can run. */
function limiterStore(): (options: IRateLimiterOptions) => RateLimiterAbstract {
  const { REDIS_URL, databaseProvider, databaseUrl } = config();
  if (REDIS_URL) {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
    return (options) =>
      new RateLimiterRedis({
        ...options,
        storeClient: redis,
        // A Redis outage must not take the storefront down: each process keeps counting alone.
        insuranceLimiter: new RateLimiterMemory(options),
      });
  }
  if (databaseProvider === "postgresql") {
    // Every lookup of a shop updates that shop's one budget row, so the row's lock is held for
    // each commit's WAL flush and lookups queue behind it. A budget is worth nothing after a
    // crash, so these sessions commit without waiting for the flush (PostgreSQL's documented
    // per-session trade: a crash can lose the last moments of counts, never corrupt them).
    const pool = new pg.Pool({
      ...postgresConnectionFields(databaseUrl),
      max: 3,
      options: "-c synchronous_commit=off",
    });
    return (options) =>
      new RateLimiterPostgres({
        ...options,
        storeClient: pool,
        storeType: "pool",
        // Created by the migrations (prisma/models/storefront.prisma), not at run time.
        tableName: "StorefrontRateLimit",
        tableCreated: true,
        insuranceLimiter: new RateLimiterMemory(options),
      });
  }
  // SQLite runs one web process: its memory is the whole picture.
  return (options) => new RateLimiterMemory(options);
}

let createLimiter: ReturnType<typeof limiterStore> | undefined;

export interface ShopperBudget {
  /** Names the budget in the store's keys. */
  name: string;
  /** Requests per shop and client (address or signed-in customer) per window. */
  perClient: number;
  /**
   * Requests per shop per window, across clients. Kept well above `perClient` (the config
   * refuses otherwise) so that one client cannot spend a shop's budget alone.
   */
  perShop?: number;
  windowSeconds?: number;
}

/**
 * A budget for shopper requests. `consume(shop, client)` returns null when the request may go
 * on, or the seconds to wait. A client over its own budget is refused before it touches the
 * shop's, so a flood from one address costs others nothing.
 */
export function shopperBudget({ name, perClient, perShop, windowSeconds = 60 }: ShopperBudget) {
  let limiters: { client: RateLimiterAbstract; shop?: RateLimiterAbstract } | undefined;
  const current = () => {
    createLimiter ??= limiterStore();
    limiters ??= {
      client: createLimiter({
        keyPrefix: `${name}-client`,
        points: perClient,
        duration: windowSeconds,
      }),
      shop: perShop
        ? createLimiter({ keyPrefix: `${name}-shop`, points: perShop, duration: windowSeconds })
        : undefined,
    };
    return limiters;
  };
  return {
    async consume(shopDomain: string, client: string): Promise<number | null> {
      const { client: perClientLimiter, shop } = current();
      try {
        await perClientLimiter.consume(`${shopDomain}:${client}`);
        await shop?.consume(shopDomain);
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        }
        throw error;
      }
    },
  };
}

let lookups: ReturnType<typeof shopperBudget> | undefined;

/**
 * One shopper lookup of an order (tracking page, returns portal, their extension endpoints)
 * against the per-client and per-shop budgets: guessing order numbers and emails is slow work.
 * Returns the seconds to wait when over either, or null.
 */
export function limitLookup(shopDomain: string, client: string): Promise<number | null> {
  const { TRACKING_LOOKUPS_PER_IP, TRACKING_LOOKUPS_PER_SHOP } = config();
  lookups ??= shopperBudget({
    name: "lookup",
    perClient: TRACKING_LOOKUPS_PER_IP,
    perShop: TRACKING_LOOKUPS_PER_SHOP,
  });
  return lookups.consume(shopDomain, client);
}
