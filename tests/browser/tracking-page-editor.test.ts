import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { readTrackingPageLayout } from "../../app/tracking/page-layout";
import { shopWithHistory } from "../recommendations/history";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { sendWebhook, standinUrl } from "../support/http";
import { waitFor } from "../support/wait";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the tracking page in Chromium: recommendations a shopper follows, and the merchant's editor", () => {
  it("a shopper sees what goes with their order, follows one, and the order they place is credited to the tracking page", async () => {
    const { shop, products, email, newOrderBody } = await shopWithHistory("browser-track-recs");
    const page = await newPage(browser);
    // The shop's own product pages are the theme's, not ours: the browser gets a stand-in page.
    await page.route(`https://${shop}/products/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<h1>Product page</h1>" }),
    );
    await page.goto(`${standinUrl()}/store/${shop}/apps/aftercare/track`);
    await page.getByLabel("Order number").fill("#2009");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Track" }).click();
    const recommendations = page.getByRole("region", { name: "You may also like" });
    await recommendations.waitFor();
    await expect(recommendations.getByRole("link").allTextContents()).resolves.toEqual([
      expect.stringContaining(products.b.title),
      expect.stringContaining(products.c.title),
    ]);
    await page.screenshot({
      path: screenshotPath("tracking-page-recommendations"),
      fullPage: true,
    });

    await recommendations.getByRole("link").first().click();
    await page.waitForURL(`https://${shop}/products/${products.b.sku.toLowerCase()}`);
    await waitFor(
      async () =>
        (await db.recommendationEvent.findFirst({
          where: { shopDomain: shop, kind: "click", surface: "tracking_page" },
        })) ?? undefined,
      { message: "the click recorded" },
    );
    await sendWebhook({ shop, topic: "orders/create", body: newOrderBody(21, [products.b]) });
    await waitFor(
      async () =>
        (await db.recommendationAttribution.findFirst({
          where: { shopDomain: shop, surface: "tracking_page" },
        })) ?? undefined,
      { message: "the order credited to the tracking page" },
    );

    // The merchant sees it on the Recommendations page's tracking-page row.
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/recommendations`);
    const app = page.frameLocator("iframe#app");
    const row = app.getByRole("row", { name: /Tracking page/ });
    await expect.poll(() => row.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => row.textContent()).toContain(`$${products.b.price.toFixed(2)}`);
    await page.close();
  }, 120_000);

  it("the merchant hides, moves and recolours sections and the preview follows before saving", async () => {
    const { shop } = await shopWithHistory("browser-track-editor");
    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/shipments/tracking-page`);
    const app = page.frameLocator("iframe#app");
    const preview = app.getByRole("region", { name: "Preview of the tracking page" });
    await expect.poll(() => preview.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => preview.getByText("You may also like").isVisible()).toBe(true);
    await expect.poll(() => preview.getByText("Tracking history").isVisible()).toBe(true);

    await app.getByRole("checkbox", { name: /^Recommendations/ }).uncheck();
    await app.getByRole("checkbox", { name: /^Tracking history/ }).uncheck();
    await expect.poll(() => preview.getByText("You may also like").count()).toBe(0);
    await expect.poll(() => preview.getByText("Tracking history").count()).toBe(0);
    for (let step = 0; step < 5; step++) {
      await app.getByRole("button", { name: "Move Help link up" }).click();
    }
    await expect
      .poll(() => app.getByRole("button", { name: "Move Help link up" }).isDisabled())
      .toBe(true);
    // The help link now stands above the parcel card in the preview.
    const helpAbove = () =>
      preview.locator(".ac-track").evaluate((root) => {
        const help = root.querySelector(".ac-help");
        const parcel = root.querySelector(".ac-shipment");
        return Boolean(
          help && parcel && help.compareDocumentPosition(parcel) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
      });
    await expect.poll(helpAbove).toBe(true);
    await app.getByLabel("Accent colour").fill("#aa3300");
    await expect
      .poll(() =>
        preview
          .locator(".ac-track button")
          .evaluate((button) => getComputedStyle(button).backgroundColor),
      )
      .toBe("rgb(170, 51, 0)");
    await app.getByRole("combobox", { name: "Preview language" }).selectOption("fr");
    await expect
      .poll(() => preview.getByText("Consultez notre centre d'aide").isVisible())
      .toBe(true);
    await page.screenshot({ path: screenshotPath("admin-tracking-page-editor"), fullPage: true });
    await preview.screenshot({ path: screenshotPath("admin-tracking-page-preview") });

    await app.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => app.getByText("Tracking page saved").isVisible(), { timeout: 20_000 })
      .toBe(true);
    const stored = await db.trackingPageLayout.findUniqueOrThrow({ where: { shopDomain: shop } });
    const layout = readTrackingPageLayout(stored.sections);
    expect(layout.sections[0]).toEqual({ id: "help", visible: true });
    expect(
      layout.sections.filter((section) => !section.visible).map((section) => section.id),
    ).toEqual(["timeline", "recommendations"]);
    await page.close();
  }, 120_000);
});
