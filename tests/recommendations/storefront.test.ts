import { describe, expect, it } from "vitest";
import { uniqueShop } from "../support/constants";
import { adminFetch, appProxyFetch, appUrl, BROWSER_UA, storefrontFetch } from "../support/http";
import { installShop } from "../support/install";
import { saveSettings, shopWithHistory } from "./history";

interface StorefrontProduct {
  productId: string;
  title: string;
  handle: string;
  imageUrl: string | null;
  price: number;
  variantId: string | null;
  url: string;
  cartUrl: string | null;
}

async function recommendedIds(response: Response) {
  expect(response.status).toBe(200);
  const { products } = (await response.json()) as { products: StorefrontProduct[] };
  return products.map((product) => product.productId);
}

describe("storefront recommendations (App Proxy /apps/aftercare/recommendations)", () => {
  it("recommends what was bought with a product page's product or a cart's, never the basket, out-of-stock or excluded products", async () => {
    const { shop, products } = await shopWithHistory("recs-storefront");
    const [a, b, c, d] = [products.a, products.b, products.c, products.d].map((product) =>
      String(product.id),
    ) as [string, string, string, string];

    // Product page of A: B (3 orders with A), then C (2); D, bought with A 3 times, is sold out.
    const productPage = await storefrontFetch(shop, `/recommendations?products=${a}`);
    expect(productPage.headers.get("content-type")).toContain("application/json");
    expect(productPage.headers.get("cache-control")).toBe("public, max-age=60");
    const { products: shown } = (await productPage.json()) as { products: StorefrontProduct[] };
    expect(shown.map((product) => product.productId)).toEqual([b, c]);
    expect(shown[0]).toMatchObject({
      title: products.b.title,
      handle: products.b.sku.toLowerCase(),
      imageUrl: `https://cdn.example.com/${products.b.sku.toLowerCase()}.png`,
      price: expect.any(Number),
      variantId: expect.stringMatching(/^\d+$/),
      url: `https://${shop}/products/${products.b.sku.toLowerCase()}`,
      cartUrl: expect.stringMatching(new RegExp(`^https://${shop}/cart/\\d+:1$`)),
    });

    // A cart holding A and B (in any order, repeated): only C is left to suggest.
    expect(
      await recommendedIds(
        await appProxyFetch(shop, "/recommendations", {
          query: { products: `${b},${a},${b}` },
        }),
      ),
    ).toEqual([c]);
    expect(
      await recommendedIds(
        await appProxyFetch(shop, "/recommendations", { query: { products: a, limit: "1" } }),
      ),
    ).toEqual([b]);

    // The merchant excludes B and sets an offer code: the cart link applies it.
    expect((await saveSettings(shop, { offerCode: "THANKS10" })).status).toBe(200);
    const exclude = await adminFetch(shop, "/app/recommendations.data", {
      method: "POST",
      body: new URLSearchParams({ intent: "exclude", productId: b }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(exclude.status).toBe(200);
    const afterExclusion = await appProxyFetch(shop, "/recommendations", {
      query: { products: a },
    });
    const { products: remaining } = (await afterExclusion.json()) as {
      products: StorefrontProduct[];
    };
    expect(remaining.map((product) => product.productId)).toEqual([c]);
    expect(remaining[0]!.cartUrl).toMatch(
      new RegExp(`^https://${shop}/discount/THANKS10\\?redirect=/cart/\\d+:1$`),
    );
    const everyAnswer = [shown, remaining].flat().map((product) => product.productId);
    expect(everyAnswer).not.toContain(a);
    expect(everyAnswer).not.toContain(d);
  });

  it("refuses requests Shopify did not sign and malformed product lists", async () => {
    const { shop, products } = await shopWithHistory("recs-storefront-deny");
    const a = String(products.a.id);

    const forged = await appProxyFetch(shop, "/recommendations", {
      query: { products: a },
      secret: "not-the-app-secret",
    });
    // verifyAppProxy answers a bad signature as Shopify's own library does: 400, empty body.
    expect(forged.status).toBe(400);
    expect(await forged.text()).toBe("");
    const unsigned = await fetch(`${appUrl()}/proxy/recommendations?shop=${shop}&products=${a}`, {
      headers: { "User-Agent": BROWSER_UA },
    });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toBe("");

    const tooMany = Array.from({ length: 21 }, (_, index) => String(1000 + index)).join(",");
    const malformed: Record<string, string>[] = [
      {},
      { products: "" },
      { products: "abc" },
      { products: `${a},gid://shopify/Product/1` },
      { products: `${a};DROP TABLE` },
      { products: tooMany },
      { products: a, limit: "9" },
      { products: a, limit: "many" },
    ];
    for (const query of malformed) {
      const response = await appProxyFetch(shop, "/recommendations", { query });
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ error: "invalid", issues: expect.any(Array) });
    }
  });

  it("answers only with the asking shop's products", async () => {
    const { products } = await shopWithHistory("recs-storefront-own");
    const other = uniqueShop("recs-storefront-other");
    await installShop(other);
    const ids = Object.values(products).map((product) => String(product.id));
    expect(
      await recommendedIds(
        await appProxyFetch(other, "/recommendations", { query: { products: ids.join(",") } }),
      ),
    ).toEqual([]);
    expect(
      await recommendedIds(
        await appProxyFetch(other, "/recommendations", { query: { products: ids[0]! } }),
      ),
    ).toEqual([]);
  });

  // 122 requests one after another, each a shared-budget check in the database: a busy CI
  // machine needs more than the default 30 s.
  it("slows down one address that asks too often", async () => {
    const { shop, products } = await shopWithHistory("recs-storefront-limit");
    const ask = () =>
      appProxyFetch(shop, "/recommendations", {
        query: { products: String(products.a.id) },
        ip: "198.51.100.23",
      });
    const statuses: number[] = [];
    for (let request = 0; request < 120; request++) statuses.push((await ask()).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another shopper of the same shop is served meanwhile.
    const neighbour = await appProxyFetch(shop, "/recommendations", {
      query: { products: String(products.a.id) },
      ip: "198.51.100.24",
    });
    expect(neighbour.status).toBe(200);
  }, 180_000);
});
