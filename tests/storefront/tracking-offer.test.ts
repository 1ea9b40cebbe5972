import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { shopWithHistory } from "../recommendations/history";
import { adminDocument, adminFetch, storefrontFetch } from "../support/http";

/** Shipments → Tracking page: the offer form, as the admin posts it. */
const saveOffer = (shop: string, fields: Record<string, string>) =>
  adminFetch(shop, "/app/shipments/tracking-page.data", {
    method: "POST",
    body: new URLSearchParams({ code: "", headline: "", startsOn: "", endsOn: "", ...fields }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

/** A day `offset` days from today (UTC); ±2 days is another day in every time zone. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("the tracking page's offer (Shipments → Tracking page)", { timeout: 120_000 }, () => {
  it("shows the merchant's code and headline to shoppers following an order, only inside its schedule", async () => {
    const { shop, email } = await shopWithHistory("track-offer");
    const page = async (fields: Record<string, string>) =>
      (
        await storefrontFetch(shop, "/track", {
          method: "POST",
          body: new URLSearchParams({ locale: "en", ...fields }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        })
      ).text();
    const order = { order: "2009", email };
    const headline = "10% off while you wait {{ shop.email }}";
    const admin = await adminDocument(shop, "/app/shipments/tracking-page");
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain("No offer yet");

    // Refused: a code that is not a code, an end before the start, a code without headline.
    for (const fields of <Record<string, string>[]>[
      { code: "javascript:alert(1)", headline: "x" },
      { code: "WAIT10", headline: "x", startsOn: day(3), endsOn: day(1) },
      { code: "WAIT10", headline: "" },
      { code: "WAIT10", headline: "x", startsOn: "tomorrow" },
    ]) {
      const refused = await saveOffer(shop, fields);
      expect(refused.status, JSON.stringify(fields)).toBe(400);
    }
    expect(await db.trackingPageOffer.count({ where: { shopDomain: shop } })).toBe(0);

    // Not started yet: nothing shows.
    expect((await saveOffer(shop, { code: "WAIT10", headline, startsOn: day(2) })).status).toBe(
      200,
    );
    expect(await page(order)).not.toContain("WAIT10");

    // Running: the banner, with a link that applies the code on the storefront.
    await saveOffer(shop, { code: "WAIT10", headline, startsOn: day(-2), endsOn: day(2) });
    const running = await page(order);
    expect(running).toContain('<aside class="ac-offer" aria-label="Offer">');
    expect(running).toContain("Use code WAIT10 at checkout.");
    expect(running).toContain('<a href="/discount/WAIT10">Shop with this code</a>');
    // The headline is text: the theme's Liquid never runs it.
    expect(running).toContain("10% off while you wait");
    expect(running).not.toContain(`owner@${shop.replace(/\.myshopify\.com$/, "")}.example.com`);
    // Only for a shopper who found their order: the empty form and a failed lookup show none.
    expect(await page({})).not.toContain("WAIT10");
    expect(await page({ order: "2009", email: "someone@else.example" })).not.toContain("WAIT10");
    // In French too.
    expect(await page({ ...order, locale: "fr" })).toContain(
      "Utilisez le code WAIT10 lors du paiement.",
    );

    // Ended: gone again; an empty code removes the offer.
    await saveOffer(shop, { code: "WAIT10", headline, endsOn: day(-2) });
    expect(await page(order)).not.toContain("WAIT10");
    await saveOffer(shop, { code: "" });
    expect(await db.trackingPageOffer.count({ where: { shopDomain: shop } })).toBe(0);
  });
});
