/**
 * Item-to-item co-purchase recommendations. Two products are neighbours when they were bought
 * together in at least MIN_PAIR_ORDERS orders, scored by cosine similarity
 * count(A∧B) / √(count(A)·count(B)) over the shop's orders; each product keeps only its best
 * NEIGHBORS_PER_PRODUCT. A basket's recommendations sum its products' neighbour scores, topped up
 * with the shop's best sellers when the data is thin; never the basket's own products, nor an
 * ineligible one.
 */
export const MIN_PAIR_ORDERS = 2;
/**
 * Enough to survive the merchant's exclusions and stock-outs for any number shown, small enough
 * that a 20-product basket reads at most 800 rows.
 */
export const NEIGHBORS_PER_PRODUCT = 40;

export interface Neighbor {
  productId: string;
  neighborId: string;
  /** Orders containing both. */
  orders: number;
  score: number;
}

export interface RecommendInput {
  basket: string[];
  /** The neighbours of the basket's products. */
  neighbors: Neighbor[];
  /**
   * Current orders per product, when known: scores are then recomputed from them, as the stored
   * ones age between rebuilds while orders are learned one at a time.
   */
  support?: ReadonlyMap<string, number>;
  /** The shop's products by orders, most first. */
  bestSellers: string[];
  eligible(productId: string): boolean;
  limit: number;
}

export interface Recommendation {
  productId: string;
  score: number;
  reason: "bought_together" | "best_seller";
}

export function cosine(pairOrders: number, ordersWithA: number, ordersWithB: number) {
  const denominator = Math.sqrt(ordersWithA * ordersWithB);
  return denominator === 0 ? 0 : pairOrders / denominator;
}

