import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { clientAddress, shopperBudget } from "../storefront/rate-limit.server";
import { checkoutShopper, isCustomersOrder, shopperOrder } from "../storefront/shopper.server";
import { followUpOffers, NPS_SENTIMENT } from "../surveys/follow-up.server";
import { NpsAnswerSchema, recordNps } from "../surveys/surveys.server";
import { BODY_LIMITS, readJson } from "../platform/http/body.server";

/** Answers per shop and shopper per minute: a person answers once, a script many times. */
const answers = shopperBudget({ name: "nps", perClient: 10 });

/** CORS preflight of the extensions' POST. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { cors } = await checkoutShopper(request);
  return cors(new Response(null, { status: 405 }));
};

/**
 * The NPS question on the thank-you and order-status pages: one answer per order (a second
 * updates it), for an order that answers to the checkout or customer (app/storefront/shopper.server.ts); answered with what the
 * shopper is offered next (a return or support, a review or their referral link).
 */
export const action = async ({ request, context }: ActionFunctionArgs) => {
  const shopper = await checkoutShopper(request);
  const { shopDomain, cors, customerShopifyId: customer } = shopper;
  const wait = await answers.consume(
    shopDomain,
    customer ? `customer:${customer}` : clientAddress(request, context, "direct"),
  );
  if (wait !== null) {
    return cors(
      Response.json(
        { error: "rate_limited" },
        { status: 429, headers: { "Retry-After": String(wait) } },
      ),
    );
  }
  const parsed = NpsAnswerSchema.safeParse(await readJson(request, BODY_LIMITS.publicForm));
  if (!parsed.success) {
    return cors(
      Response.json(
        { error: "invalid", issues: parsed.error.issues.map((issue) => issue.message) },
        { status: 400 },
      ),
    );
  }
  const order = await shopperOrder(shopper, parsed.data.orderId);
  if (!order) {
    return cors(Response.json({ error: "not_found" }, { status: 404 }));
  }
  const source =
    new URL(request.url).searchParams.get("source") === "order_status"
      ? "order_status"
      : "thank_you";
  // The answer, its bonus (app/flows/survey-bonus) and offers are the order's own customer's: never those of a signed-in
  // shopper answering for a guest's order.
  const owner = isCustomersOrder(shopper, order) ? customer : null;
  const result = await recordNps(shopDomain, parsed.data, { customerShopifyId: owner, source });
  const offers = await followUpOffers(shopDomain, NPS_SENTIMENT[result.group], {
    customerShopifyId: owner,
    orderName: order.name,
  });
  return cors(Response.json({ group: result.group, offers }));
};
