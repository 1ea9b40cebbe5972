import { describe, expect, it } from "vitest";
import { orderPairs, recommend, type CoPurchase } from "./model";

/**
 * Six hand-checked orders: coffee (C) sells with filters (F) and mugs (M); tea (T) with mugs.
 *   1: C F M   2: C F   3: C M   4: T M   5: C F   6: T
 * support: C 4, F 3, M 3, T 2. Pairs: C–F 3, C–M 2, F–M 1, M–T 1.
 */
const ORDERS = [["C", "F", "M"], ["C", "F"], ["C", "M"], ["T", "M"], ["C", "F"], ["T"]];

function learn(orders: string[][]) {
  const support = new Map<string, number>();
  const pairs = new Map<string, CoPurchase>();
  for (const order of orders) {
    for (const product of new Set(order)) support.set(product, (support.get(product) ?? 0) + 1);
    for (const [productA, productB] of orderPairs(order)) {
      const key = `${productA}|${productB}`;
      const pair = pairs.get(key) ?? { productA, productB, orders: 0 };
      pair.orders += 1;
      pairs.set(key, pair);
    }
  }
  const bestSellers = [...support].sort((a, b) => b[1] - a[1]).map(([product]) => product);
  return { support, pairs: [...pairs.values()], bestSellers };
}

const model = learn(ORDERS);
const everything = () => true;

describe("recommend", () => {
  it("ranks by cosine over co-purchases: filter 3/√(4·3) = 0.866 before mug 2/√(4·3) = 0.577", () => {
    expect(recommend({ ...model, basket: ["C"], eligible: everything, limit: 2 })).toEqual([
      { productId: "F", score: 0.866, reason: "bought_together" },
      { productId: "M", score: 0.577, reason: "bought_together" },
    ]);
  });

  it("ignores pairs below the minimum support and fills up with best sellers", () => {
    // T–M was bought together once: not enough evidence at the default minimum of 2.
    expect(recommend({ ...model, basket: ["T"], eligible: everything, limit: 2 })).toEqual([
      { productId: "C", score: 0, reason: "best_seller" },
      { productId: "F", score: 0, reason: "best_seller" },
    ]);
    expect(
      recommend({ ...model, basket: ["T"], eligible: everything, limit: 1, minPairOrders: 1 }),
    ).toEqual([{ productId: "M", score: 0.408, reason: "bought_together" }]);
  });

  it("sums over a basket and never recommends what it holds or what is not eligible", () => {
    const result = recommend({
      ...model,
      basket: ["F", "M"],
      eligible: (product) => product !== "T",
      limit: 3,
    });
    // C: from F 3/√(3·4) = 0.866 + from M 2/√(3·4) = 0.577 → 1.443
    expect(result).toEqual([{ productId: "C", score: 1.443, reason: "bought_together" }]);
    expect(
      recommend({ ...model, basket: ["C"], eligible: (product) => product !== "F", limit: 2 }),
    ).toEqual([
      { productId: "M", score: 0.577, reason: "bought_together" },
      { productId: "T", score: 0, reason: "best_seller" },
    ]);
  });

  it("gives best sellers to an empty history", () => {
    expect(
      recommend({
        basket: ["X"],
        pairs: [],
        support: new Map(),
        bestSellers: [],
        eligible: everything,
        limit: 3,
      }),
    ).toEqual([]);
  });
});

describe("orderPairs", () => {
  it("pairs distinct products once, smaller id first", () => {
    expect(orderPairs(["b", "a", "c", "a"])).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
  });
});
