import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { appUrl, BROWSER_UA, customerAccountToken, standinUrl } from "../support/http";
import { shopWithHistory } from "../recommendations/history";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the Surveys page in the stand-in's admin frame", () => {
  it("draws NPS and CSAT by week with the answers each week stands on", async () => {
    const { shop, latestOrderId, customerId } = await shopWithHistory("browser-surveys");
    const answered = await fetch(`${appUrl()}/api/surveys/nps`, {
      method: "POST",
      body: JSON.stringify({ orderId: latestOrderId, score: 3 }),
      headers: {
        Authorization: `Bearer ${customerAccountToken(shop, customerId)}`,
        "User-Agent": BROWSER_UA,
        "Content-Type": "application/json",
      },
    });
    expect(answered.status).toBe(200);

    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/surveys`);
    const app = page.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByRole("heading", { name: "Surveys" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    // Polaris Viz draws each chart as SVG once it has measured its box.
    await expect
      .poll(() => app.locator("svg text").count(), { timeout: 20_000 })
      .toBeGreaterThan(10);
    expect(await app.getByText("Answers").count()).toBeGreaterThan(0);
    // The figures behind the chart, for screen readers: this week's NPS of -100 on one answer.
    const npsRows = app.locator("table:has(caption:text('NPS by week')) tbody tr");
    expect(await npsRows.count()).toBe(12);
    expect(await npsRows.last().locator("td").allTextContents()).toEqual(["-100", "1"]);
    const csatRows = app.locator("table:has(caption:text('CSAT by week')) tbody tr");
    expect(await csatRows.last().locator("td").allTextContents()).toEqual(["no answers", "0"]);
    await page.screenshot({ path: screenshotPath("admin-surveys"), fullPage: true });
    await page.close();
  });
});
