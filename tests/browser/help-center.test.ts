import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { launchBrowser, screenshotPath } from "../support/browser";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { BROWSER_UA, adminFetch, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const TRACKING = "1Z999AA10123456784";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A shop with its starter articles and order #9999 (jon@example.com) in transit with UPS. */
async function shopWithHelpCenter() {
  const shop = uniqueShop("browser-help");
  await installShop(shop);
  const starter = await adminFetch(shop, "/app/support/articles.data?index", {
    method: "POST",
    body: new URLSearchParams({ intent: "starter" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(starter.status).toBe(200);
  await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") });
  await sendWebhook({
    shop,
    topic: "fulfillments/create",
    body: withFields(webhookFixture("fulfillments/create"), {
      shipment_status: "in_transit",
      status: "success",
    }).replaceAll("1z827wk74630", TRACKING),
  });
  await waitFor(
    async () =>
      (await db.trackingShipment.findFirst({ where: { shopDomain: shop, tag: "InTransit" } })) ??
      undefined,
    { message: "shipment in transit", timeout: 60_000 },
  );
  return shop;
}

describe("storefront help center", () => {
  it("lets a French shopper without JavaScript search with a typo, rate an article and ask where the order is", async () => {
    const shop = await shopWithHelpCenter();
    // The help center is plain links and forms: it must work with scripts off.
    const context = await browser.newContext({
      userAgent: BROWSER_UA,
      locale: "fr-FR",
      javaScriptEnabled: false,
    });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
      route.abort("internetdisconnected"),
    );
    const page = await context.newPage();
    await page.goto(`${standinUrl()}/store/${shop}/apps/aftercare/help`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Centre d'aide",
    );

    await page
      .getByRole("searchbox", { name: "Rechercher dans le centre d'aide" })
      .fill("politque de retuor");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("heading", { name: "Résultats pour « politque de retuor »" }).waitFor();
    await page.locator(".ac-hit a", { hasText: "Notre politique de retour" }).click();
    await page.getByRole("heading", { level: 1, name: "Notre politique de retour" }).waitFor();
    await expect(page.locator("article").textContent()).resolves.toContain("30 jours");

    await page.getByRole("button", { name: "Oui" }).click();
    await page.getByRole("status").waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toBe("Merci pour votre avis.");
    const votes = await db.supportArticleFeedback.count({ where: { shopDomain: shop } });
    expect(votes).toBe(1);

    await page.getByRole("link", { name: "Tous les articles d'aide" }).click();
    await page.locator("summary", { hasText: "Où est ma commande ?" }).click();
    await page.getByLabel("Numéro de commande").fill("9999");
    await page.getByLabel("E-mail").fill("jon@example.com");
    await page.getByLabel("Votre question").fill("où est ma commande ?");
    await page.getByRole("button", { name: "Demander" }).click();
    await page.getByRole("heading", { name: "Où en est la commande #9999" }).waitFor();
    await expect(page.locator(".ac-answer .ac-status").textContent()).resolves.toBe("En transit");
    await expect(page.locator(".ac-answer").textContent()).resolves.toContain(TRACKING);
    await page.screenshot({ path: screenshotPath("help-center-fr"), fullPage: true });
    await context.close();
  }, 150_000);
});
