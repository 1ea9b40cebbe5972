import { db } from "../db.server";
import { readTrackingPageLayout, type TrackingPageLayout } from "./page-layout";

export async function trackingPageLayout(shopDomain: string): Promise<TrackingPageLayout> {
  const row = await db.trackingPageLayout.findUnique({
    where: { shopDomain },
    select: { sections: true },
  });
  return readTrackingPageLayout(row?.sections);
}

export async function saveTrackingPageLayout(shopDomain: string, layout: TrackingPageLayout) {
  const sections = JSON.stringify({ sections: layout.sections });
  await db.trackingPageLayout.upsert({
    where: { shopDomain },
    create: { shopDomain, sections },
    update: { sections },
  });
}
