import type { LoaderFunctionArgs } from "@remix-run/node";
import { orderRecommendations } from "../recommendations/recommendations.server";
import { checkoutShopper, shopperOrder } from "../storefront/shopper.server";
import { orderNpsAnswer } from "../surveys/surveys.server";

/**
 * "You may also like" for the thank-you and order-status blocks: products bought with this
 * order's, for the order's own customer or checkout (app/storefront/shopper.server.ts); with the NPS answer
 * already given for the order, so a block shows it rather than asking again.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const shopper = await checkoutShopper(request);
  const { shopDomain, cors } = shopper;
  const order = await shopperOrder(shopper, params.orderId);
  if (!order) return cors(Response.json({ error: "not_found" }, { status: 404 }));
  const [products, nps] = await Promise.all([
    orderRecommendations(shopDomain, order),
    orderNpsAnswer(shopDomain, order.shopifyId),
  ]);
  return cors(Response.json({ products, nps }));
};
