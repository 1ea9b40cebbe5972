/** The seeded bench shop and its orders: what the seed writes and what the load asks for. */
export const BENCH_SHOP = "bench-shop.myshopify.com";

export const benchOrder = (index: number) => ({
  shopifyId: String(10_000_000 + index),
  name: `#${100_000 + index}`,
  email: `shopper${index}@example.com`,
  customerShopifyId: String(20_000_000 + index),
  trackingNumber: `1ZBENCH${String(index).padStart(11, "0")}`,
});
