import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { BODY_LIMITS, readJson } from "../platform/http/body.server";
import { RecommendationEventSchema, recordEvents } from "../recommendations/events.server";
import { shopperBudget } from "../storefront/rate-limit.server";
import { checkoutShopper, shopperOrder } from "../storefront/shopper.server";

/** Event requests per shop and order per minute: a page sends a handful, a script many. */
const events = shopperBudget({ name: "rec-events", perClient: 30 });

/** CORS preflight of the thank-you block's POST. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { cors } = await checkoutShopper(request);
  return cors(new Response(null, { status: 405 }));
};

/**
 * Impressions and clicks of the thank-you block's recommendations, for an order that answers to
 * the checkout or customer sending them (app/storefront/shopper.server.ts).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  // A stranger's body is never read: the session token is checked first.
  const shopper = await checkoutShopper(request);
  const { shopDomain, cors } = shopper;
  const body = await readJson(request, BODY_LIMITS.publicForm);
  const parsed = RecommendationEventSchema.safeParse(body);
  const order = await shopperOrder(shopper, parsed.success ? parsed.data.orderId : null);
  if (!parsed.success) {
    return cors(
      Response.json(
        { error: "invalid", issues: parsed.error.issues.map((issue) => issue.message) },
        { status: 400 },
      ),
    );
  }
  if (!order) return cors(Response.json({ error: "not_found" }, { status: 404 }));
  const wait = await events.consume(shopDomain, `order:${order.shopifyId}`);
  if (wait !== null) {
    return cors(
      Response.json(
        { error: "rate_limited" },
        { status: 429, headers: { "Retry-After": String(wait) } },
      ),
    );
  }
  const recorded = await recordEvents(shopDomain, order, parsed.data);
  return cors(Response.json({ recorded }));
};