export function recommend(input: RecommendInput): Recommendation[] {
  const { limit, support } = input;
  const inBasket = new Set(input.basket);
  const scores = new Map<string, { score: number; orders: number }>();
  for (const neighbor of input.neighbors) {
    const to = neighbor.neighborId;
    if (!inBasket.has(neighbor.productId) || inBasket.has(to) || !input.eligible(to)) continue;
    const total = scores.get(to) ?? { score: 0, orders: 0 };
    total.score += support
      ? cosine(neighbor.orders, support.get(neighbor.productId) ?? 0, support.get(to) ?? 0)
      : neighbor.score;
    total.orders += neighbor.orders;
    scores.set(to, total);
  }
  const ranked: Recommendation[] = [...scores]
    .sort(
      ([a, totalA], [b, totalB]) =>
        totalB.score - totalA.score || totalB.orders - totalA.orders || a.localeCompare(b),
    )
    .slice(0, limit)
    .map(([productId, total]) => ({
      productId,
      score: Math.round(total.score * 1000) / 1000,
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

/** The products of an order that are learned from: distinct, sorted, at most `maxProducts`. */
export function learnedProducts(productIds: string[], maxProducts: number) {
  return [...new Set(productIds)].sort().slice(0, maxProducts);
}

/** Code-unit order, as `sort()` and SQL's binary collation compare ids. */
export const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byScore = (a: Neighbor, b: Neighbor) =>
  b.score - a.score || b.orders - a.orders || a.neighborId.localeCompare(b.neighborId);

/**
 * A product's neighbour list after an order changed some of its pairs: the fresh scores replace
 * the stored ones, and only the best `perProduct` stay. Returns the rows to write and the
 * neighbours to drop.
 */
export function mergeNeighbors(
  current: Neighbor[],
  fresh: Neighbor[],
  perProduct = NEIGHBORS_PER_PRODUCT,
) {
  const merged = new Map(current.map((neighbor) => [neighbor.neighborId, neighbor]));
  for (const neighbor of fresh) merged.set(neighbor.neighborId, neighbor);
  const kept = [...merged.values()].sort(byScore).slice(0, perProduct);
  const keptIds = new Set(kept.map((neighbor) => neighbor.neighborId));
  const freshIds = new Set(fresh.map((neighbor) => neighbor.neighborId));
  return {
    write: kept.filter((neighbor) => freshIds.has(neighbor.neighborId)),
    remove: current
      .filter((neighbor) => !keptIds.has(neighbor.neighborId))
      .map((neighbor) => neighbor.neighborId),
  };
}

/** Pair keys pack two product indexes into one number: far leaner than string keys. */
const PAIR_BASE = 2 ** 21;

/**
 * Counts a shop's orders in one pass, in memory: what a full rebuild writes. Product ids are
 * interned and pairs keyed by number, so a million order lines fit in a few hundred megabytes.
 * Baskets beyond `maxProducts` distinct products are truncated as they are when learning one
 * order at a time.
 */
export class CoPurchaseCounter {
  orders = 0;
  private readonly ids: string[] = [];
  private readonly indexes = new Map<string, number>();
  private readonly supportByIndex: number[] = [];
  private readonly pairCounts = new Map<number, number>();

  constructor(private readonly maxProducts = 20) {}

  add(productIds: string[]) {
    const products = learnedProducts(productIds, this.maxProducts);
    if (products.length === 0) return;
    this.orders += 1;
    const indexes = products.map((product) => this.intern(product));
    for (const index of indexes) this.supportByIndex[index]! += 1;
    for (let i = 0; i < indexes.length; i++) {
      for (let j = i + 1; j < indexes.length; j++) {
        const key = indexes[i]! * PAIR_BASE + indexes[j]!;
        this.pairCounts.set(key, (this.pairCounts.get(key) ?? 0) + 1);
      }
    }
  }

  get support(): Map<string, number> {
    return new Map(this.ids.map((id, index) => [id, this.supportByIndex[index]!]));
  }

  get pairCount() {
    return this.pairCounts.size;
  }

  /**
   * Every pair once, productA < productB (the order `add` sorted them in), sorted by productA
   * then productB: written in that order, a rebuild appends to the pairs' unique index instead of
   * touching pages all over it.
   */
  *pairs(): Generator<[productA: string, productB: string, orders: number]> {
    const byId = this.ids
      .map((_, index) => index)
      .sort((a, b) => compareCodeUnits(this.ids[a]!, this.ids[b]!));
    const rank = new Array<number>(byId.length);
    byId.forEach((index, position) => (rank[index] = position));
    const keys = new Float64Array(this.pairCounts.size);
    let at = 0;
    for (const key of this.pairCounts.keys()) {
      keys[at++] = rank[Math.floor(key / PAIR_BASE)]! * PAIR_BASE + rank[key % PAIR_BASE]!;
    }
    keys.sort();
    for (const ranked of keys) {
      const a = byId[Math.floor(ranked / PAIR_BASE)]!;
      const b = byId[ranked % PAIR_BASE]!;
      yield [this.ids[a]!, this.ids[b]!, this.pairCounts.get(a * PAIR_BASE + b)!];
    }
  }

  /** Each product's best neighbours, from pairs seen in at least `minPairOrders` orders. */
  neighbors(perProduct = NEIGHBORS_PER_PRODUCT, minPairOrders = MIN_PAIR_ORDERS): Neighbor[] {
    const lists = new Map<number, Neighbor[]>();
    const offer = (from: number, to: number, orders: number, score: number) => {
      const list = lists.get(from) ?? [];
      lists.set(from, list);
      const neighbor = { productId: this.ids[from]!, neighborId: this.ids[to]!, orders, score };
      if (list.length === perProduct) {
        if (byScore(neighbor, list[list.length - 1]!) >= 0) return;
        list.pop();
      }
      const at = list.findIndex((other) => byScore(neighbor, other) < 0);
      list.splice(at === -1 ? list.length : at, 0, neighbor);
    };
    for (const [key, orders] of this.pairCounts) {
      if (orders < minPairOrders) continue;
      const a = Math.floor(key / PAIR_BASE);
      const b = key % PAIR_BASE;
      const score = cosine(orders, this.supportByIndex[a]!, this.supportByIndex[b]!);
      offer(a, b, orders, score);
      offer(b, a, orders, score);
    }
    return [...lists.values()].flat();
  }

  private intern(productId: string) {
    let index = this.indexes.get(productId);
    if (index === undefined) {
      index = this.ids.length;
      if (index >= PAIR_BASE) throw new Error(`more than ${PAIR_BASE} products in one shop`);
      this.ids.push(productId);
      this.indexes.set(productId, index);
      this.supportByIndex.push(0);
    }
    return index;
  }
}
