import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { runAsBackgroundWork } from "../platform/db/priority";
import { servedGeneration } from "./model-store.server";
import { learnFromOrder, rebuildModel, recommendForProducts } from "./recommendations.server";

const ORDERS = [["p1", "p2", "p3"], ["p1", "p2"], ["p2", "p3", "p3"], ["p4"], ["p1", "p4"]];

/** The served model; neighbour scores left out, as learning one order at a time lets them age. */
async function tables(shopDomain: string) {
  const generation = await servedGeneration(db, shopDomain);
  const where = { shopDomain, generation };
  const [stats, pairs, neighbors, orders] = await Promise.all([
    db.recommendationProductStat.findMany({ where, orderBy: { productId: "asc" } }),
    db.recommendationPair.findMany({ where, orderBy: [{ productA: "asc" }, { productB: "asc" }] }),
    db.recommendationNeighbor.findMany({
      where,
      orderBy: [{ productId: "asc" }, { neighborId: "asc" }],
    }),
    db.recommendationOrder.count({ where }),
  ]);
  return {
    stats: stats.map(({ productId, orders: count }) => [productId, count]),
    pairs: pairs.map(({ productA, productB, orders: count }) => [productA, productB, count]),
    neighbors: neighbors.map(({ productId, neighborId, orders: count }) => [
      productId,
      neighborId,
      count,
    ]),
    orders,
  };
}

const everyGeneration = async (shopDomain: string) =>
  (
    await db.recommendationPair.groupBy({
      by: ["generation"],
      where: { shopDomain },
      orderBy: { generation: "asc" },
    })
  ).map((row) => row.generation);

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

    expect(await rebuildModel(rebuilt)).toEqual({
      orders: 5,
      products: 4,
      pairs: 4,
      neighbors: 4,
    });
    expect(await tables(rebuilt)).toEqual(await tables(learned));
    expect((await tables(rebuilt)).neighbors).toEqual([
      ["p1", "p2", 2],
      ["p2", "p1", 2],
      ["p2", "p3", 2],
      ["p3", "p2", 2],
    ]);
    expect((await tables(rebuilt)).pairs).toEqual([
      ["p1", "p2", 2],
      ["p1", "p3", 1],
      ["p1", "p4", 1],
      ["p2", "p3", 2],
    ]);
    // After a rebuild, a replayed order is still counted once.
    expect(await learnFromOrder(rebuilt, "1001", ["p1", "p2"])).toBe(false);
  });

  it("serves the new generation once written and keeps no other", async () => {
    const shopDomain = `generations-${randomUUID().slice(0, 8)}.myshopify.com`;
    for (const [index, products] of ORDERS.entries()) {
      await learnFromOrder(shopDomain, String(1000 + index), products);
      await storeOrder(shopDomain, index, products);
    }
    expect(await everyGeneration(shopDomain)).toEqual([0]);
    await rebuildModel(shopDomain);
    await rebuildModel(shopDomain);
    expect(await servedGeneration(db, shopDomain)).toBe(2);
    expect(await everyGeneration(shopDomain)).toEqual([2]);
    // A new order after the rebuild is learned into the served generation.
    await storeOrder(shopDomain, 7, ["p1", "p4"]);
    expect(await learnFromOrder(shopDomain, "1007", ["p1", "p4"])).toBe(true);
    expect((await tables(shopDomain)).neighbors).toContainEqual(["p4", "p1", 2]);
  });

  it("learns the orders that arrive while it writes the next generation", async () => {
    const shopDomain = `catch-up-${randomUUID().slice(0, 8)}.myshopify.com`;
    // Wide baskets of distinct products: 22,800 pairs, so writing the next generation takes
    // many statements, and the order below arrives between them.
    for (let index = 0; index < 120; index++) {
      const products = Array.from({ length: 20 }, (_, n) => `p${index * 20 + n}`);
      await storeOrder(shopDomain, index, products);
    }
    // As the nightly job runs it: background work, which lets requests in between its statements.
    const rebuilding = runAsBackgroundWork(() => rebuildModel(shopDomain));
    for (;;) {
      const written = await db.recommendationOrder.count({ where: { shopDomain, generation: 1 } });
      if (written > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // The count is over; this order is learned into generation 0, which is still served.
    await storeOrder(shopDomain, 500, ["late-a", "late-b"]);
    await learnFromOrder(shopDomain, "1500", ["late-a", "late-b"]);
    expect(await servedGeneration(db, shopDomain)).toBe(0);

    expect(await rebuilding).toMatchObject({ orders: 120 });
    expect(await servedGeneration(db, shopDomain)).toBe(1);
    expect((await tables(shopDomain)).pairs).toContainEqual(["late-a", "late-b", 1]);
    expect(await everyGeneration(shopDomain)).toEqual([1]);
  });
});

describe("learnFromOrder", () => {
  it("keeps neighbour scores of the pairs an order touches as a rebuild computes them", async () => {
    const shopDomain = `learn-${randomUUID().slice(0, 8)}.myshopify.com`;
    await learnFromOrder(shopDomain, "1", ["p1", "p2"]);
    expect((await tables(shopDomain)).neighbors).toEqual([]);
    await learnFromOrder(shopDomain, "2", ["p1", "p2", "p3"]);
    const neighbors = await db.recommendationNeighbor.findMany({
      where: { shopDomain },
      orderBy: [{ productId: "asc" }, { neighborId: "asc" }],
    });
    // p1–p2 in both orders, each of them in both: 2 / √(2·2) = 1.
    expect(
      neighbors.map(({ productId, neighborId, score }) => [productId, neighborId, score]),
    ).toEqual([
      ["p1", "p2", 1],
      ["p2", "p1", 1],
    ]);
  });
});

describe("recommendForProducts", () => {
  it("recommends the basket's neighbours from the catalog, then best sellers, never excluded", async () => {
    const shopDomain = `serve-${randomUUID().slice(0, 8)}.myshopify.com`;
    for (const [index, products] of ORDERS.entries()) {
      await storeOrder(shopDomain, index, products);
    }
    await rebuildModel(shopDomain);
    const now = new Date();
    await db.recommendationProduct.createMany({
      data: ["p1", "p2", "p3", "p4"].map((shopifyId) => ({
        shopDomain,
        shopifyId,
        title: shopifyId.toUpperCase(),
        handle: shopifyId,
        price: 100,
        available: shopifyId !== "p4",
        shopifyUpdatedAt: now,
      })),
    });
    // p2's neighbours: p1 2/√(3·3), p3 2/√(3·2); p4 is out of stock.
    expect(
      (await recommendForProducts(shopDomain, ["p2"])).map(({ productId, score, reason }) => [
        productId,
        score,
        reason,
      ]),
    ).toEqual([
      ["p3", 0.816, "bought_together"],
      ["p1", 0.667, "bought_together"],
    ]);
    await db.recommendationSettings.create({ data: { shopDomain, excludedProducts: "p3" } });
    expect(
      (await recommendForProducts(shopDomain, ["p2"])).map((product) => product.productId),
    ).toEqual(["p1"]);
  });
});
