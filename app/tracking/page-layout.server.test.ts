import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { DEFAULT_TRACKING_PAGE_LAYOUT, moveSection, toggleSection } from "./page-layout";
import {
  saveTrackingPageLayout,
  shopperTrackingPageLayout,
  trackingPageLayout,
} from "./page-layout.server";

describe("the tracking page's layout, for the editor and for shoppers", () => {
  it("gives the editor what is saved, even by another process; shoppers a copy kept 30 s that a save here replaces", async () => {
    const shopDomain = `layout-${randomUUID()}.myshopify.com`;
    const first = toggleSection(DEFAULT_TRACKING_PAGE_LAYOUT, "timeline", false);
    await saveTrackingPageLayout(shopDomain, first);
    expect(await shopperTrackingPageLayout(shopDomain)).toEqual(first);

    // Another process's save: this one's shoppers keep their copy, its editor shows the save.
    const elsewhere = moveSection(first, "help", -1);
    await db.trackingPageLayout.update({
      where: { shopDomain },
      data: { sections: JSON.stringify({ sections: elsewhere.sections }) },
    });
    expect(await trackingPageLayout(shopDomain)).toEqual(elsewhere);
    expect(await shopperTrackingPageLayout(shopDomain)).toEqual(first);

    const here = toggleSection(elsewhere, "recommendations", false);
    await saveTrackingPageLayout(shopDomain, here);
    expect(await shopperTrackingPageLayout(shopDomain)).toEqual(here);
  });
});
