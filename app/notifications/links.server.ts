import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "../config.server";

/**
 * Signed links in emails: unsubscribe (RFC 8058 one-click) and the open pixel. The signature
 * (HMAC with the app's secret) is what lets a link act without a login, and only on what it names.
 */
function sign(purpose: string, payload: string) {
  return createHmac("sha256", config().SHOPIFY_API_SECRET)
    .update(`${purpose}:${payload}`)
    .digest("base64url");
}

function verified(purpose: string, token: string): string | null {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(payload, "base64url").toString("utf8");
}

function token(purpose: string, value: string) {
  const payload = Buffer.from(value).toString("base64url");
  return `${payload}.${sign(purpose, payload)}`;
}

export function unsubscribeUrl(shopDomain: string, email: string) {
  return `${config().appUrl}/notifications/unsubscribe?token=${token("unsubscribe", JSON.stringify([shopDomain, email]))}`;
}

export function readUnsubscribeToken(value: string): { shopDomain: string; email: string } | null {
  const payload = verified("unsubscribe", value);
  if (!payload) return null;
  const [shopDomain, email] = JSON.parse(payload) as [string, string];
  return { shopDomain, email };
}

export function openPixelUrl(messageId: string) {
  return `${config().appUrl}/notifications/open?token=${token("open", messageId)}`;
}

export function readOpenToken(value: string): string | null {
  return verified("open", value);
}
