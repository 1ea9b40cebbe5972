import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import {
  deleteArticle,
  generateStarterArticles,
  getArticle,
  listArticles,
  publishedArticles,
  recordFeedback,
  saveArticle,
  slugify,
} from "./articles.server";

const shop = () => `support-${randomUUID().slice(0, 8)}.myshopify.com`;

const article = (changes: Record<string, unknown> = {}) => ({
  title: "Où est ma commande ?",
  category: "Commandes",
  kind: "faq",
  locale: "fr",
  body: "Suivez-la sur la [page de suivi](track).",
  published: true,
  ...changes,
});

describe("help center articles", () => {
  it("makes an address from the title, and refuses a second article at the same one", async () => {
    const domain = shop();
    const first = await saveArticle(domain, null, article());
    expect(first.ok).toBe(true);
    const stored = await getArticle(domain, first.ok ? first.id : "");
    expect(stored?.slug).toBe("ou-est-ma-commande");
    expect(slugify("  Rücksendung & Umtausch!  ")).toBe("rucksendung-umtausch");
    expect(await saveArticle(domain, null, article())).toEqual({
      ok: false,
      errors: { slug: ['Another article in this language already lives at "ou-est-ma-commande"'] },
    });
    // The same address in another language is another article.
    expect((await saveArticle(domain, null, article({ locale: "en" }))).ok).toBe(true);
  });

  it("explains what a form lacks", async () => {
    const result = await saveArticle(shop(), null, {
      title: " ",
      body: "",
      locale: "it",
      slug: "Not A Slug",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["body", "locale", "slug", "title"]);
    expect(result.errors.title).toEqual(["Give the article a title"]);
  });

  it("never reads, changes or deletes another shop's article", async () => {
    const owner = shop();
    const other = shop();
    const saved = await saveArticle(owner, null, article());
    const id = saved.ok ? saved.id : "";
    expect(await getArticle(other, id)).toBeNull();
    expect(await saveArticle(other, id, article({ title: "Hijacked" }))).toEqual({
      ok: false,
      errors: { form: ["Article not found"] },
    });
    expect(await deleteArticle(other, id)).toBe(false);
    expect(
      await recordFeedback({ shopDomain: other, articleId: id, helpful: false, ip: "1.2.3.4" }),
    ).toBeNull();
    expect((await getArticle(owner, id))?.title).toBe("Où est ma commande ?");
    expect(await listArticles(other, { query: "" })).toEqual([]);
  });

  it("counts one answer per article, address and day", async () => {
    const domain = shop();
    const saved = await saveArticle(domain, null, article());
    const articleId = saved.ok ? saved.id : "";
    const now = new Date("2026-12-01T10:00:00Z");
    for (const helpful of [true, false, true]) {
      expect(
        await recordFeedback({ shopDomain: domain, articleId, helpful, ip: "1.2.3.4", now }),
      ).toBe("ou-est-ma-commande");
    }
    await recordFeedback({ shopDomain: domain, articleId, helpful: false, ip: "5.6.7.8", now });
    await recordFeedback({
      shopDomain: domain,
      articleId,
      helpful: true,
      ip: "1.2.3.4",
      now: new Date("2026-12-02T10:00:00Z"),
    });
    const [listed] = await listArticles(domain, { query: "" });
    expect(listed?.feedback).toEqual({ helpful: 2, notHelpful: 1 });
  });

  it("does not take feedback on a draft", async () => {
    const domain = shop();
    const saved = await saveArticle(domain, null, article({ published: false }));
    expect(
      await recordFeedback({
        shopDomain: domain,
        articleId: saved.ok ? saved.id : "",
        helpful: true,
        ip: "1.1.1.1",
      }),
    ).toBeNull();
  });

  it("shows the shopper's language when the shop wrote in it, else the shop's primary one", async () => {
    const domain = shop();
    await db.shop.create({ data: { domain, primaryLocale: "de", name: "Laden" } });
    await saveArticle(domain, null, article({ locale: "de", title: "Versand", kind: "article" }));
    await saveArticle(domain, null, article({ locale: "fr", title: "Livraison", kind: "article" }));
    await saveArticle(domain, null, article({ locale: "es", title: "Borrador", published: false }));
    const titles = async (locale: "fr" | "es" | "en") =>
      (await publishedArticles(domain, locale)).articles.map((entry) => entry.title);
    expect(await titles("fr")).toEqual(["Livraison"]);
    expect(await titles("es")).toEqual(["Versand"]);
    expect(await titles("en")).toEqual(["Versand"]);
  });

  it("writes starter articles once and keeps the merchant's edits when asked again", async () => {
    const domain = shop();
    await db.shop.create({ data: { domain, name: "Starter shop", currencyCode: "EUR" } });
    const first = await generateStarterArticles(domain, ["en", "fr"]);
    expect(first).toEqual({ created: 10, kept: 0 });
    const [returns] = await db.supportArticle.findMany({
      where: { shopDomain: domain, locale: "en", slug: "returns" },
    });
    expect(returns?.body).toContain("**30 days**");
    await saveArticle(domain, returns!.id, { ...returns, body: "Our own words." });
    expect(await generateStarterArticles(domain, ["en", "fr", "de"])).toEqual({
      created: 5,
      kept: 10,
    });
    expect((await getArticle(domain, returns!.id))?.body).toBe("Our own words.");
  });
});
