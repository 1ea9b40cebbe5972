/**
 * Item-to-item co-purchase recommendations: for each product bought with the basket's products,
 * the cosine similarity count(A∧B) / √(count(A)·count(B)) over the shop's orders, summed over the
 * basket, from pairs seen in at least `minPairOrders` orders; topped up with the shop's best
 * sellers when the data is thin. Never the basket's own products, nor an ineligible one.
 */
export interface CoPurchase {
  productA: string;
  productB: string;
  orders: number;
}

export interface RecommendInput {
  basket: string[];
  /** Pairs that involve at least one basket product. */
  pairs: CoPurchase[];
  /** Orders containing each product (the basket's and the candidates'). */
  support: ReadonlyMap<string, number>;
  /** The shop's products by orders, most first. */
  bestSellers: string[];
  eligible(productId: string): boolean;
  limit: number;
  minPairOrders?: number;
}

export interface Recommendation {
  productId: string;
  score: number;
  reason: "bought_together" | "best_seller";
}

export function recommend(input: RecommendInput): Recommendation[] {
  const { basket, support, limit, minPairOrders = 2 } = input;
  const inBasket = new Set(basket);
  const scores = new Map<string, number>();
  for (const pair of input.pairs) {
    if (pair.orders < minPairOrders) continue;
    for (const [from, to] of [
      [pair.productA, pair.productB],
      [pair.productB, pair.productA],
    ] as const) {
      if (!inBasket.has(from) || inBasket.has(to) || !input.eligible(to)) continue;
      const denominator = Math.sqrt((support.get(from) ?? 0) * (support.get(to) ?? 0));
      if (denominator === 0) continue;
      scores.set(to, (scores.get(to) ?? 0) + pair.orders / denominator);
    }
  }
  const ranked: Recommendation[] = [...scores]
    .sort(
      ([a, scoreA], [b, scoreB]) =>
        scoreB - scoreA || (support.get(b) ?? 0) - (support.get(a) ?? 0) || a.localeCompare(b),
    )
    .slice(0, limit)
    .map(([productId, score]) => ({
      productId,
      score: Math.round(score * 1000) / 1000,
      reason: "bought_together",
    }));
  for (const productId of input.bestSellers) {
    if (ranked.length >= limit) break;
    if (inBasket.has(productId) || scores.has(productId) || !input.eligible(productId)) continue;
    ranked.push({ productId, score: 0, reason: "best_seller" });
  }
  return ranked;
}

/** The distinct pairs of an order's products, each once with the smaller id first. */
export function orderPairs(productIds: string[]): [string, string][] {
  const distinct = [...new Set(productIds)].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) pairs.push([distinct[i]!, distinct[j]!]);
  }
  return pairs;
}
