import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const TRACKING = "1Z999AA10123456784";
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Order #9999 (jon@example.com) shipped by UPS, with two scans. */
async function shippedOrder() {
  const shop = uniqueShop("browser-track");
  await installShop(shop);
  await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") });
  await sendWebhook({
    shop,
    topic: "fulfillments/create",
    body: withFields(webhookFixture("fulfillments/create"), { status: "success" }).replaceAll(
      "1z827wk74630",
      TRACKING,
    ),
  });
  // Shopify sends fulfillment events after the fulfillment; with several workers an event can
  // still be handled first and wait for its retry, which is not what this test is about.
  await waitFor(
    async () => (await db.trackingShipment.findFirst({ where: { shopDomain: shop } })) ?? undefined,
    { message: "shipment stored", timeout: 60_000 },
  );
  for (const [status, happened_at, message, city] of [
    ["in_transit", "2026-11-20T09:00:00-05:00", "Departed facility", "Louisville"],
    ["out_for_delivery", "2026-11-21T07:45:00-05:00", "Out for delivery", "Ottawa"],
  ] as const) {
    await sendWebhook({
      shop,
      topic: "fulfillment_events/create",
      // Each event its own id, as Shopify's are (the same id is the same event).
      body: withFields(webhookFixture("fulfillment_events/create"), {
        id: Date.parse(happened_at),
        admin_graphql_api_id: `gid://shopify/FulfillmentEvent/${Date.parse(happened_at)}`,
        status,
        happened_at,
        message,
        city,
      }),
      webhookId: randomUUID(),
    });
  }
  await waitFor(
    async () =>
      (await db.trackingShipment.findFirst({
        where: { shopDomain: shop, tag: "OutForDelivery" },
      })) ?? undefined,
    { message: "shipment out for delivery", timeout: 60_000 },
  );
  return shop;
}

/** shippedOrder waits up to a minute for each step; a busy CI machine can need that long. */
const SHIPPED_ORDER_TIMEOUT_MS = 150_000;

describe("storefront tracking page", () => {
  it(
    "lets a shopper on a phone find their order by number and email and read its timeline",
    async () => {
      const shop = await shippedOrder();
      const page = await newPage(browser, PHONE);
      await page.goto(`${standinUrl()}/store/${shop}/apps/aftercare/track`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Track your order",
      );
      await page.getByLabel("Order number").fill("9999");
      await page.getByLabel("Email").fill("jon@example.com");
      await page.getByRole("button", { name: "Track" }).click();
      await page.getByRole("heading", { name: "Order #9999" }).waitFor();

      const timeline = page.locator(".ac-timeline li");
      await expect(timeline.count()).resolves.toBeGreaterThanOrEqual(2);
      await expect(timeline.first().textContent()).resolves.toContain("Out for delivery");
      await expect(timeline.first().textContent()).resolves.toContain("Ottawa");
      await expect(page.locator('[aria-current="step"]').textContent()).resolves.toBe(
        "Out for delivery",
      );
      await expect(page.locator(".ac-status").textContent()).resolves.toBe("Out for delivery");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(overflow).toBe(false);
      await page.screenshot({ path: screenshotPath("tracking-page-phone"), fullPage: true });
    },
    SHIPPED_ORDER_TIMEOUT_MS,
  );

  it(
    "tells a shopper with a wrong email that nothing matched, in their language",
    async () => {
      const shop = await shippedOrder();
      const page = await newPage(browser);
      await page.goto(`${standinUrl()}/store/${shop}/apps/aftercare/track?locale=fr`);
      await page.getByLabel("Numéro de commande").fill("#9999");
      await page.getByLabel("E-mail").fill("quelquun@example.com");
      await page.getByRole("button", { name: "Suivre" }).click();
      await page.getByRole("alert").waitFor();
      await expect(page.getByRole("alert").textContent()).resolves.toContain("Aucun envoi");
      await expect(page.locator(".ac-timeline").count()).resolves.toBe(0);

      await page.getByLabel("Numéro de suivi").fill(TRACKING);
      await page.getByLabel("E-mail").fill("");
      await page.getByLabel("Numéro de commande").fill("");
      await page.getByRole("button", { name: "Suivre" }).click();
      await page.locator(".ac-timeline").waitFor();
      await expect(page.locator(".ac-status").textContent()).resolves.toBe("En cours de livraison");
      await page.screenshot({ path: screenshotPath("tracking-page-fr"), fullPage: true });
    },
    SHIPPED_ORDER_TIMEOUT_MS,
  );
});
