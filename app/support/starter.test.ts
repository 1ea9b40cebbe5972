import { describe, expect, it } from "vitest";
import { SHOPPER_LOCALES } from "../platform/i18n";
import { markdownText } from "./markdown";
import { starterArticles, type ShopPolicyFacts } from "./starter";

const FACTS: ShopPolicyFacts = {
  returnWindowDays: 45,
  resolutions: ["refund", "exchange"],
  transit: { median: 2.2, p90: 4.9, delivered: 312 },
  loyalty: {
    pointsPerUnit: 2,
    currency: "EUR",
    rewards: [{ name: "5 € off", points: 500 }],
    expiryInactiveDays: 365,
  },
};

describe("starter articles", () => {
  it.each(SHOPPER_LOCALES)("say the shop's own numbers in %s", (locale) => {
    const articles = starterArticles(FACTS, locale);
    const text = (slug: string) =>
      markdownText(articles.find((article) => article.slug === slug)?.body ?? "");
    expect(articles.map((article) => article.slug)).toEqual([
      "returns",
      "shipping-times",
      "where-is-my-order",
      "how-to-return",
      "points-and-rewards",
    ]);
    expect(text("returns")).toContain("45");
    // Rounded up to the half day: a wait is never understated.
    expect(text("shipping-times")).toMatch(/2\.5 .*5 .*312/);
    expect(text("points-and-rewards")).toMatch(/2 .*EUR[\s\S]*5 € off[\s\S]*500[\s\S]*365/);
    expect(text("how-to-return")).toContain("45");
  });

  it("lists the resolutions in the shopper's language", () => {
    expect(starterArticles(FACTS, "en")[0]?.body).toContain("a refund or an exchange");
    expect(starterArticles(FACTS, "fr")[0]?.body).toContain("un remboursement ou un échange");
  });

  it("says delivery depends on the address without a delivered parcel, and skips a program that is off", () => {
    const articles = starterArticles({ ...FACTS, transit: null, loyalty: null }, "en");
    expect(articles.find((a) => a.slug === "shipping-times")?.body).toContain(
      "depend on your address",
    );
    expect(articles.some((a) => a.slug === "points-and-rewards")).toBe(false);
  });
});
