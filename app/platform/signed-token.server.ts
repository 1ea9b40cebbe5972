import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "../config.server";

/**
 * Tokens for links that act without a login (unsubscribe, open pixel, survey ratings): the value
 * and an HMAC of it with the app's secret, bound to one purpose so a token for one link cannot
 * be used for another.
 */
function signature(purpose: string, payload: string) {
  return createHmac("sha256", config().SHOPIFY_API_SECRET)
    .update(`${purpose}:${payload}`)
    .digest("base64url");
}

export function signToken(purpose: string, value: string): string {
  const payload = Buffer.from(value).toString("base64url");
  return `${payload}.${signature(purpose, payload)}`;
}

/** The value inside a token of this purpose, or null when it was not signed by us. */
export function readToken(purpose: string, token: string): string | null {
  const [payload, given] = token.split(".");
  if (!payload || !given) return null;
  const expected = Buffer.from(signature(purpose, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return Buffer.from(payload, "base64url").toString("utf8");
}
