import { db, Prisma } from "../db.server";
import { orderPairs, recommend, type Recommendation } from "./model";

/** An order's products beyond this many are not paired (a wholesale basket says little). */
const MAX_PAIRED_PRODUCTS = 20;
const CANDIDATE_PAIRS = 500;
const BEST_SELLERS = 50;

/**
 * Learns from one order, once: its products' order counts and their pairs. Replays and duplicate
 * deliveries are recognised by the order id.
 */
export async function learnFromOrder(
  shopDomain: string,
  orderShopifyId: string,
  productIds: string[],
) {
  const products = [...new Set(productIds)].sort().slice(0, MAX_PAIRED_PRODUCTS);
  if (products.length === 0) return false;
  try {
    await db.$transaction(async (tx) => {
      await tx.recommendationOrder.create({ data: { shopDomain, orderShopifyId } });
      for (const productId of products) {
        await tx.recommendationProductStat.upsert({
          where: { shopDomain_productId: { shopDomain, productId } },
          create: { shopDomain, productId, orders: 1 },
          update: { orders: { increment: 1 } },
        });
      }
      for (const [productA, productB] of orderPairs(products)) {
        await tx.recommendationPair.upsert({
          where: { shopDomain_productA_productB: { shopDomain, productA, productB } },
          create: { shopDomain, productA, productB, orders: 1 },
          update: { orders: { increment: 1 } },
        });
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

export interface RecommendedProduct extends Recommendation {
  title: string;
  handle: string;
  imageUrl: string | null;
  price: number;
  variantId: string | null;
}

/** What to show next to these products (an order's, a cart's or one product page's). */
export async function recommendForProducts(
  shopDomain: string,
  productIds: string[],
  limit = 4,
): Promise<RecommendedProduct[]> {
  const basket = [...new Set(productIds)];
  const [pairs, bestSellers] = await Promise.all([
    db.recommendationPair.findMany({
      where: {
        shopDomain,
        OR: [{ productA: { in: basket } }, { productB: { in: basket } }],
      },
      orderBy: { orders: "desc" },
      take: CANDIDATE_PAIRS,
    }),
    db.recommendationProductStat.findMany({
      where: { shopDomain },
      orderBy: { orders: "desc" },
      take: BEST_SELLERS,
    }),
  ]);
  const involved = new Set([...basket, ...pairs.flatMap((pair) => [pair.productA, pair.productB])]);
  const bestSellerIds = bestSellers.map((stat) => stat.productId);
  const [stats, products] = await Promise.all([
    db.recommendationProductStat.findMany({
      where: { shopDomain, productId: { in: [...involved] } },
    }),
    db.recommendationProduct.findMany({
      where: { shopDomain, shopifyId: { in: [...involved, ...bestSellerIds] }, available: true },
    }),
  ]);
  const catalog = new Map(products.map((product) => [product.shopifyId, product]));
  const ranked = recommend({
    basket,
    pairs,
    support: new Map(stats.map((stat) => [stat.productId, stat.orders])),
    bestSellers: bestSellerIds,
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
