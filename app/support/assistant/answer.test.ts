import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { saveArticle } from "../articles.server";
import { askAboutAnasOrder, storeOrder } from "./orders.testing";

const question = askAboutAnasOrder;

describe("support assistant", () => {
  it("never matches an order that has no email, whatever is typed", async () => {
    const shop = `assistant-${randomUUID().slice(0, 8)}.myshopify.com`;
    await storeOrder(shop, "#1001", null);
    for (const email of ["ana@example.com", " ", "\u0000no email", "null"]) {
      const result = await question(shop, { email });
      expect(result.ok).toBe(false);
    }
    expect(await question(shop, { email: "ana@example.com" })).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await question(shop, { email: "\u0000no email" })).toEqual({
      ok: false,
      error: "invalidText",
    });
  });

  it("answers points for a guest order by saying it has no rewards account", async () => {
    const shop = `assistant-${randomUUID().slice(0, 8)}.myshopify.com`;
    await storeOrder(shop, "#1001", "ana@example.com");
    expect(await question(shop, { email: " ANA@example.com " })).toEqual({
      ok: true,
      intent: "loyalty.points",
      answer: { kind: "noPoints" },
    });
    expect(await question(shop, { orderNumber: "1001", question: "cancel my order" })).toEqual({
      ok: true,
      intent: "order.cancel",
      answer: { kind: "cancel", orderName: "#1001", shipped: false },
    });
  }, 60_000);

  it("refuses what is not a question before looking anything up", async () => {
    const shop = `assistant-${randomUUID().slice(0, 8)}.myshopify.com`;
    expect(await question(shop, { question: "  " })).toEqual({ ok: false, error: "missingFields" });
    expect(await question(shop, { question: "x".repeat(501) })).toEqual({
      ok: false,
      error: "questionTooLong",
    });
    expect(await question(shop, { orderNumber: "1001\u0007" })).toEqual({
      ok: false,
      error: "invalidText",
    });
  });

  it("answers an off-topic question with not sure, the best matching articles and the shop", async () => {
    const shop = `assistant-${randomUUID().slice(0, 8)}.myshopify.com`;
    await storeOrder(shop, "#1001", "ana@example.com");
    for (const [title, body] of [
      ["Gift cards", "Our gift cards come in 25, 50 and 100 euros and never expire."],
      ["Return policy", "Return any item within 30 days."],
    ]) {
      expect(await saveArticle(shop, null, { title, body, locale: "en" })).toMatchObject({
        ok: true,
      });
    }
    expect(await question(shop, { question: "do you sell gift cards" })).toEqual({
      ok: true,
      intent: null,
      answer: {
        kind: "unsure",
        orderName: "#1001",
        articles: [{ slug: "gift-cards", title: "Gift cards" }],
      },
    });
    // Nothing in the help center matches: still not sure, still the way to a person (the page).
    expect(await question(shop, { question: "tell me a joke" })).toEqual({
      ok: true,
      intent: null,
      answer: { kind: "unsure", orderName: "#1001", articles: [] },
    });
  }, 60_000);
});
