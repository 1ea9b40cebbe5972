// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor as settled } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { APP_URL } from "../../extensions/post-purchase/src/config";
import { fetchThroughApp } from "../support/extension";
import { customerAccountToken } from "../support/http";
import { shopWithHistory } from "./history";

const extension = getExtension("purchase.thank-you.block.render", {
  configSearchDir: path.resolve(import.meta.dirname, "../../extensions/post-purchase"),
});

/** The extension's requests reach our real app process (only the host changes). */
function connectToApp(shop: string, customerId: string, orderId: string) {
  extension.shopify.sessionToken.get = async () => customerAccountToken(shop, customerId);
  extension.shopify.orderConfirmation.value = {
    order: { id: `gid://shopify/OrderIdentity/${orderId}` },
    isFirstOrder: false,
  };
  extension.fetch = fetchThroughApp(APP_URL);
}

describe("thank-you page block: recommendations and NPS (UI-extension tester, real backend)", () => {
  afterEach(() => extension.tearDown());

  it("shows the shop's co-purchases with add-to-cart and records an NPS answer with its reasons", async () => {
    const { shop, products, latestOrderId, customerId } = await shopWithHistory("thanks-block");
    extension.setUp();
    connectToApp(shop, customerId, latestOrderId);
    await extension.render();
    await settled(() => expect(document.body.querySelectorAll("s-link").length).toBe(2), {
      timeout: 10_000,
    });
    const titles = [...document.body.querySelectorAll("s-link")].map((link) => link.textContent);
    expect(titles).toEqual([products.b.title, products.c.title]);
    const addToCart = document.body.querySelector("s-button[href]");
    expect(addToCart?.getAttribute("href")).toMatch(new RegExp(`^https://${shop}/cart/\\d+:1$`));
    // What was shown is recorded, and following a recommendation records a click.
    await settled(
      async () =>
        expect(
          await db.recommendationEvent.count({ where: { shopDomain: shop, kind: "impression" } }),
        ).toBe(2),
      { timeout: 10_000 },
    );
    fireEvent.click(addToCart!);
    await settled(
      async () =>
        expect(
          await db.recommendationEvent.findMany({
            where: { shopDomain: shop, kind: "click" },
            select: { productId: true, orderShopifyId: true },
          }),
        ).toEqual([{ productId: String(products.b.id), orderShopifyId: latestOrderId }]),
      { timeout: 10_000 },
    );

    const scoreButtons = [...document.body.querySelectorAll("s-button")].filter(
      (button) => !button.hasAttribute("href"),
    );
    expect(scoreButtons.map((button) => button.textContent)).toEqual(
      Array.from({ length: 11 }, (_, score) => String(score)),
    );
    fireEvent.click(scoreButtons[4]!);
    await settled(
      async () =>
        expect(
          await db.surveyResponse.findFirst({ where: { shopDomain: shop, kind: "nps" } }),
        ).toMatchObject({ score: 4 }),
      { timeout: 10_000 },
    );
    await settled(() => expect(document.body.querySelector("s-checkbox")).not.toBeNull());
    fireEvent.change(document.body.querySelector("s-checkbox")!, { target: { checked: true } });
    const send = [...document.body.querySelectorAll("s-button")].find(
      (button) => button.textContent === "send",
    )!;
    fireEvent.click(send);
    await settled(() =>
      expect(document.body.querySelector("s-banner")?.getAttribute("heading")).toBe("thanks"),
    );
    expect(document.body.querySelector("s-banner s-text")?.textContent).toBe("followUp.detractor");
    // The server's offers after a low score: a return on the storefront portal, or support.
    expect(
      [...document.body.querySelectorAll("s-banner s-button")].map((button) => [
        button.textContent,
        button.getAttribute("href"),
      ]),
    ).toEqual([
      ["offer.return", `https://${shop}/apps/aftercare/returns?order=%232009`],
      ["offer.contact", expect.stringMatching(/^(mailto:|https:)/)],
    ]);
    const answer = await db.surveyResponse.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(answer).toMatchObject({ score: 4, reasons: "delivery" });
    expect(await db.surveyAlert.count({ where: { shopDomain: shop } })).toBe(1);
  });
});
