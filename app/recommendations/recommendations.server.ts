import { db, Prisma, type Tx } from "../db.server";
import { isHeldOut } from "../experiments/index.server";
import { orderProductIds, orderProducts, ordersStoredSince } from "../orders/index.server";
import { shopProfile } from "../shops/index.server";
import {
  CoPurchaseCounter,
  cosine,
  learnedProducts,
  mergeNeighbors,
  MIN_PAIR_ORDERS,
  orderPairs,
  recommend,
  type Neighbor,
  type Recommendation,
} from "./model";
import {
  deleteGenerations,
  productSupport,
  servedGeneration,
  servingModel,
  switchGeneration,
  writeGeneration,
} from "./model-store.server";
import { availableProducts } from "./catalog.server";
import {
  addToCartUrl,
  recommendationSettings,
  shopperRecommendationSettings,
  type RecommendationSettings,
} from "./settings.server";

/** An order's products beyond this many are not paired (a wholesale basket says little). */
const MAX_PAIRED_PRODUCTS = 20;
/** Candidates looked up in the catalog per recommendation shown (some are out of stock). */
const SHORTLIST_FACTOR = 10;
/**
 * How far back a rebuild looks again for orders stored while it counted: an order written just
 * before the count began may commit after the count has passed it.
 */
const CATCH_UP_MARGIN_MS = 60_000;

/**
 * Learns from one order, once, into the served model: its products' order counts, their pairs,
 * and the neighbour lists those pairs change. Replays and duplicate deliveries are recognised by
 * the order id.
 */
export async function learnFromOrder(
  shopDomain: string,
  orderShopifyId: string,
  productIds: string[],
) {
  const products = learnedProducts(productIds, MAX_PAIRED_PRODUCTS);
  if (products.length === 0) return false;
  try {
    await db.$transaction(async (tx) => {
      const generation = await servedGeneration(tx, shopDomain);
      await tx.recommendationOrder.create({ data: { shopDomain, generation, orderShopifyId } });
      const support = new Map<string, number>();
      for (const productId of products) {
        const stat = await tx.recommendationProductStat.upsert({
          where: { shopDomain_generation_productId: { shopDomain, generation, productId } },
          create: { shopDomain, generation, productId, orders: 1 },
          update: { orders: { increment: 1 } },
        });
        support.set(productId, stat.orders);
      }
      const fresh = new Map<string, Neighbor[]>();
      for (const [productA, productB] of orderPairs(products)) {
        const pair = await tx.recommendationPair.upsert({
          where: {
            shopDomain_generation_productA_productB: { shopDomain, generation, productA, productB },
          },
          create: { shopDomain, generation, productA, productB, orders: 1 },
          update: { orders: { increment: 1 } },
        });
        if (pair.orders < MIN_PAIR_ORDERS) continue;
        const score = cosine(pair.orders, support.get(productA)!, support.get(productB)!);
        for (const [from, to] of [
          [productA, productB],
          [productB, productA],
        ] as const) {
          const neighbors = fresh.get(from) ?? [];
          neighbors.push({ productId: from, neighborId: to, orders: pair.orders, score });
          fresh.set(from, neighbors);
        }
      }
      for (const [productId, neighbors] of fresh) {
        await updateNeighbors(tx, shopDomain, generation, productId, neighbors);
      }
    });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return false;
    }
    throw error;
  }
}

async function updateNeighbors(
  tx: Tx,
  shopDomain: string,
  generation: number,
  productId: string,
  fresh: Neighbor[],
) {
  const current = await tx.recommendationNeighbor.findMany({
    where: { shopDomain, generation, productId },
    select: { productId: true, neighborId: true, orders: true, score: true },
  });
  const { write, remove } = mergeNeighbors(current, fresh);
  if (remove.length) {
    await tx.recommendationNeighbor.deleteMany({
      where: { shopDomain, generation, productId, neighborId: { in: remove } },
    });
  }
  for (const { neighborId, orders, score } of write) {
    await tx.recommendationNeighbor.upsert({
      where: {
        shopDomain_generation_productId_neighborId: {
          shopDomain,
          generation,
          productId,
          neighborId,
        },
      },
      create: { shopDomain, generation, productId, neighborId, orders, score },
      update: { orders, score },
    });
  }
}

export interface RecommendedProduct extends Recommendation {
  title: string;
  handle: string;
  imageUrl: string | null;
  price: number;
  variantId: string | null;
}

/**
 * What to show next to these products (an order's, a cart's or one product page's), never a
 * product the merchant excluded by id or tag. Reads only the basket's stored neighbour lists,
 * the best sellers and a shortlist's catalog rows, in raw SQL: its cost does not grow with the
 * shop's orders (bench/benchmarks/recommendations.ts).
 */
export async function recommendForProducts(
  shopDomain: string,
  productIds: string[],
  limit = 4,
): Promise<RecommendedProduct[]> {
  return recommendWithSettings(
    shopDomain,
    productIds,
    limit,
    await recommendationSettings(shopDomain),
  );
}

