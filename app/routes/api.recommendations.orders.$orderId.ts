import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkoutOrder } from "../recommendations/checkout.server";
import { orderRecommendations } from "../recommendations/recommendations.server";
import { orderNpsAnswer } from "../surveys/surveys.server";

/**
 * "You may also like" for the thank-you and order-status blocks: products bought with this
 * order's, for the shop and customer the checkout session token names; with the NPS answer
 * already given for the order, so a block shows it rather than asking again.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shopDomain, cors, order } = await checkoutOrder(request, params.orderId);
  if (!order) return cors(Response.json({ error: "not_found" }, { status: 404 }));
  const [products, nps] = await Promise.all([
    orderRecommendations(shopDomain, order.shopifyId),
    orderNpsAnswer(shopDomain, order.shopifyId),
  ]);
  return cors(Response.json({ products, nps }));
};
