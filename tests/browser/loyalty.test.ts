import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";
import { standinUrl } from "../support/http";
import { shopWithMember } from "../loyalty/support";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("loyalty in the admin", () => {
  it("finds a member, reads their ledger and adjusts their points with a reason", async () => {
    const { shop, member } = await shopWithMember("browser-loyalty");
    const page = await newPage(browser);
    await page.goto(`${standinUrl()}/admin?shop=${shop}&path=/app/loyalty`);
    const app = page.frameLocator("iframe#app");
    await expect
      .poll(() => app.getByRole("heading", { name: "Loyalty" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await app.getByText("John Smith").click();
    await expect
      .poll(() => app.getByText("394 points", { exact: true }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => app.getByText("Order earned").isVisible()).toBe(true);

    // No reason: refused, nothing written.
    await app.getByLabel("Points").fill("25");
    await app.getByRole("button", { name: "Adjust" }).click();
    await expect
      .poll(() => app.getByText("Say why (at least 3 characters)").isVisible())
      .toBe(true);
    expect(await db.loyaltyEntry.count({ where: { memberId: member.id, source: "manual" } })).toBe(
      0,
    );

    await app.getByLabel("Reason").fill("Birthday gift from the team");
    await app.getByRole("button", { name: "Adjust" }).click();
    await expect
      .poll(() => app.getByText("419 points", { exact: true }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(() => app.getByText(/Birthday gift from the team · staff:/).isVisible())
      .toBe(true);
    await page.screenshot({ path: screenshotPath("admin-loyalty-member"), fullPage: true });
    expect((await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } })).balance).toBe(
      419,
    );
    await page.close();
  });
});
