/**
 * The floor for the model build, in a process of its own: one bare pass over the same order
 * lines, with the same paged queries the rebuild reads them with (orders by id, then their
 * lines), through the raw driver; nothing is counted or written. Prints its measure as JSON.
 *   DATABASE_URL=… SHOP=… tsx bench/floor/model-pass.ts
 */
import { measure } from "../lib/measure";
import { connect } from "./shared";

const PAGE = 5_000;
const query = connect(process.env.DATABASE_URL ?? "");
const shop = process.env.SHOP ?? "";

async function pass() {
  let after = "";
  let lines = 0;
  for (;;) {
    const orders = await query(
      'SELECT "id", "shopifyId" FROM "Order" WHERE "shopDomain" = ? AND "id" > ? AND "cancelledAt" IS NULL ORDER BY "id" LIMIT ?',
      [shop, after, PAGE],
    );
    if (orders.length === 0) return { lines };
    const rows = await query(
      `SELECT "orderId", "productId" FROM "OrderLineItem" WHERE "orderId" IN (${orders.map(() => "?").join(", ")}) AND "productId" IS NOT NULL AND "giftCard" = ?`,
      [...orders.map((order) => String(order.id)), false],
    );
    lines += rows.length;
    after = String(orders[orders.length - 1]!.id);
  }
}

const { measure: result, value } = await measure(pass);
console.log(JSON.stringify({ ...result, ...value }));
process.exit(0);
