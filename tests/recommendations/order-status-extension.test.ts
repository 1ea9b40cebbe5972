// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor as settled } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { APP_URL } from "../../extensions/order-status-recommendations/src/config";
import { fetchThroughApp, networkFetch } from "../support/extension";
import { customerAccountToken } from "../support/http";
import { checkoutFetch, saveShopSettings, shopWithHistory } from "./history";

const extension = getExtension("customer-account.order-status.block.render", {
  configSearchDir: path.resolve(
    import.meta.dirname,
    "../../extensions/order-status-recommendations",
  ),
});
const REVIEW_URL = "https://reviews.example.com/order-status";

/** The extension's requests reach our real app process (only the host changes). */
function connectToApp(shop: string, customerId: string, orderId: string) {
  extension.shopify.sessionToken.get = async () => customerAccountToken(shop, customerId);
  extension.shopify.order.value = { id: `gid://shopify/Order/${orderId}`, name: "#2009" };
  extension.fetch = fetchThroughApp(APP_URL);
}

const buttons = () => [...document.body.querySelectorAll("s-button")];
const scoreButton = (score: number) =>
  buttons().find((button) => !button.hasAttribute("href") && button.textContent === String(score));
/** The follow-up offers: links that are not add-to-cart. */
const offers = () =>
  buttons()
    .filter(
      (button) => button.getAttribute("href") && !button.getAttribute("href")!.includes("/cart/"),
    )
    .map((button) => ({ label: button.textContent, href: button.getAttribute("href") }));

const answer = (shop: string) =>
  db.surveyResponse.findMany({
    where: { shopDomain: shop, kind: "nps" },
    select: { score: true, source: true },
  });

describe("order-status block: recommendations, NPS and follow-up (UI-extension tester, real backend)", () => {
  afterEach(() => {
    extension.tearDown();
    // The tester removes `fetch` when a test ends before its setUp; the harness needs it.
    globalThis.fetch = networkFetch;
  });

  it("recommends for the order, keeps one answer per order and shows what the server offers next", async () => {
    const { shop, products, latestOrderId, customerId } = await shopWithHistory("status-block");
    const support = `care@${shop.replace(".myshopify.com", "")}.example.com`;
    await saveShopSettings(shop, { reviewUrl: REVIEW_URL, supportEmail: support });
    extension.setUp();
    connectToApp(shop, customerId, latestOrderId);
    await extension.render();

    await settled(() => expect(document.body.querySelectorAll("s-link").length).toBe(2), {
      timeout: 10_000,
    });
    const titles = [...document.body.querySelectorAll("s-link")].map((link) => link.textContent);
    expect(titles).toEqual([products.b.title, products.c.title]);
    expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe(
      "recommendations",
    );
    // Every score is a labelled button (screen readers hear "n out of 10").
    expect(scoreButton(0)?.getAttribute("accessibilityLabel")).toBe("scoreLabel");

    fireEvent.click(scoreButton(3)!);
    await settled(
      async () => expect(await answer(shop)).toEqual([{ score: 3, source: "order_status" }]),
      {
        timeout: 10_000,
      },
    );
    await settled(() =>
      expect(offers()).toEqual([
        { label: "offer.return", href: `https://${shop}/apps/aftercare/returns?order=%232009` },
        { label: "offer.contact", href: `mailto:${support}` },
      ]),
    );

    fireEvent.click(scoreButton(10)!);
    await settled(
      async () => expect(await answer(shop)).toEqual([{ score: 10, source: "order_status" }]),
      {
        timeout: 10_000,
      },
    );
    await settled(
      () => {
        const shown = offers();
        expect(shown.map((offer) => offer.label)).toEqual(["offer.review", "offer.referral"]);
        expect(shown[0]!.href).toBe(REVIEW_URL);
        expect(shown[1]!.href).toMatch(new RegExp(`^https://${shop}/discount/REF-[0-9A-F]{10}$`));
      },
      { timeout: 10_000 },
    );

    fireEvent.click(buttons().find((button) => button.textContent === "send")!);
    await settled(() =>
      expect(document.body.querySelector("s-banner")?.getAttribute("heading")).toBe("thanks"),
    );
    expect(document.body.querySelector("s-banner s-text")?.textContent).toBe("followUp.promoter");
    expect(
      [...document.body.querySelectorAll("s-banner s-button")].map((button) => button.textContent),
    ).toEqual(["offer.review", "offer.referral"]);
    expect(await db.surveyAlert.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("shows the answer given on the thank-you page instead of asking again, and lets the shopper change it", async () => {
    const { shop, latestOrderId, customerId } = await shopWithHistory("status-block-given");
    const onThankYou = await checkoutFetch(shop, customerId, "/api/surveys/nps", {
      method: "POST",
      body: JSON.stringify({ orderId: latestOrderId, score: 4, comment: "Slow delivery" }),
    });
    expect(onThankYou.status).toBe(200);
    extension.setUp();
    connectToApp(shop, customerId, latestOrderId);
    await extension.render();

    const change = await settled(
      () => {
        const button = buttons().find((candidate) => candidate.textContent === "changeAnswer");
        expect(button).toBeDefined();
        return button!;
      },
      { timeout: 10_000 },
    );
    expect([...document.body.querySelectorAll("s-text")].map((text) => text.textContent)).toEqual(
      expect.arrayContaining(["yourAnswer", "yourComment"]),
    );
    expect(scoreButton(4)).toBeUndefined();

    fireEvent.click(change);
    await settled(() => expect(scoreButton(4)?.getAttribute("variant")).toBe("primary"));
    expect(document.body.textContent).not.toContain("changeAnswer");
    fireEvent.click(scoreButton(9)!);
    await settled(
      async () =>
        expect(
          await db.surveyResponse.findMany({
            where: { shopDomain: shop, kind: "nps" },
            select: { score: true, comment: true, source: true },
          }),
        ).toEqual([{ score: 9, comment: "Slow delivery", source: "order_status" }]),
      { timeout: 10_000 },
    );
  });

  it("shows another customer nothing of the order and refuses their answer", async () => {
    const { shop, latestOrderId } = await shopWithHistory("status-block-deny");
    extension.setUp();
    connectToApp(shop, "424242", latestOrderId);
    await extension.render();
    await settled(() => expect(scoreButton(1)).toBeDefined(), { timeout: 10_000 });
    fireEvent.click(scoreButton(1)!);
    await settled(() =>
      expect(document.body.querySelector("s-banner[tone=critical]")?.textContent).toBe("failed"),
    );
    expect(document.body.querySelectorAll("s-link")).toHaveLength(0);
    expect(offers()).toEqual([]);
    expect(await answer(shop)).toEqual([]);
  });
});
