import { decode } from "turbo-stream";
import { inject } from "vitest";
import { sessionToken, signAppProxyQuery, webhookHeaders } from "../../scripts/standin/signing";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET } from "./constants";

export { BROWSER_UA };

export const appUrl = () => inject("appUrl");
export const standinUrl = () => inject("standinUrl");

export interface SendWebhookOptions {
  shop: string;
  topic: string;
  body: string;
  webhookId?: string;
  triggeredAt?: Date;
  secret?: string;
  /** Header names to leave out. */
  omit?: string[];
}

/** POSTs a webhook to the app as Shopify does, signed with the app's secret unless told otherwise. */
export async function sendWebhook({
  shop,
  topic,
  body,
  webhookId,
  triggeredAt,
  secret = TEST_API_SECRET,
  omit = [],
}: SendWebhookOptions) {
  const headers = webhookHeaders(body, {
    shop,
    topic,
    secret,
    apiVersion: "2026-10",
    webhookId,
    triggeredAt,
  });
  for (const name of omit) delete headers[name];
  return fetch(`${appUrl()}/webhooks`, { method: "POST", headers, body });
}

export function adminToken(shop: string) {
  return sessionToken({ shop, apiKey: TEST_API_KEY, secret: TEST_API_SECRET });
}

/**
 * An embedded admin document request, as the admin frame makes it ("/app/x?filter=y" keeps its
 * query), to the suite's app server unless `baseUrl` names another.
 */
export function adminDocument(shop: string, path = "/app", baseUrl = appUrl()) {
  const [pathname, search = ""] = path.split("?");
  const host = Buffer.from(
    `admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`,
  ).toString("base64url");
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries({
    embedded: "1",
    host,
    shop,
    id_token: adminToken(shop),
    locale: "en",
  }))
    params.set(key, value);
  return fetch(`${baseUrl}${pathname}?${params}`, {
    headers: { "User-Agent": BROWSER_UA },
    redirect: "manual",
  });
}

/** A request from the embedded admin's JavaScript: App Bridge adds the session token. */
export function adminFetch(shop: string, pathname: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${adminToken(shop)}`);
  headers.set("User-Agent", BROWSER_UA);
  return fetch(`${appUrl()}${pathname}`, { ...init, headers, redirect: "manual" });
}

/**
 * The data a route's action answered to a `.data` request, decoded as Remix's client decodes it
 * (single fetch's turbo-stream).
 */
export async function actionData<T>(response: Response): Promise<T> {
  const decoded = await decode(response.body!);
  await decoded.done;
  return (decoded.value as { data: T }).data;
}

/** What the app asked of Shopify's Admin API for this shop (the stand-in records it). */
export async function adminApiCalls(
  shop: string,
): Promise<{ operationName: string; variables: Record<string, unknown> }[]> {
  return (await fetch(`${standinUrl()}/__standin/shops/${shop}/calls`)).json();
}

/** A shopper's request to the shop's storefront at /apps/aftercare/…, forwarded by the stand-in's App Proxy. */
export function storefrontFetch(shop: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_UA);
  return fetch(`${standinUrl()}/store/${shop}/apps/aftercare${path}`, {
    ...init,
    headers,
    redirect: "manual",
  });
}

/**
 * What Shopify's App Proxy sends the app for /apps/aftercare{path}: the query signed with the
 * app's secret, the shopper's address in X-Forwarded-For.
 */
export function appProxyFetch(
  shop: string,
  path: string,
  {
    query = {},
    ip = "203.0.113.7",
    secret = TEST_API_SECRET,
    init = {},
  }: {
    query?: Record<string, string>;
    ip?: string;
    secret?: string;
    init?: RequestInit;
  } = {},
) {
  const signed = signAppProxyQuery(new URLSearchParams(query), {
    shop,
    pathPrefix: "/apps/aftercare",
    secret,
  });
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_UA);
  headers.set("X-Forwarded-For", ip);
  return fetch(`${appUrl()}/proxy${path}?${signed}`, { ...init, headers });
}

/** The session token a customer-account UI extension gets from `shopify.sessionToken.get()`. */
export function customerAccountToken(shop: string, customerId: string | null) {
  return sessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: TEST_API_SECRET,
    issuer: "shop",
    ...(customerId ? { sub: `gid://shopify/Customer/${customerId}` } : { sub: "" }),
  });
}
