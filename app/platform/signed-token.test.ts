import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { config } from "../config.server";
import {
  LEGACY_LINKS_ACCEPTED_UNTIL,
  LINK_LIFETIME_DAYS,
  readToken,
  signToken,
} from "./signed-token.server";

/**
 * Issue #15, item 7: e-mail-link tokens never expired and were keyed with the API secret itself.
 * Cases: RFC 5869 (keys derived for one use), and the issue's expiry and purpose rules.
 */
const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-05T08:00:00Z");

describe("signed link tokens", () => {
  it("reads back its value for its purpose only", () => {
    const token = signToken("unsubscribe", '["shop","a@b.co"]', { now });
    expect(readToken("unsubscribe", token, now)).toBe('["shop","a@b.co"]');
    expect(readToken("open", token, now)).toBeNull();
    expect(
      readToken(
        "unsubscribe",
        token.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
        now,
      ),
    ).toBeNull();
  });

  it(`expires after ${LINK_LIFETIME_DAYS} days`, () => {
    const token = signToken("csat", "x", { now });
    expect(readToken("csat", token, new Date(now.getTime() + (LINK_LIFETIME_DAYS - 1) * DAY))).toBe(
      "x",
    );
    expect(
      readToken("csat", token, new Date(now.getTime() + LINK_LIFETIME_DAYS * DAY + 1)),
    ).toBeNull();
  });

  it("is not signed with the API secret itself", () => {
    const token = signToken("csat", "x", { now });
    const [, payload, expires, given] = token.split(".");
    const withSecret = createHmac("sha256", config().SHOPIFY_API_SECRET)
      .update(`csat:${payload}:${expires}`)
      .digest("base64url");
    expect(given).not.toBe(withSecret);
  });

  it("accepts links mailed before expiry existed until the announced date, then no more", () => {
    const payload = Buffer.from("x").toString("base64url");
    const legacy = `${payload}.${createHmac("sha256", config().SHOPIFY_API_SECRET).update(`csat:${payload}`).digest("base64url")}`;
    expect(readToken("csat", legacy, now)).toBe("x");
    expect(readToken("open", legacy, now)).toBeNull();
    expect(readToken("csat", legacy, LEGACY_LINKS_ACCEPTED_UNTIL)).toBeNull();
  });
});
