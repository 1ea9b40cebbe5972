import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "../../config.server";

const WINDOW_SECONDS = 60;

let limiters: { perIp: RateLimiterMemory; perShop: RateLimiterMemory } | undefined;

function lookupLimiters() {
  const { TRACKING_LOOKUPS_PER_IP, TRACKING_LOOKUPS_PER_SHOP } = config();
  limiters ??= {
    perIp: new RateLimiterMemory({
      keyPrefix: "tracking-ip",
      points: TRACKING_LOOKUPS_PER_IP,
      duration: WINDOW_SECONDS,
    }),
    perShop: new RateLimiterMemory({
      keyPrefix: "tracking-shop",
      points: TRACKING_LOOKUPS_PER_SHOP,
      duration: WINDOW_SECONDS,
    }),
  };
  return limiters;
}

/** The shopper's address: Shopify's proxy and load balancers put it first in X-Forwarded-For. */
export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/**
 * One shopper lookup against the per-IP and per-shop budgets (guessing order numbers and emails
 * is slow work). Returns the seconds to wait when over either, or null.
 */
export async function limitLookup(shopDomain: string, ip: string): Promise<number | null> {
  const { perIp, perShop } = lookupLimiters();
  try {
    await perIp.consume(`${shopDomain}:${ip}`);
    await perShop.consume(shopDomain);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
