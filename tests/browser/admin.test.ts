import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "../../app/db.server";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { uniqueShop } from "../support/constants";
import { webhookFixture } from "../support/fixtures";
import { adminDocument, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function shopWithAnOrder(label: string) {
  const shop = uniqueShop(label);
  const record = await installShop(shop);
  await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") });
  await waitFor(async () => (await db.order.count({ where: { shopDomain: shop } })) === 1);
  return { shop, name: record.name! };
}

describe("the admin in the stand-in's admin frame", () => {
  it("renders the home page with the shop's data and navigates from the admin sidebar", async () => {
    const { shop, name } = await shopWithAnOrder("browser-home");
    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}`);
    const app = page.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByRole("heading", { name: `Aftercare for ${name}` }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect.poll(() => app.getByText("#9999").isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-home"), fullPage: true });

    await page.getByRole("link", { name: "Operations" }).click();
    await expect
      .poll(() => app.getByRole("heading", { name: "Operations" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => app.getByText("orders/create").first().isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-operations"), fullPage: true });
    await page.close();
  });

  it("still shows the page and says so when App Bridge cannot load", async () => {
    const { shop, name } = await shopWithAnOrder("browser-no-bridge");
    const page = await newPage(browser);
    await page.route("**/app-bridge.js", (route) => route.abort("internetdisconnected"));
    const document = await adminDocument(shop);
    const url = document.url;
    await document.text();
    await page.goto(url);
    await expect
      .poll(() => page.getByRole("heading", { name: `Aftercare for ${name}` }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect
      .poll(() => page.getByText("Shopify App Bridge did not load").isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    await page.screenshot({ path: screenshotPath("admin-without-app-bridge"), fullPage: true });
    await page.close();
  });
});
