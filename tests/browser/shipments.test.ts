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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("shipments in the admin", () => {
  it("lists a damaged parcel under Needs attention, shows its timeline and resolves it", async () => {
    const shop = uniqueShop("browser-shipments");
    await installShop(shop);
    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: webhookFixture("fulfillments/create").replaceAll("1z827wk74630", "1Z5R89390357567127"),
      webhookId: randomUUID(),
    });
    // Shopify sends fulfillment events after the fulfillment; with several workers an event can
    // still be handled first and wait for its retry, which is not what this test is about.
    await waitFor(
      async () =>
        (await db.trackingShipment.findFirst({ where: { shopDomain: shop } })) ?? undefined,
      { message: "shipment stored", timeout: 60_000 },
    );
    for (const [status, happened_at] of [
      ["in_transit", "2026-11-01T09:00:00-05:00"],
      ["failure", "2026-11-02T14:30:00-05:00"],
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
          message: status === "failure" ? "Package damaged at the hub" : "Item is now in transit",
        }),
        webhookId: randomUUID(),
      });
    }
    await waitFor(
      async () =>
        (await db.trackingShipment.findFirst({ where: { shopDomain: shop } }))?.attentionReason ===
        "exception",
      { message: "the damaged parcel flagged", timeout: 60_000 },
    );

    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/shipments`);
    const app = page.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByRole("heading", { name: "Shipments" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await app.getByRole("tab", { name: /Needs attention/ }).click();
    await expect.poll(() => app.getByText("1Z5R89390357567127").isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-shipments"), fullPage: true });

    await app.getByText("1Z5R89390357567127").click();
    await expect
      .poll(() => app.getByText("Needs attention: Exception").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(() => app.getByText("Exception: Package damaged at the hub").isVisible())
      .toBe(true);
    await expect.poll(() => app.getByText("Item is now in transit").isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-shipment"), fullPage: true });

    await app.getByRole("button", { name: "Mark resolved" }).click();
    await expect
      .poll(() => app.getByText("Needs attention: Exception").isVisible(), { timeout: 20_000 })
      .toBe(false);
    expect(
      (await db.trackingShipment.findFirst({ where: { shopDomain: shop } }))?.attentionReason,
    ).toBeNull();
    await page.close();
  }, 150_000);
});
