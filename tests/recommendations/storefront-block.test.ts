// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { waitFor as settled } from "@testing-library/preact";
import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../app/db.server";
import { shopProfile } from "../../app/shops/shops.server";
import { uniqueShop } from "../support/constants";
import { networkFetch } from "../support/extension";
import { BROWSER_UA, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { saveSettings, shopWithHistory } from "./history";

const extensionDir = path.resolve(import.meta.dirname, "../../extensions/tracking-theme");
const blockLiquid = readFileSync(path.join(extensionDir, "blocks/recommendations.liquid"), "utf8");
const blockScript = readFileSync(path.join(extensionDir, "assets/recommendations.js"), "utf8");

function lookup(tree: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

/** Renders the block as Shopify's Liquid would, with the extension's own storefront texts. */
function renderBlock(locale: "en" | "fr", context: Record<string, unknown>) {
  const texts: unknown = JSON.parse(
    readFileSync(
      path.join(extensionDir, "locales", locale === "en" ? "en.default.json" : `${locale}.json`),
      "utf8",
    ),
  );
  const liquid = new Liquid({ strictFilters: true });
  liquid.registerFilter("t", (key: string, ...params: [string, unknown][]) => {
    const text = lookup(texts, key);
    if (typeof text !== "string") throw new Error(`No ${locale} text for ${key}`);
    return params.reduce(
      (result, [name, value]) => result.replaceAll(`{{ ${name} }}`, String(value)),
      text,
    );
  });
  const storefront = blockLiquid.replace(/\{% schema %\}[\s\S]*\{% endschema %\}/, "");
  const root = locale === "en" ? "/" : `/${locale}`;
  const prefix = locale === "en" ? "" : `/${locale}`;
  return liquid.parseAndRenderSync(storefront, {
    routes: {
      root_url: root,
      cart_url: `${prefix}/cart`,
      cart_add_url: `${prefix}/cart/add`,
    },
    request: { locale: { iso_code: locale } },
    block: {
      settings: { heading: "Vous aimerez aussi", products_shown: 4 },
      shopify_attributes: "",
    },
    ...context,
  });
}

/**
 * The page with the rendered block and the theme's deferred script, run with a browser's fetch
 * and location: the shop's /apps/aftercare/… goes through the stand-in's App Proxy to the real
 * app, /cart/add.js answers as Shopify does (or fails when told to).
 */
function openPage(shop: string, html: string, { cartAddFails = false } = {}) {
  document.body.innerHTML = html;
  const cartAdds: { url: string; body: Record<string, string> }[] = [];
  const proxyRequests: string[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const proxied = /^(?:\/\w{2})?\/apps\/aftercare(\/.*)$/.exec(url);
    if (proxied) {
      proxyRequests.push(url);
      return networkFetch(`${standinUrl()}/store/${shop}/apps/aftercare${proxied[1]}`, {
        headers: { "User-Agent": BROWSER_UA },
      });
    }
    cartAdds.push({ url, body: Object.fromEntries(new URLSearchParams(String(init?.body))) });
    return cartAddFails
      ? Response.json({ status: 422, description: "Sold out" }, { status: 422 })
      : Response.json({ items: [] });
  });
  const location = { assign: vi.fn() };
  new Function("window", "fetch", blockScript)({ location }, fetch);
  const block = document.querySelector<HTMLElement>("[data-aftercare-recommendations]")!;
  return { block, fetch, location, cartAdds, proxyRequests };
}

const cards = () =>
  [...document.querySelectorAll("li")].map((item) => ({
    title: item.querySelector("a")?.textContent,
    href: item.querySelector("a")?.getAttribute("href"),
    alt: item.querySelector("img")?.getAttribute("alt"),
    price: item.querySelector("p")?.textContent ?? null,
    button: item.querySelector("button")?.getAttribute("aria-label"),
  }));

describe("theme block “You may also like” (real Liquid, real script, real backend)", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("shows a product page what goes with its product, priced in the shop's currency, and adds one to the cart with the merchant's offer", async () => {
    const { shop, products } = await shopWithHistory("recs-block");
    const saved = await saveSettings(shop, { offerCode: "THANKS10" });
    expect(saved.status).toBe(200);
    const currency = (await shopProfile(shop))!.currency;
    const html = renderBlock("fr", {
      product: { id: String(products.a.id) },
      cart: { items: [], currency: { iso_code: currency } },
      shop: { currency },
    });
    const { block, cartAdds, location, proxyRequests } = openPage(shop, html);
    expect(block.getAttribute("aria-busy")).toBe("true");
    expect(block.querySelector("[role=status]")?.textContent).toBe(
      "Chargement des recommandations…",
    );

    await settled(() => expect(cards()).toHaveLength(2));
    expect(proxyRequests).toEqual([
      `/fr/apps/aftercare/recommendations?products=${products.a.id}&limit=4`,
    ]);
    const money = new Intl.NumberFormat("fr", { style: "currency", currency });
    const fractionDigits = money.resolvedOptions().maximumFractionDigits!;
    const catalog = new Map(
      (
        await db.recommendationProduct.findMany({
          where: { shopDomain: shop },
          select: { shopifyId: true, price: true, variantId: true },
        })
      ).map((product) => [product.shopifyId, product]),
    );
    const [b, c] = [products.b, products.c];
    expect(cards()).toEqual(
      [b, c].map((product) => ({
        title: product.title,
        href: `/fr/products/${product.sku.toLowerCase()}`,
        alt: product.title,
        price: money.format(catalog.get(String(product.id))!.price / 10 ** fractionDigits),
        button: `Ajouter ${product.title} au panier`,
      })),
    );
    expect(block.hasAttribute("aria-busy")).toBe(false);
    expect(block.querySelector("[role=status]")?.textContent).toBe("");
    expect(block.querySelector<HTMLElement>("[data-content]")!.hidden).toBe(false);
    expect(block.querySelector("h2")?.textContent).toBe("Vous aimerez aussi");

    document.querySelector<HTMLButtonElement>("li button")!.click();
    await settled(() => expect(location.assign).toHaveBeenCalled());
    expect(cartAdds).toEqual([
      {
        url: "/fr/cart/add.js",
        body: { id: catalog.get(String(b.id))!.variantId, quantity: "1" },
      },
    ]);
    expect(location.assign).toHaveBeenCalledWith("/discount/THANKS10?redirect=%2Ffr%2Fcart");
  });

  it("recommends for a cart's products, without prices in another currency, and says when adding fails", async () => {
    const { shop, products } = await shopWithHistory("recs-block-cart");
    const currency = (await shopProfile(shop))!.currency;
    const item = (product: { id: unknown }) => ({ product_id: String(product.id) });
    const html = renderBlock("en", {
      cart: {
        items: [item(products.a), item(products.b), item(products.a)],
        currency: { iso_code: currency === "CHF" ? "EUR" : "CHF" },
      },
      shop: { currency },
    });
    const { block, location, proxyRequests } = openPage(shop, html, { cartAddFails: true });
    await settled(() => expect(cards()).toHaveLength(1));
    expect(proxyRequests).toEqual([
      `/apps/aftercare/recommendations?products=${products.a.id},${products.b.id}&limit=4`,
    ]);
    expect(cards()).toEqual([
      {
        title: products.c.title,
        href: `/products/${products.c.sku.toLowerCase()}`,
        alt: products.c.title,
        price: null,
        button: `Add ${products.c.title} to cart`,
      },
    ]);

    const button = document.querySelector<HTMLButtonElement>("li button")!;
    button.click();
    await settled(() =>
      expect(block.querySelector("[role=alert]")?.textContent).toBe(
        "This product could not be added to your cart. Please try again.",
      ),
    );
    expect(button.disabled).toBe(false);
    expect(location.assign).not.toHaveBeenCalled();
  });

  it("renders nothing for an empty cart or when nothing goes with the product", async () => {
    const shop = uniqueShop("recs-block-empty");
    await installShop(shop);
    const noProducts = { cart: { items: [], currency: { iso_code: "USD" } }, shop: {} };
    const emptyCart = openPage(shop, renderBlock("en", noProducts));
    expect(emptyCart.fetch).not.toHaveBeenCalled();
    expect(emptyCart.block.querySelector<HTMLElement>("[data-content]")!.hidden).toBe(true);

    // A shop without orders has nothing to recommend, not even best sellers.
    const unsold = openPage(shop, renderBlock("en", { ...noProducts, product: { id: 1234 } }));
    await settled(() => expect(unsold.block.hasAttribute("aria-busy")).toBe(false));
    expect(unsold.proxyRequests).toHaveLength(1);
    expect(cards()).toEqual([]);
    expect(unsold.block.querySelector<HTMLElement>("[data-content]")!.hidden).toBe(true);
    expect(unsold.block.querySelector("[role=status]")?.textContent).toBe("");
  });
});
