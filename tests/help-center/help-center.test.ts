import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { adminDocument, adminFetch, appProxyFetch, storefrontFetch } from "../support/http";
import { installShop } from "../support/install";

/** A form post as the admin's pages and the storefront's forms send it. */
const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/** A shop whose merchant created the starter articles from the admin. */
async function shopWithHelpCenter(label: string) {
  const shop = uniqueShop(label);
  await installShop(shop);
  const response = await adminFetch(
    shop,
    "/app/support/articles.data?index",
    form({ intent: "starter" }),
  );
  expect(response.status).toBe(200);
  expect(await db.supportArticle.count({ where: { shopDomain: shop } })).toBe(20);
  return shop;
}

/** The merchant writes an article in the admin. */
async function writeArticle(shop: string, fields: Record<string, string>) {
  const response = await adminFetch(
    shop,
    "/app/support/articles/new.data",
    form({ kind: "article", locale: "en", category: "", published: "on", ...fields }),
  );
  expect(response.status).toBeLessThan(400);
  return db.supportArticle.findFirstOrThrow({
    where: { shopDomain: shop, title: fields.title },
  });
}

// Liquid a shopper (or a merchant's pasted text) could try: Shopify's output and logic tags
// (shopify.dev/docs/api/liquid), the objects a storefront renders them against.
const LIQUID_PAYLOAD = "{{ shop.name }} {% assign pwned = 'yes' %}{{ pwned }}{{ customer.email }}";

async function renderAsShopify(liquid: string) {
  return new Liquid().parseAndRender(liquid, {
    shop: { name: "LEAKED-SHOP-NAME" },
    customer: { email: "leaked@example.com" },
  });
}

