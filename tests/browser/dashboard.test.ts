import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureChanges } from "../../app/analytics/capture.server";
import { seedShop } from "../../app/analytics/seed.server";
import { db } from "../../app/db.server";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { uniqueShop } from "../support/constants";
import { standinUrl } from "../support/http";
import { installShop } from "../support/install";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the dashboard and a customer's record in the stand-in's admin", () => {
  it("shows every KPI with its definition, then a customer found by order number with their timeline", async () => {
    const shop = uniqueShop("browser-dashboard");
    const record = await installShop(shop);
    await seedShop({
      shopDomain: shop,
      timeZone: record.ianaTimezone,
      customers: 30,
      days: 45,
      ordersPerCustomer: 2,
    });
    // What the app's capture job (every minute) runs, at once: the test does not wait for the clock.
    await captureChanges(shop);
    expect(await db.analyticsCursor.findUnique({ where: { shopDomain: shop } })).not.toBeNull();

    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}`);
    const app = page.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByRole("heading", { name: `Aftercare for ${record.name}` }).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    for (const kpi of [
      "Orders",
      "Net revenue",
      "NPS",
      "CSAT",
      "Return rate",
      "Time to refund",
      "On time",
      "Loyalty points",
    ]) {
      await expect
        .poll(() => app.getByRole("heading", { name: kpi, exact: true }).isVisible())
        .toBe(true);
    }
    await expect.poll(() => app.getByText(/^n = \d+, 95 % interval/).isVisible()).toBe(true);
    await app.getByRole("button", { name: "How is this computed? On time" }).click();
    await expect
      .poll(() =>
        app.getByText(/no later than the FIRST latest date the shopper was promised/).isVisible(),
      )
      .toBe(true);
    await app.getByRole("button", { name: "How is this computed? Time to refund" }).click();
    await expect
      .poll(() => app.getByText(/from a shopper's return request to its processing/).isVisible())
      .toBe(true);
    for (const table of ["Returns by variant", "Returns by resolution"]) {
      await expect.poll(() => app.getByRole("heading", { name: table }).isVisible()).toBe(true);
      await expect
        .poll(() => app.getByRole("button", { name: `Export CSV: ${table}` }).isVisible())
        .toBe(true);
    }
    await page.screenshot({ path: screenshotPath("dashboard-home"), fullPage: true });

    const order = await db.order.findFirstOrThrow({
      where: { shopDomain: shop, customerId: { not: null }, cancelledAt: null },
      orderBy: { processedAt: "desc" },
      include: { customer: true },
    });
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/customers`);
    await expect
      .poll(() => app.getByRole("heading", { name: "Customers" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await app.getByPlaceholder("Email, name, phone or order number (#1001)").fill(order.name);
    await app.getByPlaceholder("Email, name, phone or order number (#1001)").press("Enter");
    await expect
      .poll(() => app.getByText(order.customer!.email!).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await app.getByText(order.customer!.email!).click();
    await expect
      .poll(() => app.getByRole("heading", { name: "Timeline" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => app.getByText(`Order ${order.name} placed`).isVisible()).toBe(true);
    await expect.poll(() => app.getByRole("heading", { name: "Net spend" }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("customer-record"), fullPage: true });
    await page.close();
  }, 300_000);
});
