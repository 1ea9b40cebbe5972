import { inject } from "vitest";
import { sessionToken, webhookHeaders } from "../../scripts/standin/signing";
import { TEST_API_KEY, TEST_API_SECRET } from "./constants";

/** A browser's user agent: the Shopify library answers 410 to ones it takes for bots. */
export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

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

/** An embedded admin document request, as the admin frame makes it ("/app/x?filter=y" keeps its query). */
export function adminDocument(shop: string, path = "/app") {
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
  return fetch(`${appUrl()}${pathname}?${params}`, {
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

/** What the app asked of Shopify's Admin API for this shop (the stand-in records it). */
export async function adminApiCalls(
  shop: string,
): Promise<{ operationName: string; variables: Record<string, unknown> }[]> {
  return (await fetch(`${standinUrl()}/__standin/shops/${shop}/calls`)).json();
}
