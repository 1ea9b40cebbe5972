import { z } from "zod";
import { db } from "../db.server";
import { readToken, signToken } from "../platform/signed-token.server";
import { shopProfile } from "../shops/index.server";
import { RECOMMENDATION_SURFACES, recordEvent, type RecommendationSurface } from "./events.server";
import { emailRecommendations, orderRecommendations } from "./recommendations.server";

/** The purpose a recommendation's click link is signed for (no other link's token is one). */
const CLICK_PURPOSE = "recommendation-click";
/** A tracking page is looked at for days after delivery at most; its links need not live longer. */
const CLICK_LINK_DAYS = 60;

const ClickSchema = z.tuple([
  z.string(),
  z.string().regex(/^\d+$/),
  z.string().regex(/^\d+$/),
  z.enum(RECOMMENDATION_SURFACES),
]);

export interface TrackingRecommendation {
  productId: string;
  title: string;
  imageUrl: string | null;
  /** Minor units of `currency`. */
  price: number;
  currency: string;
  /** Where the shopper's click goes: our redirect, which records it, then the product. */
  clickUrl: string;
}

/**
 * "You may also like" on the storefront tracking page for the order a shopper looked up (number
 * and email): the order's recommendations (co-purchase model, not the order's own products, only
 * products in stock and not excluded, none for a held-out customer), each recorded as shown on
 * the surface `tracking_page`, with a signed link to `clickPath` that records the click.
 */
export async function trackingPageRecommendations(
  shopDomain: string,
  order: { shopifyId: string; customerShopifyId: string | null },
  clickPath: string,
): Promise<TrackingRecommendation[]> {
  const surface: RecommendationSurface = "tracking_page";
  const [products, shop] = await Promise.all([
    orderRecommendations(shopDomain, order),
    shopProfile(shopDomain),
  ]);
  await recordEvent(
    shopDomain,
    order,
    products.map((product) => product.productId),
    "impression",
    surface,
  );
  return products.map((product) => ({
    productId: product.productId,
    title: product.title,
    imageUrl: product.imageUrl,
    price: product.price,
    currency: shop?.currency ?? "USD",
    clickUrl: `${clickPath}?r=${clickToken(shopDomain, order.shopifyId, product.productId, surface)}`,
  }));
}

const clickToken = (
  shopDomain: string,
  orderShopifyId: string,
  productId: string,
  surface: RecommendationSurface,
) =>
  signToken(CLICK_PURPOSE, JSON.stringify([shopDomain, orderShopifyId, productId, surface]), {
    lifetimeDays: CLICK_LINK_DAYS,
  });

/**
 * A shipment email's "You may also like" for this order: each link goes through the storefront's
 * click redirect (`/apps/aftercare/track/go`), which records the click on the surface `email`
 * and sends the shopper on to the product. `recordEmailImpressions` records them as shown once
 * the email is on its way.
 */
export async function trackedEmailRecommendations(
  shopDomain: string,
  productIds: string[],
  order: { shopifyId: string },
) {
  const products = await emailRecommendations(shopDomain, productIds);
  return products.map(({ productId, ...product }) => ({
    ...product,
    productId,
    url: `https://${shopDomain}/apps/aftercare/track/go?r=${clickToken(shopDomain, order.shopifyId, productId, "email")}`,
  }));
}

export async function recordEmailImpressions(
  shopDomain: string,
  order: { shopifyId: string; customerShopifyId: string | null },
  productIds: string[],
) {
  await recordEvent(shopDomain, order, productIds, "impression", "email");
}

/**
 * A shopper followed a recommendation's link: records the click (when that product was shown for
 * that order on that surface) and answers where to send them, always one of this shop's product
 * pages (or its home page when the product is gone). Null for a link that is not ours, has
 * expired or was made for another shop.
 */
export async function followRecommendation(
  shopDomain: string,
  token: string,
): Promise<string | null> {
  const value = readToken(CLICK_PURPOSE, token);
  if (value === null) return null;
  let parsed: z.infer<typeof ClickSchema>;
  try {
    parsed = ClickSchema.parse(JSON.parse(value));
  } catch {
    return null;
  }
  const [forShop, orderShopifyId, productId, surface] = parsed;
  if (forShop !== shopDomain) return null;
  const impression = await db.recommendationEvent.findUnique({
    where: {
      shopDomain_orderShopifyId_productId_kind_surface: {
        shopDomain,
        orderShopifyId,
        productId,
        kind: "impression",
        surface,
      },
    },
    select: { customerShopifyId: true },
  });
  if (impression) {
    await recordEvent(
      shopDomain,
      { shopifyId: orderShopifyId, customerShopifyId: impression.customerShopifyId },
      productId,
      "click",
      surface,
    );
  }
  const product = await db.recommendationProduct.findUnique({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId: productId } },
    select: { handle: true },
  });
  return product
    ? `https://${shopDomain}/products/${encodeURIComponent(product.handle)}`
    : `https://${shopDomain}/`;
}
