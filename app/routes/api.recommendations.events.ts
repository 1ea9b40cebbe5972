import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { checkoutOrder } from "../recommendations/checkout.server";
import { RecommendationEventSchema, recordEvents } from "../recommendations/events.server";
import { authenticate } from "../shopify.server";

/** Event requests per shop and order per minute: a page sends a handful, a script many. */
const events = new RateLimiterMemory({ keyPrefix: "rec-events", points: 30, duration: 60 });

/** CORS preflight of the thank-you block's POST. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { cors } = await authenticate.public.checkout(request);
  return cors(new Response(null, { status: 405 }));
};

/**
 * Impressions and clicks of the thank-you block's recommendations, for an order of the shop and
 * customer the checkout session token names.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const body: unknown = await request.json().catch(() => null);
  const parsed = RecommendationEventSchema.safeParse(body);
  const { shopDomain, cors, order } = await checkoutOrder(
    request,
    parsed.success ? parsed.data.orderId : null,
  );
  if (!parsed.success) {
    return cors(
      Response.json(
        { error: "invalid", issues: parsed.error.issues.map((issue) => issue.message) },
        { status: 400 },
      ),
    );
  }
  if (!order) return cors(Response.json({ error: "not_found" }, { status: 404 }));
  try {
    await events.consume(`${shopDomain}:${order.shopifyId}`);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return cors(Response.json({ error: "rate_limited" }, { status: 429 }));
  }
  const recorded = await recordEvents(shopDomain, order, parsed.data);
  return cors(Response.json({ recorded }));
};
