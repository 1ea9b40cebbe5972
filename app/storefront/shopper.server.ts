import { timingSafeEqual } from "node:crypto";
import { checkoutTokenDigest, findShopperOrder, type ShopperOrder } from "../orders/orders.server";
import { shopifyIdOrNull } from "../platform/shopify/gid";
import { authenticate } from "../shopify.server";

/**
 * Who a shopper-facing extension request comes from, and which orders answer to them. Every
 * checkout (thank-you, order-status) and customer-account endpoint goes through here, so the
 * rules below hold everywhere:
 * - the session token's `sub` is a customer only when it is `gid://shopify/Customer/<digits>`
 *   (any other app-signed subject is no one);
 * - a customer's order answers to that customer;
 * - a guest order answers only to the checkout that placed it: the extension sends the checkout's
 *   token (Checkout Token API, equal to the order's `checkout_token`) in CHECKOUT_TOKEN_HEADER,
 *   compared with the digest the order keeps; never to another checkout or a signed-in customer;
 * - a redacted order (its customer removed by customers/redact) answers to no one.
 */
export const CHECKOUT_TOKEN_HEADER = "X-Aftercare-Checkout-Token";

export interface Shopper {
  shopDomain: string;
  /** The signed-in customer's numeric id, or null for a guest. */
  customerShopifyId: string | null;
  /** The checkout the request says it comes from (thank-you and order-status pages). */
  checkoutToken: string | null;
  cors: (response: Response) => Response;
}

/** `gid://shopify/Customer/123` → "123"; anything else (another type, junk, absent) → null. */
export function customerFromSubject(sub: string | undefined | null): string | null {
  const match = /^gid:\/\/shopify\/Customer\/(\d{1,20})$/.exec(sub ?? "");
  return match?.[1] ?? null;
}

/** A thank-you or order-status block's request (checkout session token). */
export async function checkoutShopper(request: Request): Promise<Shopper> {
  const { sessionToken, cors } = await authenticate.public.checkout(request, {
    corsHeaders: [CHECKOUT_TOKEN_HEADER],
  });
  return {
    shopDomain: new URL(sessionToken.dest).hostname,
    customerShopifyId: customerFromSubject(sessionToken.sub),
    checkoutToken: request.headers.get(CHECKOUT_TOKEN_HEADER)?.slice(0, 200) || null,
    cors,
  };
}

/** A customer-account extension's request: only a signed-in customer owns anything there. */
export async function customerAccountShopper(request: Request): Promise<Shopper> {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  return {
    shopDomain: new URL(sessionToken.dest).hostname,
    customerShopifyId: customerFromSubject(sessionToken.sub),
    checkoutToken: null,
    cors,
  };
}

/** Whether the order answers to this shopper (see above); a pure rule on what was read. */
export function ownsOrder(shopper: Shopper, order: ShopperOrder): boolean {
  if (order.redacted) return false;
  if (order.customerShopifyId !== null) {
    return order.customerShopifyId === shopper.customerShopifyId;
  }
  if (!shopper.checkoutToken || !order.checkoutTokenDigest) return false;
  return timingSafeEqual(
    Buffer.from(checkoutTokenDigest(shopper.checkoutToken)),
    Buffer.from(order.checkoutTokenDigest.padEnd(64).slice(0, 64)),
  );
}

/** Whether the order is the signed-in shopper's own as a customer: what earns them rewards. */
export function isCustomersOrder(shopper: Shopper, order: ShopperOrder): boolean {
  return (
    !order.redacted &&
    shopper.customerShopifyId !== null &&
    order.customerShopifyId === shopper.customerShopifyId
  );
}

/**
 * The shop's order with this id (numeric or gid) when it answers to the shopper; null otherwise,
 * so the caller answers 404 whether or not it exists.
 */
export async function shopperOrder(
  shopper: Shopper,
  orderId: unknown,
): Promise<ShopperOrder | null> {
  const id = typeof orderId === "string" ? shopifyIdOrNull(orderId) : null;
  const order = id ? await findShopperOrder(shopper.shopDomain, { shopifyId: id }) : null;
  return order && ownsOrder(shopper, order) ? order : null;
}
