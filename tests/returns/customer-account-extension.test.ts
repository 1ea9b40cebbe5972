// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/customer-account.order.action.render" />
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor as settled } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { APP_URL } from "../../extensions/customer-account-returns/src/config";
import { db } from "../../app/db.server";
import { BROWSER_UA, appUrl, customerAccountToken } from "../support/http";
import { ORDER_ID, SUNGLASSES, TORTOISE_VARIANT, shopWithFulfilledOrder } from "./support";

const CUSTOMER_ID = "115310627314723954";
const networkFetch = globalThis.fetch;

const extension = getExtension("customer-account.order.action.render", {
  configSearchDir: path.resolve(import.meta.dirname, "../../extensions/customer-account-returns"),
});

/** The modal's own requests, sent to the real app process (only the host changes). */
function connectToApp(shop: string, customerId: string | null) {
  extension.shopify.sessionToken.get = async () => customerAccountToken(shop, customerId);
  extension.shopify.orderId = `gid://shopify/Order/${ORDER_ID}`;
  const requests: string[] = [];
  extension.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input).replace(APP_URL, appUrl());
    requests.push(`${init?.method ?? "GET"} ${url}`);
    const headers = new Headers(init?.headers);
    headers.set("User-Agent", BROWSER_UA);
    return networkFetch(url, { ...init, headers });
  }) as typeof fetch;
  return requests;
}

function choose(element: unknown, value: string) {
  if (!(element instanceof HTMLElement)) throw new Error("no such field");
  (element as HTMLSelectElement).value = value;
  element.dispatchEvent(new Event("change"));
}

describe("customer-account return modal (Shopify's UI-extension tester, real backend)", () => {
  // The shop is set up over the network first: setUp() replaces the global fetch.
  afterEach(() => extension.tearDown());

  it("lets the signed-in customer exchange an item for another colour", async () => {
    const shop = await shopWithFulfilledOrder("returns-modal");
    extension.setUp();
    const requests = connectToApp(shop, CUSTOMER_ID);
    await extension.render();
    await settled(() => expect(document.body.querySelectorAll("s-checkbox").length).toBe(5), {
      timeout: 10_000,
    });
    expect(requests).toEqual([`GET ${appUrl()}/api/returns/orders/${ORDER_ID}?locale=en`]);

    const sunglasses = [...document.body.querySelectorAll("s-checkbox")].find((box) =>
      box.getAttribute("label")?.startsWith("Aviator sunglasses"),
    );
    sunglasses!.dispatchEvent(new Event("change"));
    await settled(() => expect(document.body.querySelectorAll("s-select").length).toBe(2));
    const [reason, resolution] = document.body.querySelectorAll("s-select");
    choose(reason, "size-too-small");
    choose(resolution, "exchange");
    await settled(() => expect(document.body.querySelectorAll("s-select").length).toBe(3));
    const variants = [
      ...document.body.querySelectorAll("s-select")[2]!.querySelectorAll("s-option"),
    ];
    expect(variants.map((option) => option.getAttribute("value"))).toEqual([TORTOISE_VARIANT]);

    (document.body.querySelector('s-button[slot="primary-action"]') as HTMLElement).click();
    await settled(
      () => expect(document.body.querySelector("s-banner")?.getAttribute("tone")).toBe("success"),
      { timeout: 10_000 },
    );
    expect(document.body.querySelector("s-link")?.getAttribute("href")).toMatch(
      /\/apps\/aftercare\/returns\?status=/,
    );
    const stored = await db.returnRequest.findFirstOrThrow({
      where: { shopDomain: shop },
      include: { lines: true },
    });
    expect(stored).toMatchObject({ source: "customer_account", orderShopifyId: ORDER_ID });
    expect(stored.lines).toMatchObject([
      {
        lineItemShopifyId: SUNGLASSES,
        resolution: "exchange",
        reason: "size-too-small",
        exchangeVariantId: TORTOISE_VARIANT,
      },
    ]);
  });

  it("shows another customer nothing of the order", async () => {
    const shop = await shopWithFulfilledOrder("returns-modal-other");
    extension.setUp();
    connectToApp(shop, "999999999");
    await extension.render();
    await settled(() => expect(document.body.querySelector("s-banner")).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(document.body.querySelector("s-banner")?.textContent).toBe("unavailable");
    expect(document.body.querySelector("s-checkbox")).toBeNull();
  });
});
