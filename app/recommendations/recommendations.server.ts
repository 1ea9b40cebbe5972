import { db, Prisma } from "../db.server";
import { orderProducts } from "../orders/orders.server";
import { shopProfile } from "../shops/shops.server";
import { countCoPurchases, orderPairs, recommend, type Recommendation } from "./model";
import { addToCartUrl, recommendationSettings } from "./settings.server";

/** An order's products beyond this many are not paired (a wholesale basket says little). */
const MAX_PAIRED_PRODUCTS = 20;
/**
 * Rows per createMany of a rebuild: as fast as 5,000 with half the heap (Prisma holds each
 * batch several times over while it writes; bench/benchmarks/recommendations.ts).
 */
const WRITE_BATCH = 1_000;
const CANDIDATE_PAIRS = 500;
const BEST_SELLERS = 50;
/** Candidates looked up in the catalog per recommendation shown (some are out of stock). */
const SHORTLIST_FACTOR = 10;

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

/**
 * What to show next to these products (an order's, a cart's or one product page's), never a
 * product the merchant excluded by id or tag.
 */
export async function recommendForProducts(
  shopDomain: string,
  productIds: string[],
  limit = 4,
): Promise<RecommendedProduct[]> {
  const basket = [...new Set(productIds)];
  // One query per side of the pair, each on its own index: with an OR of the two, SQLite read
  // every pair of the shop for each request (bench/benchmarks/recommendations.ts).
  const side = (column: "productA" | "productB") =>
    db.recommendationPair.findMany({
      where: { shopDomain, [column]: { in: basket } },
      orderBy: { orders: "desc" },
      take: CANDIDATE_PAIRS,
    });
  const [asA, asB, bestSellers, settings] = await Promise.all([
    side("productA"),
    side("productB"),
    db.recommendationProductStat.findMany({
      where: { shopDomain },
      orderBy: { orders: "desc" },
      take: BEST_SELLERS,
    }),
    recommendationSettings(shopDomain),
  ]);
  // A pair of two basket products comes back from both sides: once is enough.
  const pairs = [...new Map([...asA, ...asB].map((pair) => [pair.id, pair])).values()]
    .sort((one, other) => other.orders - one.orders)
    .slice(0, CANDIDATE_PAIRS);
  const involved = new Set([...basket, ...pairs.flatMap((pair) => [pair.productA, pair.productB])]);
  const bestSellerIds = bestSellers.map((stat) => stat.productId);
  const stats = await db.recommendationProductStat.findMany({
    where: { shopDomain, productId: { in: [...involved] } },
    select: { productId: true, orders: true },
  });
  const ranking = {
    basket,
    pairs,
    support: new Map(stats.map((stat) => [stat.productId, stat.orders])),
    bestSellers: bestSellerIds,
  };
  // Catalog rows only for the best-ranked candidates (and the best sellers that fill in): a big
  // shop's basket involves hundreds of products, and reading them all was most of a request's
  // time (bench/benchmarks/recommendations.ts).
  const shortlist = recommend({
    ...ranking,
    eligible: (productId) => !settings.excludedProducts.includes(productId),
    limit: limit * SHORTLIST_FACTOR,
  });
  const products = await db.recommendationProduct.findMany({
    where: {
      shopDomain,
      shopifyId: { in: [...shortlist.map((entry) => entry.productId), ...bestSellerIds] },
      available: true,
    },
  });
  const excludedTags = new Set(settings.excludedTags);
  const excluded = (product: (typeof products)[number]) =>
    settings.excludedProducts.includes(product.shopifyId) ||
    product.tags.split(",").some((tag) => excludedTags.has(tag));
  const catalog = new Map(
    products.filter((product) => !excluded(product)).map((product) => [product.shopifyId, product]),
  );
  const ranked = recommend({ ...ranking, eligible: (productId) => catalog.has(productId), limit });
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
 * shows, with add-to-cart links that apply the merchant's offer code when there is one.
 */
export async function orderRecommendations(shopDomain: string, orderShopifyId: string) {
  const [lines, settings] = await Promise.all([
    db.orderLineItem.findMany({
      where: { shopDomain, order: { shopDomain, shopifyId: orderShopifyId } },
      select: { productId: true },
    }),
    recommendationSettings(shopDomain),
  ]);
  const products = await recommendForProducts(
    shopDomain,
    lines.flatMap((line) => (line.productId ? [line.productId] : [])),
    settings.maxShown,
  );
  return products.map((product) => ({
    ...product,
    url: `https://${shopDomain}/products/${product.handle}`,
    cartUrl: product.variantId
      ? addToCartUrl(shopDomain, product.variantId, settings.offerCode)
      : null,
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
    title: product.title,
    url: `https://${shopDomain}/products/${product.handle}`,
    imageUrl: product.imageUrl,
    price: product.price,
    currency: shop?.currency ?? "USD",
  }));
}

/**
 * Rebuilds a shop's model from all its orders (the nightly job; also after an import): counts in
 * memory, then replaces the tables. Orders arriving during a rebuild are learned again by their
 * webhook afterwards, as the rebuild records only the orders it counted.
 */
export async function rebuildModel(shopDomain: string) {
  const counts = await countShopOrders(shopDomain);
  await db.$transaction(async (tx) => {
    await tx.recommendationPair.deleteMany({ where: { shopDomain } });
    await tx.recommendationProductStat.deleteMany({ where: { shopDomain } });
    await tx.recommendationOrder.deleteMany({ where: { shopDomain } });
    const write = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
      for (let from = 0; from < rows.length; from += WRITE_BATCH) {
        await insert(rows.slice(from, from + WRITE_BATCH));
      }
    };
    await write(counts.orderIds, (batch) =>
      tx.recommendationOrder.createMany({
        data: batch.map((orderShopifyId) => ({ shopDomain, orderShopifyId })),
      }),
    );
    await write([...counts.support], (batch) =>
      tx.recommendationProductStat.createMany({
        data: batch.map(([productId, orders]) => ({ shopDomain, productId, orders })),
      }),
    );
    await write([...counts.pairs], (batch) =>
      tx.recommendationPair.createMany({
        data: batch.map(([key, orders]) => {
          const [productA, productB] = key.split("|") as [string, string];
          return { shopDomain, productA, productB, orders };
        }),
      }),
    );
  });
  return { orders: counts.orders, products: counts.support.size, pairs: counts.pairs.size };
}

/** One pass over the shop's orders, page by page, counting as it goes. */
async function countShopOrders(shopDomain: string) {
  const counts = countCoPurchases([]);
  const orderIds: string[] = [];
  for await (const page of orderProducts(shopDomain)) {
    const counted = page.filter((order) => order.productIds.length > 0);
    countCoPurchases(counted, MAX_PAIRED_PRODUCTS, counts);
    for (const order of counted) orderIds.push(order.shopifyId);
  }
  return { ...counts, orderIds };
}
