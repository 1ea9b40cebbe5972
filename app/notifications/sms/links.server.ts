import { randomInt } from "node:crypto";
import { config } from "../../config.server";
import { db } from "../../db.server";
import { SHORT_CODE_LENGTH } from "./templates";

const ALPHABET = "23456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

function newCode() {
  return Array.from({ length: SHORT_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(
    "",
  );
}

/**
 * A short link for a URL in an SMS: `/s/<code>` (8 characters from 57: unguessable enough that
 * links cannot be enumerated, short enough to keep a message in one segment), counting clicks.
 */
export async function shortenLink(shopDomain: string, messageId: string, url: string) {
  const existing = await db.smsLink.findFirst({ where: { shopDomain, messageId, url } });
  const code = existing?.code ?? newCode();
  if (!existing) await db.smsLink.create({ data: { code, shopDomain, messageId, url } });
  return `${config().appUrl}/s/${code}`;
}

/** Where a short link goes, counting the click; null for a code that is not ours. */
export async function followShortLink(code: string): Promise<string | null> {
  if (!new RegExp(`^[${ALPHABET}]{${SHORT_CODE_LENGTH}}$`).test(code)) return null;
  const link = await db.smsLink.findUnique({ where: { code } });
  if (!link) return null;
  await db.smsLink.update({
    where: { code },
    data: { clicks: { increment: 1 }, firstClickedAt: link.firstClickedAt ?? new Date() },
  });
  return link.url;
}
