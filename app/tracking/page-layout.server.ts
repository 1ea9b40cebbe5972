import { db } from "../db.server";
import { perProcessCache } from "../platform/per-process-cache";
import { readTrackingPageLayout, type TrackingPageLayout } from "./page-layout";

/** Read on every storefront lookup: kept 30 s per process, a save in this process applies at once. */
const layouts = perProcessCache(30_000, async (shopDomain): Promise<TrackingPageLayout> => {
  const row = await db.trackingPageLayout.findUnique({
    where: { shopDomain },
    select: { sections: true },
  });
  return readTrackingPageLayout(row?.sections);
});

export const trackingPageLayout = (shopDomain: string) => layouts.get(shopDomain);

export async function saveTrackingPageLayout(shopDomain: string, layout: TrackingPageLayout) {
  const sections = JSON.stringify({ sections: layout.sections });
  await db.trackingPageLayout.upsert({
    where: { shopDomain },
    create: { shopDomain, sections },
    update: { sections },
  });
  layouts.forget(shopDomain);
}
