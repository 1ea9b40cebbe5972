/**
 * Seeds a shop with the orders of bench/seeds/recommendations-data.ts, about LINES order lines in
 * all, their customers and the catalog mirror, as the app's own tables hold them (written with
 * multi-row INSERTs through the app's raw SQL executor). The co-purchase model is left empty: building
 * it is what the benchmark measures.
 *   DATABASE_URL=… LINES=1000000 tsx bench/seeds/recommendations.ts
 */
import { sql } from "../../app/db.server";
import { valuesPlaceholders, type SqlValue } from "../../app/platform/db/sql";
import {
  BENCH_RECS_SHOP,
  benchOrder,
  CUSTOMERS,
  ordersForLines,
  PRODUCTS,
  productShopifyId,
} from "./recommendations-data";
import { analyzeIfPostgres } from "./analyze";

const orders = ordersForLines(Number(process.env.LINES ?? 1_000_000));
/** Orders per batch; a multi-row INSERT per table and batch keeps a million lines to minutes. */
const BATCH = 500;
const placedAt = new Date(Date.UTC(2026, 9, 1));
const shop = BENCH_RECS_SHOP;

type Row = Record<string, SqlValue>;

/** One multi-row INSERT through the app's raw SQL executor (its own value conversions). */
async function insert(table: string, rows: Row[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const values = rows.flatMap((row) => columns.map((column) => row[column] ?? null));
  await sql.query(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES ${valuesPlaceholders(rows.length, columns.length)}`,
    values,
  );
}

const stamps = { createdAt: placedAt, updatedAt: placedAt };

async function seed() {
  const started = Date.now();
  await insert("Shop", [{ domain: shop, name: "Bench Recommendations", ...stamps }]);
  for (let from = 0; from < PRODUCTS; from += BATCH) {
    await insert(
      "RecommendationProduct",
      Array.from({ length: Math.min(BATCH, PRODUCTS - from) }, (_, k) => {
        const product = from + k;
        return {
          id: `product-${product}`,
          shopDomain: shop,
          shopifyId: productShopifyId(product),
          title: `Product ${product}`,
          handle: `product-${product}`,
          imageUrl: `https://cdn.example.com/product-${product}.png`,
          price: 1_000 + (product % 50) * 100,
          variantId: String(9_000_000_000 + product),
          available: true,
          shopifyUpdatedAt: placedAt,
          updatedAt: placedAt,
        };
      }),
    );
  }
  for (let from = 0; from < CUSTOMERS; from += BATCH) {
    await insert(
      "Customer",
      Array.from({ length: Math.min(BATCH, CUSTOMERS - from) }, (_, k) => ({
        id: `customer-${from + k}`,
        shopDomain: shop,
        shopifyId: benchOrder(from + k).customerShopifyId,
        ...stamps,
      })),
    );
  }
  let lines = 0;
  for (let from = 0; from < orders; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, orders - from) }, (_, k) => from + k);
    await insert(
      "Order",
      batch.map((index) => ({
        id: `order-${index}`,
        shopDomain: shop,
        shopifyId: benchOrder(index).shopifyId,
        name: `#${10_000 + index}`,
        customerId: `customer-${index % CUSTOMERS}`,
        currency: "USD",
        presentmentCurrency: "USD",
        totalPrice: 4_999,
        subtotalPrice: 4_999,
        totalDiscounts: 0,
        totalShipping: 0,
        totalTax: 0,
        presentmentTotalPrice: 4_999,
        processedAt: placedAt,
        shopifyCreatedAt: placedAt,
        shopifyUpdatedAt: placedAt,
        ...stamps,
      })),
    );
    const rows = batch.flatMap((index) =>
      benchOrder(index).productIds.map((productId, line) => ({
        id: `line-${index}-${line}`,
        shopDomain: shop,
        orderId: `order-${index}`,
        shopifyId: `${index}-${line}`,
        productId,
        title: `Product ${productId}`,
        quantity: 1,
        currentQuantity: 1,
        price: 1_000,
        totalDiscount: 0,
      })),
    );
    await insert("OrderLineItem", rows);
    lines += rows.length;
  }
  await analyzeIfPostgres();
  console.log(
    `seeded ${orders.toLocaleString("en")} orders with ${lines.toLocaleString("en")} lines in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(JSON.stringify({ orders, lines }));
}

await seed();
process.exit(0);
