import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import {
  DEFAULT_TRACKING_PAGE_LAYOUT,
  moveSection,
  toggleSection,
} from "../../app/tracking/page-layout";
import { shopWithHistory } from "../recommendations/history";
import { adminDocument, adminFetch, storefrontFetch } from "../support/http";

/** Shipments → Tracking page, saved as the editor's form posts it (no offer). */
const saveEditor = (shop: string, fields: Record<string, string>) =>
  adminFetch(shop, "/app/shipments/tracking-page.data", {
    method: "POST",
    body: new URLSearchParams({
      code: "",
      headline: "",
      startsOn: "",
      endsOn: "",
      logoUrl: "",
      primaryColor: "#1f2937",
      accentColor: "#008060",
      sections: JSON.stringify(DEFAULT_TRACKING_PAGE_LAYOUT),
      ...fields,
    }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

const shopSettings = async (shop: string) =>
  JSON.parse((await db.shop.findUniqueOrThrow({ where: { domain: shop } })).settings);

describe(
  "the tracking page's sections and brand (Shipments → Tracking page)",
  { timeout: 120_000 },
  () => {
    it("shows shoppers the sections in the merchant's order, records nothing for hidden recommendations, and refuses bad input whole", async () => {
      const { shop, email } = await shopWithHistory("track-layout");
      const page = async () =>
        (
          await storefrontFetch(shop, "/track", {
            method: "POST",
            body: new URLSearchParams({ locale: "en", order: "2009", email }),
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
          })
        ).text();

      const editor = await adminDocument(shop, "/app/shipments/tracking-page");
      expect(editor.status).toBe(200);
      const editorHtml = await editor.text();
      expect(editorHtml).toContain("Preview of the tracking page");
      expect(editorHtml).toContain("Move Help link up");

      // Help link first, tracking history and recommendations hidden, an own accent colour.
      let layout = toggleSection(DEFAULT_TRACKING_PAGE_LAYOUT, "timeline", false);
      layout = toggleSection(layout, "recommendations", false);
      for (let step = 0; step < 5; step++) layout = moveSection(layout, "help", -1);
      const saved = await saveEditor(shop, {
        sections: JSON.stringify(layout),
        accentColor: "#aa3300",
      });
      expect(saved.status).toBe(200);
      const html = await page();
      expect(html).toContain("Order #2009");
      expect(html.indexOf('class="ac-help"')).toBeGreaterThan(0);
      // The order has not shipped: its parcel block says so, below the help link now.
      expect(html.indexOf('class="ac-help"')).toBeLessThan(html.indexOf("shipped yet"));
      expect(html).toContain('<a href="help">Visit our help center</a>');
      expect(html).not.toContain("You may also like");
      expect(html).toContain("--ac-accent:#aa3300");
      // Hidden recommendations are not shown, so not counted as shown.
      expect(await db.recommendationEvent.count({ where: { shopDomain: shop } })).toBe(0);
      expect((await shopSettings(shop)).branding.accentColor).toBe("#aa3300");

      // Refused whole: a section twice, unreadable sections, a colour that is no colour.
      const twice = JSON.stringify({
        sections: [...layout.sections.slice(1), layout.sections[1]],
      });
      for (const fields of <Record<string, string>[]>[
        { sections: twice },
        { sections: "{" },
        { primaryColor: "red", sections: JSON.stringify(DEFAULT_TRACKING_PAGE_LAYOUT) },
      ]) {
        const refused = await saveEditor(shop, fields);
        expect(refused.status, JSON.stringify(fields)).toBe(400);
      }
      const unchanged = await page();
      expect(unchanged.indexOf('class="ac-help"')).toBeLessThan(unchanged.indexOf("shipped yet"));
      expect((await shopSettings(shop)).branding).toMatchObject({
        primaryColor: "#1f2937",
        accentColor: "#aa3300",
      });

      // Back to every section: recommendations show and are recorded once more.
      expect((await saveEditor(shop, {})).status).toBe(200);
      const standard = await page();
      expect(standard).toContain("You may also like");
      expect(standard.indexOf("shipped yet")).toBeLessThan(standard.indexOf('class="ac-help"'));
      expect(await db.recommendationEvent.count({ where: { shopDomain: shop } })).toBeGreaterThan(
        0,
      );
      expect(await db.trackingPageLayout.count({ where: { shopDomain: shop } })).toBe(1);
    });
  },
);
