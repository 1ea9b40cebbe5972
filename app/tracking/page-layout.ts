import { z } from "zod";

/**
 * The sections of the storefront tracking page a merchant arranges (Shipments → Tracking page).
 * The first three belong to each shipment and are drawn inside its card, in the merchant's order;
 * the card itself stands where the first of them stands. The others belong to the page.
 */
export const TRACKING_PAGE_SECTIONS = [
  "estimate",
  "progress",
  "timeline",
  "offer",
  "recommendations",
  "help",
] as const;
export type TrackingPageSection = (typeof TRACKING_PAGE_SECTIONS)[number];

const SHIPMENT_SECTIONS: ReadonlySet<TrackingPageSection> = new Set([
  "estimate",
  "progress",
  "timeline",
]);

export interface TrackingPageLayout {
  sections: { id: TrackingPageSection; visible: boolean }[];
}

export const DEFAULT_TRACKING_PAGE_LAYOUT: TrackingPageLayout = {
  sections: TRACKING_PAGE_SECTIONS.map((id) => ({ id, visible: true })),
};

/** What the admin posts: every section exactly once, in the order the merchant chose. */
export const TrackingPageLayoutSchema = z.object({
  sections: z
    .array(z.object({ id: z.enum(TRACKING_PAGE_SECTIONS), visible: z.boolean() }))
    .refine(
      (sections) =>
        sections.length === TRACKING_PAGE_SECTIONS.length &&
        new Set(sections.map((section) => section.id)).size === sections.length,
      "Every section appears exactly once",
    ),
});

/**
 * A stored layout, read leniently: sections a later version added show in their default place,
 * and one unreadable falls back to the default rather than breaking the page.
 */
export function readTrackingPageLayout(json: string | null | undefined): TrackingPageLayout {
  let parsed: unknown = null;
  try {
    parsed = json ? JSON.parse(json) : null;
  } catch {
    return DEFAULT_TRACKING_PAGE_LAYOUT;
  }
  const stored = z
    .object({ sections: z.array(z.object({ id: z.string(), visible: z.boolean() })) })
    .safeParse(parsed);
  if (!stored.success) return DEFAULT_TRACKING_PAGE_LAYOUT;
  const known = stored.data.sections.filter(
    (section): section is TrackingPageLayout["sections"][number] =>
      (TRACKING_PAGE_SECTIONS as readonly string[]).includes(section.id),
  );
  const unique = known.filter(
    (section, index) => known.findIndex((other) => other.id === section.id) === index,
  );
  const missing = DEFAULT_TRACKING_PAGE_LAYOUT.sections.filter(
    (section) => !unique.some((other) => other.id === section.id),
  );
  return { sections: [...unique, ...missing] };
}

export const isShown = (layout: TrackingPageLayout, id: TrackingPageSection) =>
  layout.sections.some((section) => section.id === id && section.visible);

/** One block of the page, top to bottom: the shipment cards with their visible parts, or a page section. */
export type TrackingPageBlock =
  | { kind: "shipments"; parts: TrackingPageSection[] }
  | { kind: "section"; id: TrackingPageSection };

/**
 * The page's blocks in the merchant's order. The shipment cards always show (status and items
 * are the page's purpose), at the place of the first shipment section, with only the visible ones.
 */
export function trackingPageBlocks(layout: TrackingPageLayout): TrackingPageBlock[] {
  const parts = layout.sections
    .filter((section) => SHIPMENT_SECTIONS.has(section.id) && section.visible)
    .map((section) => section.id);
  const blocks: TrackingPageBlock[] = [];
  let shipmentsPlaced = false;
  for (const section of layout.sections) {
    if (SHIPMENT_SECTIONS.has(section.id)) {
      if (!shipmentsPlaced) blocks.push({ kind: "shipments", parts });
      shipmentsPlaced = true;
    } else if (section.visible) {
      blocks.push({ kind: "section", id: section.id });
    }
  }
  return blocks;
}

/** The layout with one section moved up (-1) or down (+1); at an end it stays. */
export function moveSection(
  layout: TrackingPageLayout,
  id: TrackingPageSection,
  direction: -1 | 1,
): TrackingPageLayout {
  const from = layout.sections.findIndex((section) => section.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= layout.sections.length) return layout;
  const sections = layout.sections.filter((_, index) => index !== from);
  sections.splice(to, 0, layout.sections[from]!);
  return { sections };
}

export function toggleSection(
  layout: TrackingPageLayout,
  id: TrackingPageSection,
  visible: boolean,
): TrackingPageLayout {
  return {
    sections: layout.sections.map((section) =>
      section.id === id ? { ...section, visible } : section,
    ),
  };
}