async function recommendWithSettings(
  shopDomain: string,
  productIds: string[],
  limit: number,
  settings: RecommendationSettings,
): Promise<RecommendedProduct[]> {
  const basket = [...new Set(productIds)];
  const shortlistSize = limit * SHORTLIST_FACTOR;
  const { generation, ...ranking } = await servingModel(shopDomain, basket, shortlistSize);
  const excludedProducts = new Set(settings.excludedProducts);
  // Catalog rows only for the best-ranked candidates and the best sellers that fill in.
  const shortlist = recommend({
    basket,
    ...ranking,
    eligible: (productId) => !excludedProducts.has(productId),
    limit: shortlistSize,
  });
  const looked = [
    ...new Set([...shortlist.map((entry) => entry.productId), ...ranking.bestSellers]),
  ];
  const [products, support] = await Promise.all([
    availableProducts(shopDomain, looked),
    productSupport(shopDomain, generation, [...basket, ...looked]),
  ]);
  const excludedTags = new Set(settings.excludedTags);
  const catalog = new Map(
    products
      .filter(
        (product) =>
          !excludedProducts.has(product.shopifyId) &&
          !product.tags.split(",").some((tag) => excludedTags.has(tag)),
      )
      .map((product) => [product.shopifyId, product]),
  );
  const ranked = recommend({
    basket,
    ...ranking,
    support,
    eligible: (productId) => catalog.has(productId),
    limit,
  });
  return ranked.map((recommendation) => {
    const product = catalog.get(recommendation.productId)!;
    return {
      ...recommendation,
      title: product.title,
      handle: product.handle,
      imageUrl: product.imageUrl,
      price: product.price,
      variantId: product.variantId,
    };
  });
}

/**
 * The thank-you page's recommendations for one of the shop's orders: as many as the merchant
 * shows, with add-to-cart links that apply the merchant's offer code when there is one; none for
 * a customer an experiment holds out of them.
 */
export async function orderRecommendations(
  shopDomain: string,
  order: { shopifyId: string; customerShopifyId: string | null },
) {
  if (await isHeldOut(shopDomain, "recommendations", order.customerShopifyId)) return [];
  const [basket, settings] = await Promise.all([
    orderProductIds(shopDomain, order.shopifyId),
    shopperRecommendationSettings(shopDomain),
  ]);
  const products = await recommendWithSettings(shopDomain, basket, settings.maxShown, settings);
  return withStorefrontLinks(shopDomain, products, settings.offerCode);
}

/**
 * The storefront block's recommendations for a product page or a cart: products bought with
 * these ones, as many as the block shows (the merchant's thank-you count when it does not say),
 * with the same links as the thank-you page's.
 */
export async function basketRecommendations(
  shopDomain: string,
  productIds: string[],
  limit?: number,
) {
  const settings = await shopperRecommendationSettings(shopDomain);
  const products = await recommendWithSettings(
    shopDomain,
    productIds,
    limit ?? settings.maxShown,
    settings,
  );
  return withStorefrontLinks(shopDomain, products, settings.offerCode);
}

function withStorefrontLinks(
  shopDomain: string,
  products: RecommendedProduct[],
  offerCode: string | null,
) {
  return products.map((product) => ({
    ...product,
    url: `https://${shopDomain}/products/${product.handle}`,
    cartUrl: product.variantId ? addToCartUrl(shopDomain, product.variantId, offerCode) : null,
  }));
}

/** Product pictures from the catalog mirror, for emails that list an order's items. */
export async function productImages(shopDomain: string, productIds: string[]) {
  const products = await db.recommendationProduct.findMany({
    where: { shopDomain, shopifyId: { in: [...new Set(productIds)] }, imageUrl: { not: null } },
    select: { shopifyId: true, imageUrl: true },
  });
  return new Map(products.map((product) => [product.shopifyId, product.imageUrl!]));
}

/** A few products for an email, with their storefront links and prices. */
export async function emailRecommendations(shopDomain: string, productIds: string[], limit = 3) {
  const [products, shop] = await Promise.all([
    recommendForProducts(shopDomain, productIds, limit),
    shopProfile(shopDomain),
  ]);
  return products.map((product) => ({
    productId: product.productId,
    title: product.title,
    url: `https://${shopDomain}/products/${product.handle}`,
    imageUrl: product.imageUrl,
    price: product.price,
    currency: shop?.currency ?? "USD",
  }));
}

/**
 * Rebuilds a shop's model from all its orders (the nightly job; also after an import): counts in
 * memory, writes the counts as the next generation beside the served one, switches to it, learns
 * the orders stored meanwhile, then deletes the old generation. Every write is a short statement
 * of its own: the shop is served from the old model until the switch and never waits on the
 * rebuild.
 */
export async function rebuildModel(shopDomain: string) {
  const served = await servedGeneration(db, shopDomain);
  const next = served + 1;
  await deleteGenerations(shopDomain, "newer", served);
  const startedAt = new Date();
  const counts = new CoPurchaseCounter(MAX_PAIRED_PRODUCTS);
  const orderShopifyIds: string[] = [];
  for await (const page of orderProducts(shopDomain)) {
    for (const order of page) {
      if (order.productIds.length === 0) continue;
      counts.add(order.productIds);
      orderShopifyIds.push(order.shopifyId);
    }
  }
  const { neighbors } = await writeGeneration(shopDomain, next, counts, orderShopifyIds);
  const totals = { orders: counts.orders, products: counts.support.size, pairs: counts.pairCount };
  await switchGeneration(shopDomain, next, totals);
  const since = new Date(startedAt.getTime() - CATCH_UP_MARGIN_MS);
  const counted = new Set(orderShopifyIds);
  for (const shopifyId of await ordersStoredSince(shopDomain, since)) {
    if (counted.has(shopifyId)) continue;
    await learnFromOrder(shopDomain, shopifyId, await orderProductIds(shopDomain, shopifyId));
  }
  await deleteGenerations(shopDomain, "older", next);
  return { ...totals, neighbors };
}
