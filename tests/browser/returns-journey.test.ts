import path from "node:path";
import { writeFileSync } from "node:fs";
import os from "node:os";
import sharp from "sharp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { adminFetch, standinUrl } from "../support/http";
import { waitFor } from "../support/wait";
import { PLAN, SUNGLASSES, TORTOISE_VARIANT, returnableShop } from "../returns/support";

const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** What the merchant set up: EasyPost for labels, photos for damaged items. */
async function merchantSetUp(shop: string) {
  const connected = await adminFetch(shop, "/app/shipments/settings.data", {
    method: "POST",
    body: new URLSearchParams({
      provider: "easypost",
      easypostApiKey: `EZTK${shop.length}journey`,
      writeBack: "on",
    }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(connected.status).toBe(200);
  await db.returnPolicyVersion.create({
    data: {
      shopDomain: shop,
      policy: JSON.stringify({
        storeCreditBonusPercent: 10,
        rules: [
          {
            id: "damaged",
            name: "Damaged",
            when: { reasons: ["damaged"] },
            then: { photosRequired: true },
          },
        ],
      }),
    },
  });
}

async function phonePhoto() {
  const file = path.join(os.tmpdir(), `damaged-${process.pid}.jpg`);
  writeFileSync(
    file,
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#b55" } })
      .jpeg()
      .withExif({ IFD0: { Make: "PhoneCam" } })
      .toBuffer(),
  );
  return file;
}

const adminCalls = async (shop: string) =>
  (
    (await (await fetch(`${standinUrl()}/__standin/shops/${shop}/calls`)).json()) as {
      operationName: string;
      variables: Record<string, unknown>;
    }[]
  ).map((call) => call.operationName);

describe("a return from the storefront to the refund", () => {
  it("a shopper exchanges one item and sends back a damaged one for store credit; the merchant approves, labels, receives and processes", async () => {
    const shop = await returnableShop("browser-return-journey");
    await merchantSetUp(shop);

    // The shopper, on a phone, on the shop's returns page (App Proxy, inside the theme).
    const shopper = await newPage(browser, PHONE);
    await shopper.goto(`${standinUrl()}/store/${shop}/apps/aftercare/returns`);
    await shopper.getByLabel("Order number").fill("#9999");
    await shopper.getByLabel("Email").fill("jon@example.com");
    await shopper.getByRole("button", { name: "Find my order" }).click();
    await shopper.getByRole("heading", { name: "Order #9999" }).waitFor();

    const sunglasses = shopper.locator("section", { hasText: "Return Aviator sunglasses" });
    await sunglasses.getByRole("checkbox").check();
    await sunglasses.getByLabel("Reason").selectOption("size-too-small");
    await sunglasses.getByLabel("Exchange for another option of this item").check();
    await sunglasses.getByLabel("Exchange for", { exact: true }).selectOption(TORTOISE_VARIANT);

    const plan = shopper.locator("section", { hasText: "Return Lens Protection Plan" });
    await plan.getByRole("checkbox").check();
    await plan.getByLabel("Reason").selectOption("damaged");
    await plan.getByLabel(/^Store credit/).check();
    await plan.getByLabel("Photos").setInputFiles(await phonePhoto());
    await shopper.screenshot({ path: screenshotPath("storefront-returns-choose"), fullPage: true });
    await shopper.getByRole("button", { name: "Request the return" }).click();

    await shopper.getByRole("heading", { name: "Your return for order #9999" }).waitFor();
    await expect(shopper.getByRole("status").textContent()).resolves.toBe(
      "Waiting for the store's approval",
    );
    const statusUrl = shopper.url();
    await shopper.screenshot({ path: screenshotPath("storefront-returns-status"), fullPage: true });

    const requested = await db.returnRequest.findFirstOrThrow({
      where: { shopDomain: shop },
      include: { lines: true, photos: true },
    });
    expect(requested.status).toBe("requested");
    expect(requested.photos).toHaveLength(1);

    // The merchant, in the admin: the return's photo, then each step.
    const merchant = await newPage(browser);
    await merchant.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/returns/${requested.id}`);
    const app = merchant.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByRole("button", { name: "Approve" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(() => app.getByRole("img", { name: "Photo 1 of 1" }).getAttribute("src"), {
        timeout: 20_000,
      })
      .toMatch(/^blob:/);
    await app.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(() => app.getByRole("button", { name: "Issue label" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    // Shopify's returnRequest takes no exchange: this return reaches Shopify once approved.
    await waitFor(
      async () =>
        (await db.returnRequest.findFirst({
          where: { id: requested.id, shopifyId: { not: null } },
        })) ?? undefined,
      { message: "return created in Shopify", timeout: 60_000 },
    );
    const created = await adminCalls(shop);
    expect(created).toContain("ReturnsReturnCreate");
    expect(created).not.toContain("ReturnsReturnRequest");
    await app.getByRole("button", { name: "Issue label" }).click();
    const label = await waitFor(
      async () =>
        (await db.returnLabel.findFirst({
          // The label's row is claimed first and filled in once the provider sold it.
          where: { shopDomain: shop, returnId: requested.id, trackingNumber: { not: "" } },
        })) ?? undefined,
      { message: "label bought", timeout: 30_000 },
    );
    // The parcel back is tracked like any shipment.
    await waitFor(
      async () =>
        (await db.trackingShipment.findFirst({
          where: { shopDomain: shop, trackingNumber: label.trackingNumber },
        })) ?? undefined,
      { message: "return parcel tracked", timeout: 30_000 },
    );
    await expect
      .poll(() => app.getByText(label.trackingNumber).first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    await merchant.screenshot({ path: screenshotPath("admin-return-labelled"), fullPage: true });

    await app.getByRole("button", { name: "Mark received" }).click();
    await expect
      .poll(() => app.getByRole("button", { name: "Process" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await app.getByRole("button", { name: "Process" }).click();
    const closed = await waitFor(
      async () =>
        (await db.returnRequest.findFirst({
          where: { id: requested.id, status: "closed" },
          include: { lines: true },
        })) ?? undefined,
      { message: "return processed", timeout: 30_000 },
    );
    const calls = await adminCalls(shop);
    for (const operation of ["ReturnsReverseDeliveryCreateWithShipping", "ReturnsReturnProcess"]) {
      expect(calls).toContain(operation);
    }
    const processed = (
      (await (await fetch(`${standinUrl()}/__standin/shops/${shop}/calls`)).json()) as {
        operationName: string;
        variables: { input?: { exchangeLineItems?: unknown[] } };
      }[]
    ).find((call) => call.operationName === "ReturnsReturnProcess");
    expect(processed?.variables.input?.exchangeLineItems).toHaveLength(1);
    expect(closed.lines.find((line) => line.lineItemShopifyId === SUNGLASSES)).toMatchObject({
      resolution: "exchange",
      exchangeVariantId: TORTOISE_VARIANT,
    });
    expect(closed.lines.find((line) => line.lineItemShopifyId === PLAN)).toMatchObject({
      resolution: "store_credit",
      bonus: 200,
    });
    await merchant.screenshot({ path: screenshotPath("admin-return-closed"), fullPage: true });

    // The shopper's link shows where the return stands.
    await shopper.goto(statusUrl);
    await expect(shopper.getByRole("status").textContent()).resolves.toBe("Completed");
    await merchant.close();
    await shopper.close();
  }, 180_000);
});
