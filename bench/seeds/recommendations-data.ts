/**
 * The recommendations benchmark's shop, the same for the seed and the load generator: PRODUCTS
 * products in clusters that are bought together (each order draws 80 % of its lines from one
 * cluster, the rest from the whole catalog, the first products more often), 1–7 lines per order
 * (4 on average), CUSTOMERS customers taking turns.
 */
export const BENCH_RECS_SHOP = "bench-recs.myshopify.com";
export const PRODUCTS = 2_000;
export const CUSTOMERS = 50_000;
const CLUSTER_SIZE = 20;
const AVERAGE_LINES = 4;

/** Orders whose lines add up to about `lines`. */
export const ordersForLines = (lines: number) => Math.ceil(lines / AVERAGE_LINES);

/** mulberry32: a small seeded generator, so every run builds the same shop. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const productShopifyId = (product: number) => String(7_000_000_000 + product);

export function benchOrder(index: number) {
  const random = generator(index + 1);
  const cluster = Math.floor(random() * (PRODUCTS / CLUSTER_SIZE));
  const productIds = Array.from({ length: 1 + (index % 7) }, () =>
    productShopifyId(
      random() < 0.8
        ? cluster * CLUSTER_SIZE + Math.floor(random() * CLUSTER_SIZE)
        : Math.floor(random() ** 2 * PRODUCTS),
    ),
  );
  return {
    shopifyId: String(5_000_000_000_000 + index),
    customerShopifyId: String(8_100_000_000_000 + (index % CUSTOMERS)),
    productIds,
  };
}
