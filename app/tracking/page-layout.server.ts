import { db } from "../db.server";
import { perProcessCache } from "../platform/per-process-cache";
import { readTrackingPageLayout, type TrackingPageLayout } from "./page-layout";

/** The layout as saved: what the merchant's editor shows. */
export async function trackingPageLayout(shopDomain: string): Promise<TrackingPageLayout> {
  const row = await db.trackingPageLayout.findUnique({
    where: { shopDomain },
    select: { sections: true },
  });
  return readTrackingPageLayout(row?.sections);
}

/** Read on every storefront lookup: kept 30 s per process, a save in this process applies at once. */
const shopperLayouts = perProcessCache(30_000, trackingPageLayout);

export const shopperTrackingPageLayout = (shopDomain: string) => shopperLayouts.get(shopDomain);

export async function saveTrackingPageLayout(shopDomain: string, layout: TrackingPageLayout) {
  const sections = JSON.stringify({ sections: layout.sections });
  await db.trackingPageLayout.upsert({
    where: { shopDomain },
    create: { shopDomain, sections },
    update: { sections },
  });
  shopperLayouts.forget(shopDomain);
}
