import { describe, expect, it } from "vitest";
import { CoPurchaseCounter, mergeNeighbors, orderPairs, recommend, type Neighbor } from "./model";

/**
 * Six hand-checked orders: coffee (C) sells with filters (F) and mugs (M); tea (T) with mugs.
 *   1: C F M   2: C F   3: C M   4: T M   5: C F   6: T
 * support: C 4, F 3, M 3, T 2. Pairs: C–F 3, C–M 2, F–M 1, M–T 1.
 * Neighbours (pairs of at least 2 orders): C↔F 3/√(4·3) = 0.866, C↔M 2/√(4·3) = 0.577.
 */
const ORDERS = [["C", "F", "M"], ["C", "F"], ["C", "M"], ["T", "M"], ["C", "F"], ["T"]];

function learn(orders: string[][], perProduct?: number, minPairOrders?: number) {
  const counter = new CoPurchaseCounter();
  for (const order of orders) counter.add(order);
  const bestSellers = [...counter.support]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([product]) => product);
  return { neighbors: counter.neighbors(perProduct, minPairOrders), bestSellers };
}

const model = learn(ORDERS);
const everything = () => true;
const rounded = (neighbors: Neighbor[]) =>
  neighbors
    .map(({ productId, neighborId, orders, score }) => [
      productId,
      neighborId,
      orders,
      Math.round(score * 1000) / 1000,
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(b[3]) - Number(a[3]));

describe("CoPurchaseCounter", () => {
  it("counts the hand-checked orders", () => {
    const counter = new CoPurchaseCounter();
    for (const order of ORDERS) counter.add(order);
    expect(counter.orders).toBe(6);
    expect(Object.fromEntries(counter.support)).toEqual({ C: 4, F: 3, M: 3, T: 2 });
    expect([...counter.pairs()].sort()).toEqual([
      ["C", "F", 3],
      ["C", "M", 2],
      ["F", "M", 1],
      ["M", "T", 1],
    ]);
  });

  it("keeps neighbours from pairs of at least two orders, both ways, scored by cosine", () => {
    expect(rounded(model.neighbors)).toEqual([
      ["C", "F", 3, 0.866],
      ["C", "M", 2, 0.577],
      ["F", "C", 3, 0.866],
      ["M", "C", 2, 0.577],
    ]);
    // T–M was bought together once: a neighbour only when one order is enough evidence.
    expect(rounded(learn(ORDERS, 40, 1).neighbors)).toContainEqual(["T", "M", 1, 0.408]);
  });

  it("keeps only each product's best neighbours", () => {
    expect(rounded(learn(ORDERS, 1).neighbors)).toEqual([
      ["C", "F", 3, 0.866],
      ["F", "C", 3, 0.866],
      ["M", "C", 2, 0.577],
    ]);
  });

  it("lists pairs by their first product, then their second, whatever order they were seen in", () => {
    const counter = new CoPurchaseCounter();
    counter.add(["Z", "b"]);
    counter.add(["a", "Z"]);
    counter.add(["b", "a"]);
    counter.add(["Z", "a", "b"]);
    // Code-unit order, as SQL's binary collation sorts them: "Z" before "a".
    expect([...counter.pairs()]).toEqual([
      ["Z", "a", 2],
      ["Z", "b", 2],
      ["a", "b", 2],
    ]);
  });

  it("truncates a basket beyond the products it pairs", () => {
    const counter = new CoPurchaseCounter(2);
    counter.add(["c", "b", "a", "a"]);
    expect([...counter.pairs()]).toEqual([["a", "b", 1]]);
  });
});

describe("recommend", () => {
  it("ranks by cosine over co-purchases: filter 0.866 before mug 0.577", () => {
    expect(recommend({ ...model, basket: ["C"], eligible: everything, limit: 2 })).toEqual([
      { productId: "F", score: 0.866, reason: "bought_together" },
      { productId: "M", score: 0.577, reason: "bought_together" },
    ]);
  });

  it("fills up with best sellers when a product has no neighbours", () => {
    expect(recommend({ ...model, basket: ["T"], eligible: everything, limit: 2 })).toEqual([
      { productId: "C", score: 0, reason: "best_seller" },
      { productId: "F", score: 0, reason: "best_seller" },
    ]);
  });

  it("sums over a basket and never recommends what it holds or what is not eligible", () => {
    const result = recommend({
      ...model,
      basket: ["F", "M"],
      eligible: (product) => product !== "T",
      limit: 3,
    });
    // C: from F 0.866 + from M 0.577 → 1.443
    expect(result).toEqual([{ productId: "C", score: 1.443, reason: "bought_together" }]);
    expect(
      recommend({ ...model, basket: ["C"], eligible: (product) => product !== "F", limit: 2 }),
    ).toEqual([
      { productId: "M", score: 0.577, reason: "bought_together" },
      { productId: "T", score: 0, reason: "best_seller" },
    ]);
  });

  it("rescores with current support when it is given, as stored scores age between rebuilds", () => {
    // C sold 8 times since its neighbours were stored: F 3/√(8·3) = 0.612, M 2/√(8·3) = 0.408.
    const support = new Map([
      ["C", 8],
      ["F", 3],
      ["M", 3],
    ]);
    expect(recommend({ ...model, support, basket: ["C"], eligible: everything, limit: 2 })).toEqual(
      [
        { productId: "F", score: 0.612, reason: "bought_together" },
        { productId: "M", score: 0.408, reason: "bought_together" },
      ],
    );
  });

  it("gives nothing to an empty history", () => {
    expect(
      recommend({ basket: ["X"], neighbors: [], bestSellers: [], eligible: everything, limit: 3 }),
    ).toEqual([]);
  });
});

describe("mergeNeighbors", () => {
  const neighbor = (neighborId: string, score: number): Neighbor => ({
    productId: "C",
    neighborId,
    orders: 2,
    score,
  });

  it("writes a fresh neighbour that earns its place and drops the one it displaces", () => {
    expect(
      mergeNeighbors([neighbor("F", 0.8), neighbor("M", 0.5)], [neighbor("X", 0.6)], 2),
    ).toEqual({ write: [neighbor("X", 0.6)], remove: ["M"] });
  });

  it("ignores a fresh neighbour weaker than a full list", () => {
    expect(
      mergeNeighbors([neighbor("F", 0.8), neighbor("M", 0.5)], [neighbor("Y", 0.1)], 2),
    ).toEqual({ write: [], remove: [] });
  });

  it("updates a stored neighbour's score", () => {
    expect(
      mergeNeighbors([neighbor("F", 0.8), neighbor("M", 0.5)], [neighbor("M", 0.9)], 2),
    ).toEqual({ write: [neighbor("M", 0.9)], remove: [] });
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
