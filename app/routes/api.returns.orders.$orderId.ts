import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { negotiateLocale } from "../platform/i18n";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import {
  customerReturnOptions,
  customerSubmitReturn,
} from "../returns/shopper/customer-account.server";
import { customerAccountShopper } from "../storefront/shopper.server";
import { BODY_LIMITS, readJson } from "../platform/http/body.server";
import { limitLookup } from "../storefront/rate-limit.server";

/**
 * The customer-account return modal's backend: GET what the signed-in customer may return from
 * one of their orders and how; POST a return of it. OPTIONS preflights are answered by
 * `authenticate.public.customerAccount`.
 */
async function customerRequest(request: Request, orderIdParam: string | undefined) {
  const { shopDomain, customerShopifyId: customer, cors } = await customerAccountShopper(request);
  const orderId = shopifyIdOrNull(orderIdParam);
  const wait = await limitLookup(shopDomain, `customer:${customer ?? "none"}`);
  const refusal =
    wait !== null
      ? cors(
          Response.json(
            { error: "rate_limited" },
            { status: 429, headers: { "Retry-After": String(wait) } },
          ),
        )
      : !orderId || !customer
        ? cors(Response.json({ error: "notFound" }, { status: 404 }))
        : null;
  const locale = negotiateLocale([new URL(request.url).searchParams.get("locale")]);
  return { shopDomain, customer, orderId: orderId ?? "", locale, cors, refusal };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shopDomain, customer, orderId, locale, cors, refusal } = await customerRequest(
    request,
    params.orderId,
  );
  if (refusal) return refusal;
  const options = await customerReturnOptions(shopDomain, orderId, customer, locale);
  if (!options) return cors(Response.json({ error: "notFound" }, { status: 404 }));
  return cors(Response.json(options, { headers: { "Cache-Control": "private, no-store" } }));
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shopDomain, customer, orderId, locale, cors, refusal } = await customerRequest(
    request,
    params.orderId,
  );
  if (refusal) return refusal;
  const body: unknown = await readJson(request, BODY_LIMITS.publicForm);
  const answer = await customerSubmitReturn(shopDomain, orderId, customer, body, locale);
  return cors(Response.json(answer.body, { status: answer.status }));
};