describe("storefront help center (App Proxy)", () => {
  it("shows the starter articles inside the theme in the shopper's language", async () => {
    const shop = await shopWithHelpCenter("help-home");
    const english = await storefrontFetch(shop, "/help");
    expect(english.status).toBe(200);
    const html = await english.text();
    expect(html).toContain("theme stand-in");
    expect(html).toContain("<h1>Help center</h1>");
    expect(html).toContain("<summary>Where is my order?</summary>");
    expect(html).toContain('href="help?article=returns">Our return policy</a>');
    expect(html).toContain("You have 30 days from delivery.");

    const french = await storefrontFetch(shop, "/help", {
      headers: { "Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5" },
    });
    const page = await french.text();
    expect(page).toContain("<h1>Centre d&#x27;aide</h1>");
    expect(page).toContain("<summary>Où est ma commande ?</summary>");
    const german = await (await storefrontFetch(shop, "/help?locale=de")).text();
    expect(german).toContain("Unsere Rückgaberichtlinie");
    expect(german).toContain('href="help?article=returns&amp;locale=de"');
  });

  it("finds an article despite a typo, and opens it", async () => {
    const shop = await shopWithHelpCenter("help-search");
    const results = await (await storefrontFetch(shop, "/help?q=retrun+polcy")).text();
    expect(results).toContain("Results for “retrun polcy”");
    expect(results).toMatch(
      /<div class="ac-hit"><a href="help\?article=returns">Our return policy<\/a>/,
    );
    const nothing = await (await storefrontFetch(shop, "/help?q=zebra")).text();
    expect(nothing).toContain("No article matches “zebra”");

    const article = await storefrontFetch(shop, "/help?article=returns");
    expect(article.status).toBe(200);
    const body = await article.text();
    expect(body).toContain('<h1 id="ac-article-title">Our return policy</h1>');
    expect(body).toContain("Was this article helpful?");
  });

  it("reflects a Liquid and HTML payload from the search box as inert text", async () => {
    const shop = await shopWithHelpCenter("help-liquid");
    const query = `${LIQUID_PAYLOAD}<script>alert(1)</script>`;
    const response = await appProxyFetch(shop, "/help", { query: { q: query } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/liquid");
    const liquid = await response.text();
    const markup = liquid.replace(/<style>[\s\S]*?<\/style>/, "");
    expect(markup).not.toMatch(/[{}]/);
    expect(markup).not.toContain("<script>");
    expect(markup).toContain("&#123;&#123; shop.name &#125;&#125;");
    // What Shopify would do with it: render it as Liquid. Nothing runs; the shopper sees the text.
    const rendered = await renderAsShopify(liquid);
    expect(rendered).toBe(liquid);
    expect(rendered).not.toMatch(/LEAKED|leaked@example.com|pwned = 'yes'.*yes/);
  });

  it("renders a merchant's article with Liquid and HTML in it as text, Markdown as markup", async () => {
    const shop = await shopWithHelpCenter("help-article-liquid");
    await writeArticle(shop, {
      title: "Sizes {{ shop.name }}",
      body: `## Our sizes\n\n${LIQUID_PAYLOAD}\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))`,
    });
    const response = await appProxyFetch(shop, "/help", {
      query: { article: "sizes-shop-name" },
    });
    expect(response.status).toBe(200);
    const liquid = await response.text();
    expect(liquid).toContain("<h2>Our sizes</h2>");
    expect(liquid).toContain("Sizes &#123;&#123; shop.name &#125;&#125;</h1>");
    expect(liquid).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(liquid).not.toMatch(/<img|href="javascript/);
    expect(await renderAsShopify(liquid)).toBe(liquid);
  });

  it("refuses an unsigned request and never shows another shop's article", async () => {
    const shop = await shopWithHelpCenter("help-owner");
    const other = await shopWithHelpCenter("help-other");
    const secret = await writeArticle(shop, { title: "Wholesale terms", body: "Only ours." });
    expect((await appProxyFetch(shop, "/help", { secret: "wrong-secret" })).status).toBe(400);
    const elsewhere = await appProxyFetch(other, "/help", {
      query: { article: secret.slug },
    });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).not.toContain("Only ours");
    const search = await (
      await appProxyFetch(other, "/help", { query: { q: "wholesale" } })
    ).text();
    expect(search).not.toContain("Wholesale terms");
    // Feedback on the other shop's article id records nothing.
    const feedback = await appProxyFetch(other, "/help", {
      init: form({ article: secret.id, helpful: "yes" }),
    });
    expect(feedback.status).toBe(404);
    expect(await db.supportArticleFeedback.count({ where: { articleId: secret.id } })).toBe(0);
  });

  it("takes one 'did this help?' answer per shopper and day, then thanks them on the article", async () => {
    const shop = await shopWithHelpCenter("help-feedback");
    const article = await db.supportArticle.findFirstOrThrow({
      where: { shopDomain: shop, locale: "en", slug: "returns" },
    });
    for (const helpful of ["yes", "no"]) {
      const response = await appProxyFetch(shop, "/help", {
        init: { ...form({ article: article.id, helpful }), redirect: "manual" },
      });
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe(
        "/apps/aftercare/help?article=returns&feedback=thanks",
      );
    }
    const votes = await db.supportArticleFeedback.findMany({ where: { articleId: article.id } });
    expect(votes.map((vote) => vote.helpful)).toEqual([true]);
    const thanks = await (
      await storefrontFetch(shop, "/help?article=returns&feedback=thanks")
    ).text();
    expect(thanks).toContain("Thanks for your feedback.");
    const list = await (await adminFetch(shop, "/app/support/articles/export?language=en")).text();
    expect(list.split("\r\n").find((line) => line.includes(",returns,"))).toMatch(/,1,0,/);
  });

  it("answers oversized and malformed input with a clear page, and strips control characters", async () => {
    const shop = await shopWithHelpCenter("help-bad-input");
    const tooBig = await appProxyFetch(shop, "/help", {
      init: form({ article: "x".repeat(20_000), helpful: "yes" }),
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toBe("Payload Too Large: the limit is 16384 bytes");
    const long = await appProxyFetch(shop, "/help", { query: { q: "return ".repeat(40) } });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("Your search is too long. Use a few words.");
    const withNul = await appProxyFetch(shop, "/help", { query: { q: "ret\u0000urn\u0007" } });
    expect(withNul.status).toBe(200);
    expect(await withNul.text()).toContain("Results for “ret urn”");
    const badChoice = await appProxyFetch(shop, "/help", {
      init: form({ article: "anything", helpful: "maybe" }),
    });
    expect(badChoice.status).toBe(404);
  });

  it("lists the articles in the admin, says what to do when there are none, and keeps each shop's own", async () => {
    const empty = uniqueShop("help-admin-empty");
    await installShop(empty);
    const emptyResponse = await adminDocument(empty, "/app/support/articles");
    const emptyPage = await emptyResponse.text();
    expect(emptyPage).toContain("Write your help center");
    expect(emptyPage).toContain("Create starter articles");

    const shop = await shopWithHelpCenter("help-admin");
    const list = await adminDocument(shop, "/app/support/articles?language=fr");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Notre politique de retour");
    expect(html).not.toContain("Our return policy");
    const article = await db.supportArticle.findFirstOrThrow({
      where: { shopDomain: shop, locale: "en", slug: "returns" },
    });
    const edit = await adminDocument(shop, `/app/support/articles/${article.id}`);
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain("As shoppers see it");
    expect((await adminDocument(empty, `/app/support/articles/${article.id}`)).status).toBe(404);
    const csv = await (await adminFetch(shop, "/app/support/articles/export")).text();
    expect(csv.split("\r\n")[0]).toBe(
      "id,title,type,language,category,address,published,source,helpful,not_helpful,updated_at",
    );
    expect(csv.trim().split("\r\n")).toHaveLength(21);
  });
});
