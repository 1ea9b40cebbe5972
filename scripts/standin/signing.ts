import { createHmac, randomUUID } from "node:crypto";

/**
 * Shopify's signatures, produced the way Shopify produces them, for the stand-in and for tests
 * that send "real" requests to the app.
 */

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app's client secret. */
export function webhookHmac(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

/**
 * App proxy `signature`: hex HMAC-SHA256 over the key-sorted `key=value` pairs (repeated keys
 * joined with commas) concatenated without separators, `signature` itself excluded.
 */
export function appProxySignature(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped]
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .sort()
    .join("");
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

/** Adds Shopify's proxy parameters and signature to a query string. */
export function signAppProxyQuery(
  query: URLSearchParams,
  {
    shop,
    pathPrefix,
    secret,
    loggedInCustomerId = "",
    timestamp = Math.floor(Date.now() / 1000),
  }: {
    shop: string;
    pathPrefix: string;
    secret: string;
    loggedInCustomerId?: string;
    timestamp?: number;
  },
): URLSearchParams {
  const signed = new URLSearchParams(query);
  signed.delete("signature");
  signed.set("shop", shop);
  signed.set("logged_in_customer_id", loggedInCustomerId);
  signed.set("path_prefix", pathPrefix);
  signed.set("timestamp", String(timestamp));
  signed.set("signature", appProxySignature(signed, secret));
  return signed;
}

function base64url(input: string | Buffer) {
  return Buffer.from(input).toString("base64url");
}

export interface SessionTokenOptions {
  shop: string;
  apiKey: string;
  secret: string;
  /** Admin user id (admin tokens) or customer gid (checkout / customer account tokens). */
  sub?: string;
  /** Admin tokens are issued by https://{shop}/admin; extension tokens by the shop itself. */
  issuer?: "admin" | "shop";
  lifetimeSeconds?: number;
  now?: number;
}

/** A session token (id_token) as App Bridge and UI extensions get them: HS256 with the client secret. */
export function sessionToken({
  shop,
  apiKey,
  secret,
  sub = "1",
  issuer = "admin",
  lifetimeSeconds = 60,
  now = Math.floor(Date.now() / 1000),
}: SessionTokenOptions): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: issuer === "admin" ? `https://${shop}/admin` : `https://${shop}`,
      dest: `https://${shop}`,
      aud: apiKey,
      sub,
      exp: now + lifetimeSeconds,
      nbf: now - 5,
      iat: now,
      jti: randomUUID(),
      sid: randomUUID(),
    }),
  );
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export interface WebhookRequestOptions {
  shop: string;
  topic: string;
  secret: string;
  apiVersion: string;
  webhookId?: string;
  triggeredAt?: Date;
  eventId?: string;
}

/** The headers Shopify sends with an HTTPS webhook delivery of `rawBody`. */
export function webhookHeaders(
  rawBody: string,
  options: WebhookRequestOptions,
): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": options.topic,
    "X-Shopify-Hmac-Sha256": webhookHmac(rawBody, options.secret),
    "X-Shopify-Shop-Domain": options.shop,
    "X-Shopify-API-Version": options.apiVersion,
    "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
    "X-Shopify-Triggered-At": (options.triggeredAt ?? new Date()).toISOString(),
    "X-Shopify-Event-Id": options.eventId ?? randomUUID(),
    "User-Agent": "Shopify-Captain-Hook",
  };
}
