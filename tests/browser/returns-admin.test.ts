import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { adminFetch, standinUrl } from "../support/http";
import { draft, form } from "../returns/admin-support";
import { PLAN, SUNGLASSES, photoOf, returnableShop, submitted, twoItems } from "../returns/support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("returns in the admin", () => {
  it("edits the policy, checks an order, then works a return from the queue", async () => {
    const shop = await returnableShop("browser-returns");
    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/returns`);
    const app = page.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByText("No returns yet").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await app.getByRole("link", { name: "Set up your return policy" }).click();
    await expect
      .poll(() => app.getByRole("heading", { name: "Return policy" }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);

    // An out-of-range window is refused next to its field, and nothing is saved.
    await app.getByLabel("Return window", { exact: true }).fill("400");
    await app.getByRole("button", { name: "Save policy" }).click();
    await expect.poll(() => app.getByText("At most 365").first().isVisible()).toBe(true);
    expect(await db.returnPolicyVersion.count({ where: { shopDomain: shop } })).toBe(0);
    await app.getByLabel("Return window", { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("admin-returns-policy-error"), fullPage: true });

    await app.getByLabel("Return window", { exact: true }).fill("45");
    await app.getByRole("button", { name: "Add rule" }).click();
    await app.getByLabel("Rule name").fill("Damaged items");
    await app.getByLabel("Returned for reasons").fill("damaged");
    await app.getByText("Photos required (the return waits for your approval)").click();
    await app.getByRole("button", { name: "Save policy" }).click();
    await expect
      .poll(() => app.getByText("Policy saved").isVisible(), { timeout: 20_000 })
      .toBe(true);
    const stored = await db.returnPolicyVersion.findUniqueOrThrow({ where: { shopDomain: shop } });
    expect(JSON.parse(stored.policy)).toMatchObject({
      windowDays: 45,
      rules: [
        { name: "Damaged items", when: { reasons: ["damaged"] }, then: { photosRequired: true } },
      ],
    });

    await app.getByLabel("Order", { exact: true }).fill("#9999");
    await app.getByLabel("Return reason (optional)").fill("damaged");
    await app.getByRole("button", { name: "Check order" }).click();
    await expect
      .poll(() => app.getByText("Damaged items: photos required").first().isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await app.getByText("Damaged items: photos required").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("admin-returns-policy"), fullPage: true });

    // A damaged item waits for approval; the plan goes straight to open.
    await submitted(shop, {
      ...twoItems(),
      lines: [{ lineItemId: SUNGLASSES, quantity: 1, reason: "damaged", resolution: "refund" }],
      photos: [photoOf(SUNGLASSES)],
    });
    await submitted(shop, {
      ...twoItems(),
      lines: [{ lineItemId: PLAN, quantity: 1, reason: "unwanted", resolution: "store_credit" }],
    });

    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/returns`);
    await expect
      .poll(() => app.getByText("Aviator sunglasses").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => app.getByText("Lens Protection Plan (2 Year)").isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-returns-queue"), fullPage: true });

    await app.getByRole("tab", { name: /Requested/ }).click();
    await expect
      .poll(() => app.getByText("Lens Protection Plan (2 Year)").isVisible(), { timeout: 20_000 })
      .toBe(false);
    await app.getByText("Aviator sunglasses").click();
    await expect
      .poll(() => app.getByRole("heading", { name: "Refund preview" }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect.poll(() => app.getByText("Reason: Damaged").isVisible()).toBe(true);

    await app.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(() => app.getByRole("button", { name: "Issue label" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await app.getByRole("button", { name: "Issue label" }).click();
    await expect
      .poll(
        () =>
          app
            .getByText("Connect EasyPost under Shipments → Tracking settings to buy return labels")
            .isVisible(),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    await expect.poll(() => app.getByText("Approved", { exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-return"), fullPage: true });
    const approved = await db.returnRequest.findFirstOrThrow({
      where: {
        shopDomain: shop,
        status: "open",
        lines: { some: { lineItemShopifyId: SUNGLASSES } },
      },
    });
    expect(approved.approvedAt).not.toBeNull();

    await page.close();
  }, 60_000);

  it("declines selected returns from the queue with the reason the customer sees", async () => {
    const shop = await returnableShop("browser-returns-bulk");
    const page = await newPage(browser);
    page.setDefaultTimeout(15_000);
    const app = page.frameLocator("iframe#app");
    // Photos required for "damaged": the return waits for approval.
    expect(
      (
        await adminFetch(
          shop,
          "/app/returns/settings.data",
          form({ intent: "save", policy: draft() }),
        )
      ).status,
    ).toBe(200);
    const { id: returnId } = await submitted(shop, {
      ...twoItems(),
      lines: [{ lineItemId: SUNGLASSES, quantity: 1, reason: "damaged", resolution: "refund" }],
      photos: [photoOf(SUNGLASSES)],
    });
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/returns`);
    await expect
      .poll(() => app.getByText("Aviator sunglasses").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await app.getByRole("checkbox").nth(1).check({ force: true });
    await app.getByRole("button", { name: "Decline" }).click();
    await app.getByLabel("Reason for declining").fill("Damage caused by use");
    await page.screenshot({ path: screenshotPath("admin-returns-decline"), fullPage: true });
    await app.getByRole("dialog").getByRole("button", { name: "Decline" }).click();
    await expect
      .poll(() => app.getByText("1 return(s) updated").isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await db.returnRequest.findUniqueOrThrow({ where: { id: returnId } })).toMatchObject({
      status: "declined",
      declineReason: "Damage caused by use",
    });
    await page.close();
  }, 60_000);
});
