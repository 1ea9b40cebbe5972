import { config } from "../config.server";
import { readToken, signToken } from "../platform/signed-token.server";

/** Signed links in emails: unsubscribe (RFC 8058 one-click) and the open pixel. */
export function unsubscribeUrl(shopDomain: string, email: string) {
  return `${config().appUrl}/notifications/unsubscribe?token=${signToken("unsubscribe", JSON.stringify([shopDomain, email]))}`;
}

export function readUnsubscribeToken(value: string): { shopDomain: string; email: string } | null {
  const payload = readToken("unsubscribe", value);
  if (!payload) return null;
  const [shopDomain, email] = JSON.parse(payload) as [string, string];
  return { shopDomain, email };
}

export function openPixelUrl(messageId: string) {
  return `${config().appUrl}/notifications/open?token=${signToken("open", messageId)}`;
}

export function readOpenToken(value: string): string | null {
  return readToken("open", value);
}
