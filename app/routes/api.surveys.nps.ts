import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { awardSurveyBonus } from "../loyalty/members.server";
import { findShopperOrder } from "../orders/orders.server";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import { authenticate } from "../shopify.server";
import { followUpOffers, NPS_SENTIMENT } from "../surveys/follow-up.server";
import { NpsAnswerSchema, recordNps } from "../surveys/surveys.server";

/** Answers per shop and shopper per minute: a person answers once, a script many times. */
const answers = new RateLimiterMemory({ keyPrefix: "nps", points: 10, duration: 60 });

/** CORS preflight of the extensions' POST. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { cors } = await authenticate.public.checkout(request);
  return cors(new Response(null, { status: 405 }));
};

/**
 * The NPS question on the thank-you and order-status pages: one answer per order (a second
 * updates it), for the shop and customer the session token names; answered with what the
 * shopper is offered next (a return or support, a review or their referral link).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { sessionToken, cors } = await authenticate.public.checkout(request);
  const shopDomain = new URL(sessionToken.dest).hostname;
  const customer = shopifyIdOrNull(sessionToken.sub);
  try {
    await answers.consume(`${shopDomain}:${customer ?? request.headers.get("x-forwarded-for")}`);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return cors(Response.json({ error: "rate_limited" }, { status: 429 }));
  }
  const parsed = NpsAnswerSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return cors(
      Response.json(
        { error: "invalid", issues: parsed.error.issues.map((issue) => issue.message) },
        { status: 400 },
      ),
    );
  }
  const order = await findShopperOrder(shopDomain, { shopifyId: parsed.data.orderId });
  if (!order || (order.customerShopifyId && order.customerShopifyId !== customer)) {
    return cors(Response.json({ error: "not_found" }, { status: 404 }));
  }
  const source =
    new URL(request.url).searchParams.get("source") === "order_status"
      ? "order_status"
      : "thank_you";
  const result = await recordNps(shopDomain, parsed.data, { customerShopifyId: customer, source });
  if (customer) await awardSurveyBonus(shopDomain, customer, result.responseId);
  const offers = await followUpOffers(shopDomain, NPS_SENTIMENT[result.group], {
    customerShopifyId: customer,
    orderName: order.name,
  });
  return cors(Response.json({ group: result.group, offers }));
};
