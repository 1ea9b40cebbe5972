import type { LoaderFunctionArgs } from "@remix-run/node";
import { findShopperOrder, getOrder } from "../orders/orders.server";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import { recommendForProducts } from "../recommendations/recommendations.server";
import { authenticate } from "../shopify.server";

/**
 * "You may also like" for the thank-you and order-status blocks: products bought with this
 * order's, for the shop and customer the checkout session token names.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { sessionToken, cors } = await authenticate.public.checkout(request);
  const shopDomain = new URL(sessionToken.dest).hostname;
  const orderId = shopifyIdOrNull(params.orderId);
  const customer = shopifyIdOrNull(sessionToken.sub);
  const order = orderId ? await findShopperOrder(shopDomain, { shopifyId: orderId }) : null;
  if (!order || (order.customerShopifyId && order.customerShopifyId !== customer)) {
    return cors(Response.json({ error: "not_found" }, { status: 404 }));
  }
  const lines = (await getOrder(shopDomain, order.shopifyId))?.lineItems ?? [];
  const products = await recommendForProducts(
    shopDomain,
    lines.flatMap((line) => (line.productId ? [line.productId] : [])),
  );
  return cors(
    Response.json({
      products: products.map((product) => ({
        ...product,
        url: `https://${shopDomain}/products/${product.handle}`,
        cartUrl: product.variantId ? `https://${shopDomain}/cart/${product.variantId}:1` : null,
      })),
    }),
  );
};
