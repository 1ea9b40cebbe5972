import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../app/notifications/render.server";
import { sampleData } from "../../app/notifications/samples";
import { NotificationSettingsSchema } from "../../app/notifications/settings";
import { TRIGGER_NAMES } from "../../app/notifications/triggers";
import { SHOPPER_LOCALES } from "../../app/platform/i18n";
import { launchBrowser, newPage, screenshotPath } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const brand = {
  shopName: "Maple & Pine",
  logoUrl: null,
  primaryColor: "#1f2937",
  accentColor: "#8a4b2a",
  address: "12 Harbour St, Halifax NS, Canada",
};

/** The action links each email carries: one button, except the CSAT scale and return news. */
const ACTION_LINKS: Partial<Record<(typeof TRIGGER_NAMES)[number], number>> = {
  "survey.csat": 5,
  "return.approved": 0,
  "return.declined": 0,
  "return.refunded": 0,
  // The admin button and the one waiting item the sample lists.
  "digest.weekly": 2,
};

describe("email templates in Chromium", () => {
  it.each(TRIGGER_NAMES)("%s renders in every language, on a phone", async (trigger) => {
    const page = await newPage(browser, { width: 390, height: 844 });
    for (const locale of SHOPPER_LOCALES) {
      const email = await renderEmail({
        trigger,
        locale,
        data: sampleData("maple-and-pine.myshopify.com", trigger),
        brand,
        settings: NotificationSettingsSchema.parse({}),
        unsubscribeUrl: "https://app.example/notifications/unsubscribe?token=x.y",
        openPixelUrl: null,
      });
      await page.setContent(email.html);
      await expect(page.locator("h1").textContent()).resolves.toBeTruthy();
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
      const links = page.locator(
        "a[href*='/apps/aftercare/track'], a[href$='/account'], a[href*='/apps/aftercare/csat'], a[href*='/apps/aftercare/app'], a[href*='/postage_label/']",
      );
      await expect(links.count()).resolves.toBe(ACTION_LINKS[trigger] ?? 1);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth + 1,
      );
      expect(overflow).toBe(false);
      expect(email.text.length).toBeGreaterThan(50);
      await page.screenshot({
        path: screenshotPath(`emails/${trigger}-${locale}`),
        fullPage: true,
      });
    }
    await page.close();
  });
});
