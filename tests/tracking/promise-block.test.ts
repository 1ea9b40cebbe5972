// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { waitFor as settled } from "@testing-library/preact";
import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { uniqueShop } from "../support/constants";
import { networkFetch } from "../support/extension";
import { appProxyFetch, appUrl, BROWSER_UA, standinUrl } from "../support/http";
import { installShop } from "../support/install";

const extensionDir = path.resolve(import.meta.dirname, "../../extensions/tracking-theme");
const blockLiquid = readFileSync(path.join(extensionDir, "blocks/delivery-promise.liquid"), "utf8");
const blockScript = readFileSync(path.join(extensionDir, "assets/delivery-promise.js"), "utf8");

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
  return liquid.parseAndRenderSync(storefront, {
    routes: { root_url: locale === "en" ? "/" : `/${locale}` },
    request: { locale: { iso_code: locale } },
    block: {
      settings: { cutoff: "15:00", processing_days: 1, holidays: "", shipping_method: "" },
      shopify_attributes: "",
    },
    ...context,
  });
}

/** The page with the block and its script; /apps/aftercare/… goes through the stand-in's App Proxy. */
function openPage(shop: string, html: string) {
  document.body.innerHTML = html;
  const proxyRequests: string[] = [];
  const fetch = vi.fn(async (url: string) => {
    const proxied = /^(?:\/\w{2})?\/apps\/aftercare(\/.*)$/.exec(url)!;
    proxyRequests.push(url);
    return networkFetch(`${standinUrl()}/store/${shop}/apps/aftercare${proxied[1]}`, {
      headers: { "User-Agent": BROWSER_UA },
    });
  });
  new Function("fetch", blockScript)(fetch);
  const block = document.querySelector<HTMLElement>("[data-aftercare-promise]")!;
  return { block, fetch, proxyRequests };
}

describe("theme block “Delivery promise” (real Liquid, real script, real backend)", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("tells a shopper when an order placed now arrives, in their language", async () => {
    const shop = uniqueShop("promise-block");
    await installShop(shop);
    const html = renderBlock("fr", {
      localization: { country: { iso_code: "CA" } },
      customer: { default_address: { province_code: "QC" } },
    });
    const { block, proxyRequests } = openPage(shop, html);
    expect(block.hidden).toBe(true);

    await settled(() => expect(block.hidden).toBe(false));
    expect(proxyRequests).toEqual([
      "/fr/apps/aftercare/promise?country=CA&province=QC&cutoff=15%3A00&processing=1&locale=fr",
    ]);
    // The same question, signed as the App Proxy signs it, straight to the app.
    const direct = await appProxyFetch(shop, "/promise", {
      query: { country: "CA", province: "QC", cutoff: "15:00", processing: "1", locale: "fr" },
    });
    expect(direct.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const promise = (await direct.json()) as { label: string; orderToday: boolean };
    expect(block.textContent).toBe(
      `${promise.orderToday ? "Commandez aujourd'hui" : "Commandez maintenant"}, livraison ${promise.label}`,
    );
  });

  it("shows nothing when the app cannot answer", async () => {
    const shop = uniqueShop("promise-block-none");
    await installShop(shop);
    // A storefront without a country (never on Shopify): the endpoint refuses, the block stays hidden.
    const { block, fetch } = openPage(shop, renderBlock("en", { localization: {} }));
    await settled(() => expect(fetch).toHaveBeenCalled());
    const answer = (await fetch.mock.results[0]!.value) as Response;
    expect(answer.status).toBe(400);
    // The script's own continuation runs in the microtasks after the answer; a task comes later.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(block.hidden).toBe(true);
    expect(block.textContent).toBe("");
  });

  it("answers only requests the App Proxy signed", async () => {
    const shop = uniqueShop("promise-signed");
    await installShop(shop);
    const forged = await appProxyFetch(shop, "/promise", {
      query: { country: "US" },
      secret: "not-the-app-secret",
    });
    expect(forged.status).toBe(400);
    const unsigned = await fetch(`${appUrl()}/proxy/promise?shop=${shop}&country=US`, {
      headers: { "User-Agent": BROWSER_UA },
    });
    expect(unsigned.status).toBe(400);
    const invalid = await appProxyFetch(shop, "/promise", { query: { country: "usa" } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      error: "invalid",
      issues: ["country is a two-letter ISO code"],
    });
  });
});
