import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { config } from "../config.server";

/**
 * Tokens for links that act without a login (unsubscribe, open pixel, survey ratings, a return's
 * status and label): the value, when it expires, and an HMAC of both bound to one purpose, so a
 * token for one link cannot be used for another and a leaked or forwarded link stops working.
 *
 * The HMAC key is derived from the app's secret (HKDF-SHA256, its own `info`), never the secret
 * itself, which also signs Shopify's webhooks and session tokens: a link token is no oracle for
 * those. Links live LINK_LIFETIME_DAYS by default.
 *
 * Links sent before expiry existed (`<payload>.<hmac with the raw secret>`) keep working until
 * LEGACY_LINKS_ACCEPTED_UNTIL, so emails already delivered do not break at once; after that date
 * their verification code is to be deleted.
 */
export const LINK_LIFETIME_DAYS = 180;
export const LEGACY_LINKS_ACCEPTED_UNTIL = new Date("2027-06-05T00:00:00Z");

const DAY_MS = 24 * 60 * 60 * 1000;
const VERSION = "v2";

let derived: { secret: string; key: Buffer } | null = null;
function linkKey() {
  const secret = config().SHOPIFY_API_SECRET;
  if (derived?.secret !== secret) {
    const key = Buffer.from(hkdfSync("sha256", secret, "", "aftercare signed links v2", 32));
    derived = { secret, key };
  }
  return derived.key;
}

function hmac(key: Buffer | string, text: string) {
  return createHmac("sha256", key).update(text).digest("base64url");
}

function sameText(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function signToken(
  purpose: string,
  value: string,
  { lifetimeDays = LINK_LIFETIME_DAYS, now = new Date() } = {},
): string {
  const payload = Buffer.from(value).toString("base64url");
  const expires = Math.floor((now.getTime() + lifetimeDays * DAY_MS) / 1000).toString(36);
  return `${VERSION}.${payload}.${expires}.${hmac(linkKey(), `${purpose}:${payload}:${expires}`)}`;
}

/** The value inside a live token of this purpose, or null when it is not ours or has expired. */
export function readToken(purpose: string, token: string, now = new Date()): string | null {
  const parts = token.split(".");
  if (parts.length === 2) return readLegacyToken(purpose, parts, now);
  const [version, payload, expires, given] = parts;
  if (parts.length !== 4 || version !== VERSION || !payload || !expires || !given) return null;
  if (!sameText(given, hmac(linkKey(), `${purpose}:${payload}:${expires}`))) return null;
  if (parseInt(expires, 36) * 1000 <= now.getTime()) return null;
  return Buffer.from(payload, "base64url").toString("utf8");
}

function readLegacyToken(purpose: string, [payload, given]: string[], now: Date) {
  if (!payload || !given || now >= LEGACY_LINKS_ACCEPTED_UNTIL) return null;
  if (!sameText(given, hmac(config().SHOPIFY_API_SECRET, `${purpose}:${payload}`))) return null;
  return Buffer.from(payload, "base64url").toString("utf8");
}
