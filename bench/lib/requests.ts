import { sessionToken } from "../../scripts/standin/signing";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";

/**
 * A customer-account or checkout extension's GET: the customer's session token for the shop,
 * as `shopify.sessionToken.get()` gives it. Resolves to the HTTP status once the body is read.
 */
export async function customerGet(
  url: string,
  shop: string,
  customerShopifyId: string,
): Promise<number> {
  const token = customerSessionToken(shop, customerShopifyId);
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_UA },
  });
  await response.arrayBuffer();
  return response.status;
}

/** The signed-in customer's session token for the shop, as a customer-account extension holds it. */
export function customerSessionToken(shop: string, customerShopifyId: string | bigint) {
  return sessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: TEST_API_SECRET,
    issuer: "shop",
    sub: `gid://shopify/Customer/${customerShopifyId}`,
  });
}
