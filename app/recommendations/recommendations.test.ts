import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { learnFromOrder, rebuildModel } from "./recommendations.server";

const ORDERS = [["p1", "p2", "p3"], ["p1", "p2"], ["p2", "p3", "p3"], ["p4"], ["p1", "p4"]];

async function tables(shopDomain: string) {
  const [stats, pairs, orders] = await Promise.all([
    db.recommendationProductStat.findMany({ where: { shopDomain }, orderBy: { productId: "asc" } }),
    db.recommendationPair.findMany({
      where: { shopDomain },
      orderBy: [{ productA: "asc" }, { productB: "asc" }],
    }),
    db.recommendationOrder.count({ where: { shopDomain } }),
  ]);
  return {
    stats: stats.map(({ productId, orders: count }) => [productId, count]),
    pairs: pairs.map(({ productA, productB, orders: count }) => [productA, productB, count]),
    orders,
  };
}

async function storeOrder(
  shopDomain: string,
  index: number,
  products: string[],
  cancelled = false,
) {
  const at = new Date();
  await db.order.create({
    data: {
      shopDomain,
      shopifyId: String(1000 + index),
      name: `#${1000 + index}`,
      currency: "USD",
      presentmentCurrency: "USD",
      totalPrice: 0,
      subtotalPrice: 0,
      totalDiscounts: 0,
      totalShipping: 0,
      totalTax: 0,
      presentmentTotalPrice: 0,
      cancelledAt: cancelled ? at : null,
      processedAt: at,
      shopifyCreatedAt: at,
      shopifyUpdatedAt: at,
      lineItems: {
        create: products.map((productId, line) => ({
          shopDomain,
          shopifyId: String(index * 100 + line),
          productId,
          title: productId,
          quantity: 1,
          currentQuantity: 1,
          price: 100,
          totalDiscount: 0,
        })),
      },
    },
  });
}

describe("rebuildModel", () => {
  it("writes the same model as learning the orders one by one, without cancelled orders", async () => {
    const learned = `learned-${randomUUID().slice(0, 8)}.myshopify.com`;
    const rebuilt = `rebuilt-${randomUUID().slice(0, 8)}.myshopify.com`;
    for (const [index, products] of ORDERS.entries()) {
      await learnFromOrder(learned, String(1000 + index), products);
      await storeOrder(rebuilt, index, products);
    }
    await storeOrder(rebuilt, 99, ["p1", "p2"], true);
    // Stale counts a rebuild must replace.
    await learnFromOrder(rebuilt, "1000", ["p9", "p8"]);

    expect(await rebuildModel(rebuilt)).toEqual({ orders: 5, products: 4, pairs: 4 });
    expect(await tables(rebuilt)).toEqual(await tables(learned));
    expect((await tables(rebuilt)).pairs).toEqual([
      ["p1", "p2", 2],
      ["p1", "p3", 1],
      ["p1", "p4", 1],
      ["p2", "p3", 2],
    ]);
    // After a rebuild, a replayed order is still counted once.
    expect(await learnFromOrder(rebuilt, "1001", ["p1", "p2"])).toBe(false);
  });
});
