import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { config } from "../../config.server";
import { readToken, signToken } from "../../platform/signed-token.server";

/**
 * The two ways a conversation is named outside the admin, each unforgeable:
 * - the shopper's link to the thread on the storefront, a signed link token (purpose of its own);
 * - the reply-to address of our e-mails, `reply+<id>.<mac>@INBOUND_MAIL_DOMAIN`. An address's
 *   local part is at most 64 characters (RFC 5321 §4.5.3.1.1) and some mail servers lower-case
 *   it, so the MAC is 96 bits of lower-case hex rather than the link token's base64url.
 */
const PURPOSE = "support.conversation";
const CUID = /^[a-z0-9]{20,32}$/;

export function shopperToken(conversationId: string) {
  return signToken(PURPOSE, conversationId);
}

/** The conversation id inside a live shopper token, or null. */
export function readShopperToken(token: string | null): string | null {
  if (!token || token.length > 300) return null;
  const id = readToken(PURPOSE, token);
  return id && CUID.test(id) ? id : null;
}

const CHAT_PURPOSE = "support.chat";
/** The widget's live conversation: a day, then the shopper identifies the order again. */
const CHAT_LIFETIME_DAYS = 1;

/**
 * The chat widget's conversation token: names the shop and the conversation, so the live stream
 * (on the app's own origin, where no App Proxy signature names the shop) can check both.
 */
export function chatToken(shopDomain: string, conversationId: string) {
  return signToken(CHAT_PURPOSE, `${shopDomain} ${conversationId}`, {
    lifetimeDays: CHAT_LIFETIME_DAYS,
  });
}

/** The shop and conversation inside a live chat token, or null. */
export function readChatToken(
  token: string | null,
): { shopDomain: string; conversationId: string } | null {
  if (!token || token.length > 400) return null;
  const [shopDomain, conversationId, ...rest] = (readToken(CHAT_PURPOSE, token) ?? "").split(" ");
  if (rest.length || !shopDomain || !conversationId || !CUID.test(conversationId)) return null;
  return { shopDomain, conversationId };
}

let derived: { secret: string; key: Buffer } | null = null;
function addressKey() {
  const secret = config().SHOPIFY_API_SECRET;
  if (derived?.secret !== secret) {
    const key = Buffer.from(hkdfSync("sha256", secret, "", "aftercare support reply address", 32));
    derived = { secret, key };
  }
  return derived.key;
}

const mac = (id: string) =>
  createHmac("sha256", addressKey()).update(id).digest("hex").slice(0, 24);

/** Our e-mails' reply-to for this conversation; null when no inbound domain is configured. */
export function replyAddress(conversationId: string): string | null {
  const domain = config().INBOUND_MAIL_DOMAIN;
  return domain ? `reply+${conversationId}.${mac(conversationId)}@${domain}` : null;
}

/** The conversation a reply was sent to, when the address is one of ours and its MAC holds. */
export function conversationFromAddress(recipient: string): string | null {
  const domain = config().INBOUND_MAIL_DOMAIN;
  if (!domain) return null;
  // "Name <reply+…@domain>" or the bare address; several recipients are comma-separated.
  for (const part of recipient.slice(0, 2000).split(",")) {
    const address = (/<([^>]*)>/.exec(part)?.[1] ?? part).trim().toLowerCase();
    const match = /^reply\+([a-z0-9]{20,32})\.([0-9a-f]{24})@(.+)$/.exec(address);
    if (!match || match[3] !== domain.toLowerCase()) continue;
    const [, id, given] = match as unknown as [string, string, string];
    if (timingSafeEqual(Buffer.from(given), Buffer.from(mac(id)))) return id;
  }
  return null;
}
