import { LRUCache } from "lru-cache";

/** Shops whose settings one process keeps; the least recently read go first past it. */
const SHOPS_KEPT = 10_000;

export interface PerProcessCache<TValue> {
  get(shopDomain: string): Promise<TValue>;
  /** After a change made in this process, so that it applies here at once. */
  forget(shopDomain: string): void;
}

/**
 * A shop's settings as the shopper-facing endpoints read them on every request: kept for `ttlMs`
 * in each process, so a change made in another process shows within that time. Concurrent reads
 * of one shop share one load.
 */
export function perProcessCache<TValue>(
  ttlMs: number,
  load: (shopDomain: string) => Promise<TValue>,
): PerProcessCache<TValue> {
  // lru-cache keeps no null or undefined, which "nothing saved" often is.
  const cache = new LRUCache<string, { value: TValue }>({
    max: SHOPS_KEPT,
    ttl: ttlMs,
    fetchMethod: async (shopDomain) => ({ value: await load(shopDomain) }),
    // A change forgetting a shop while its load is under way discards that load (it may have read
    // the old value); its waiters then read again instead of failing.
    allowStaleOnFetchAbort: true,
  });
  return {
    async get(shopDomain) {
      const entry = await cache.fetch(shopDomain);
      return entry ? entry.value : load(shopDomain);
    },
    forget: (shopDomain) => cache.delete(shopDomain),
  };
}
