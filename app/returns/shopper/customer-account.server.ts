import { findShopperOrder } from "../../orders/index.server";
import { shopOrigin } from "../../platform/shopify/shop-origin.server";
import {
  ReturnSubmissionSchema,
  returnableOrder,
  submitReturn,
  type ReturnableOrder,
} from "../returns.server";
import type { ShopperLocale } from "../../platform/i18n";
import { explanationText, returnsTranslator } from "./messages";
import { statusToken } from "./page.server";
import { returnOptions } from "./portal.server";

/**
 * Returns from the customer account (order action menu item + modal): the session token names
 * the customer, and only that customer's own orders can be returned. Photos are uploaded on the
 * storefront portal, which the modal links to when a reason needs them.
 */

async function customersOrder(
  shopDomain: string,
  orderShopifyId: string,
  customerShopifyId: string | null,
): Promise<ReturnableOrder | null> {
  const order = await findShopperOrder(shopDomain, { shopifyId: orderShopifyId });
  if (!order?.customerShopifyId || order.customerShopifyId !== customerShopifyId) return null;
  return returnableOrder(shopDomain, order.shopifyId);
}

export function portalUrl(shopDomain: string) {
  return `${shopOrigin(shopDomain)}/apps/aftercare/returns`;
}

export async function customerReturnOptions(
  shopDomain: string,
  orderShopifyId: string,
  customerShopifyId: string | null,
  locale: ShopperLocale,
  now = new Date(),
) {
  const order = await customersOrder(shopDomain, orderShopifyId, customerShopifyId);
  if (!order) return null;
  const t = returnsTranslator(locale);
  const options = await returnOptions(shopDomain, order, now);
  return {
    ...options,
    lines: options.lines.map((line) => ({
      ...line,
      explanations: line.explanations.map((text) => explanationText(t, text)),
    })),
    portalUrl: portalUrl(shopDomain),
  };
}

export type CustomerSubmitAnswer =
  | { status: 201 | 200; body: { returnId: string; repeated: boolean; statusUrl: string } }
  | { status: 400 | 404 | 422; body: { error: string; errors?: unknown } };

export async function customerSubmitReturn(
  shopDomain: string,
  orderShopifyId: string,
  customerShopifyId: string | null,
  input: unknown,
  locale: ShopperLocale,
  now = new Date(),
): Promise<CustomerSubmitAnswer> {
  const parsed = ReturnSubmissionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        error: "invalidRequest",
        errors: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      },
    };
  }
  const order = await customersOrder(shopDomain, orderShopifyId, customerShopifyId);
  if (!order) return { status: 404, body: { error: "notFound" } };
  const result = await submitReturn(shopDomain, order, parsed.data, "customer_account", now);
  if (!result.ok) {
    const t = returnsTranslator(locale);
    const errors = result.errors.map((error) => ({
      ...error,
      message: explanationText(t, error.message),
    }));
    return { status: 422, body: { error: "refused", errors } };
  }
  const token = statusToken(shopDomain, result.returnId);
  return {
    status: result.repeated ? 200 : 201,
    body: {
      returnId: result.returnId,
      repeated: result.repeated,
      statusUrl: `${portalUrl(shopDomain)}?status=${encodeURIComponent(token)}`,
    },
  };
}
