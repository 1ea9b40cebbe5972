import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { CatalogProduct } from "../../scripts/standin/admin/products";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { withFields } from "../support/fixtures";
import { sendWebhook, standinUrl } from "../support/http";
import { waitFor } from "../support/wait";
import { shopWithHistory, trackRecommendations } from "../recommendations/history";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the recommendations admin in the stand-in's admin frame", () => {
  it("charts impressions, clicks and attributed revenue, and imports the catalog with a moving progress bar", async () => {
    const { shop, products, latestOrderId, customerId, newOrderBody } =
      await shopWithHistory("browser-recs");
    const shown = [String(products.b.id), String(products.c.id)];
    await trackRecommendations(shop, customerId, {
      orderId: latestOrderId,
      kind: "impression",
      productIds: shown,
    });
    await trackRecommendations(shop, customerId, {
      orderId: latestOrderId,
      kind: "click",
      productIds: [shown[0]],
    });
    await sendWebhook({ shop, topic: "orders/create", body: newOrderBody(60, [products.b]) });
    await sendWebhook({
      shop,
      topic: "orders/create",
      body: withFields(newOrderBody(61, [products.b]), { currency: "EUR" }),
    });
    await waitFor(
      async () => (await db.recommendationAttribution.count({ where: { shopDomain: shop } })) === 2,
      { message: "the attributed orders" },
    );
    const catalog: CatalogProduct[] = Array.from({ length: 400 }, (_, n) => ({
      id: `gid://shopify/Product/${5000 + n}`,
      title: `Catalog ${n}`,
      handle: `catalog-${n}`,
      status: "ACTIVE",
      tags: [],
      updatedAt: "2026-03-01T10:00:00Z",
      images: [],
      variants: [
        {
          id: `gid://shopify/ProductVariant/${6000 + n}`,
          price: "12.00",
          inventoryQuantity: 1,
          inventoryPolicy: "DENY",
        },
      ],
    }));
    await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/catalog`, {
      method: "POST",
      body: JSON.stringify(catalog),
    });

    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/recommendations`);
    const app = page.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByRole("heading", { name: "Recommendations" }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    // Two impressions, one click: 50 % click-through; the credited order's revenue is charted.
    await expect.poll(() => app.getByText("50 %", { exact: true }).first().isVisible()).toBe(true);
    const charts = app.locator('[role="img"][aria-label^="Impressions and clicks"] svg');
    await expect.poll(() => charts.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => app.locator('[role="img"][aria-label^="Attributed revenue"] svg').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => app.getByRole("cell", { name: products.b.title }).isVisible())
      .toBe(true);
    // The chart is in the shop's currency; the order in euros is listed beside it, not added in.
    const euros = `€${products.b.price.toFixed(2)} from 1 order`;
    await expect.poll(() => app.getByText(euros, { exact: true }).isVisible()).toBe(true);
    // The headline figure, and the same revenue again in the thank-you row of the by-surface table.
    const dollars = app.getByText(`$${products.b.price.toFixed(2)}`, { exact: true });
    await expect.poll(() => dollars.count()).toBe(2);
    await expect.poll(() => dollars.first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        app
          .locator("#thank_you")
          .getByText(`$${products.b.price.toFixed(2)}`)
          .isVisible(),
      )
      .toBe(true);
    await page.screenshot({ path: screenshotPath("admin-recommendations"), fullPage: true });

    await app.getByRole("button", { name: "Import catalog from Shopify" }).click();
    await expect
      .poll(() => app.getByRole("status", { name: "Catalog import 100 percent" }).isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);
    await expect.poll(() => app.getByText("400 products imported").isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-recommendations-import"), fullPage: true });
    await page.close();
  }, 120_000);
});
