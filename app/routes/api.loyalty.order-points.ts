import type { LoaderFunctionArgs } from "@remix-run/node";
import { orderPoints } from "../loyalty/queries.server";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import { toMinorUnits } from "../platform/shopify/money";
import { checkoutShopper } from "../storefront/shopper.server";

/**
 * The thank-you page block's data: the points the order earns (pending until the return window
 * closes). The checkout session token names the shop and, when signed in, the customer.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shopDomain, customerShopifyId, cors } = await checkoutShopper(request);
  const params = new URL(request.url).searchParams;
  const currency = params.get("currency");
  const subtotal = params.get("subtotal");
  const points = await orderPoints(
    shopDomain,
    shopifyIdOrNull(params.get("orderId")),
    customerShopifyId,
    {
      currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
      subtotal:
        currency && subtotal && /^\d{1,9}(\.\d{1,3})?$/.test(subtotal)
          ? toMinorUnits(subtotal, currency)
          : null,
    },
  );
  return cors(Response.json(points, { headers: { "Cache-Control": "private, no-store" } }));
};
