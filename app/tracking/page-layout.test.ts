import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TRACKING_PAGE_LAYOUT,
  moveSection,
  readTrackingPageLayout,
  toggleSection,
  trackingPageBlocks,
  TrackingPageLayoutSchema,
  type TrackingPageLayout,
} from "./page-layout";
import { previewRecommendations, previewTracking } from "./shopper/preview-sample";
import { TrackingPage } from "./shopper/TrackingPage";

const ids = (layout: TrackingPageLayout) => layout.sections.map((section) => section.id);

describe("the tracking page's layout", () => {
  it("moves and hides sections, and keeps the ends where they are", () => {
    const helpFirst = [5, 4, 3, 2, 1].reduce(
      (layout) => moveSection(layout, "help", -1),
      DEFAULT_TRACKING_PAGE_LAYOUT,
    );
    expect(ids(helpFirst)).toEqual([
      "help",
      "estimate",
      "progress",
      "timeline",
      "offer",
      "recommendations",
    ]);
    expect(moveSection(helpFirst, "help", -1)).toBe(helpFirst);
    expect(moveSection(helpFirst, "recommendations", 1)).toBe(helpFirst);
    const hidden = toggleSection(helpFirst, "timeline", false);
    expect(hidden.sections.find((section) => section.id === "timeline")?.visible).toBe(false);
    expect(helpFirst.sections.find((section) => section.id === "timeline")?.visible).toBe(true);
  });

  it("puts the parcel cards where their first section stands, with only the visible parts", () => {
    const layout = toggleSection(
      moveSection(moveSection(DEFAULT_TRACKING_PAGE_LAYOUT, "offer", -1), "offer", -1),
      "progress",
      false,
    );
    expect(ids(layout)).toEqual([
      "estimate",
      "offer",
      "progress",
      "timeline",
      "recommendations",
      "help",
    ]);
    expect(trackingPageBlocks(layout)).toEqual([
      { kind: "shipments", parts: ["estimate", "timeline"] },
      { kind: "section", id: "offer" },
      { kind: "section", id: "recommendations" },
      { kind: "section", id: "help" },
    ]);
    // Every parcel part hidden: the cards still show status and items.
    const bare = ["estimate", "progress", "timeline"].reduce(
      (current, id) => toggleSection(current, id as "estimate", false),
      DEFAULT_TRACKING_PAGE_LAYOUT,
    );
    expect(trackingPageBlocks(bare)[0]).toEqual({ kind: "shipments", parts: [] });
  });

  it("accepts from the admin only every section once, and reads stored layouts leniently", () => {
    const twice = {
      sections: [...DEFAULT_TRACKING_PAGE_LAYOUT.sections.slice(1), { id: "help", visible: true }],
    };
    expect(TrackingPageLayoutSchema.safeParse(twice).success).toBe(false);
    expect(
      TrackingPageLayoutSchema.safeParse({
        sections: [...DEFAULT_TRACKING_PAGE_LAYOUT.sections, { id: "ads", visible: true }],
      }).success,
    ).toBe(false);
    expect(TrackingPageLayoutSchema.safeParse(DEFAULT_TRACKING_PAGE_LAYOUT).success).toBe(true);

    expect(readTrackingPageLayout(null)).toEqual(DEFAULT_TRACKING_PAGE_LAYOUT);
    expect(readTrackingPageLayout("{not json")).toEqual(DEFAULT_TRACKING_PAGE_LAYOUT);
    // Saved before "help" existed, with an id no longer known: kept order, unknown dropped,
    // the new section in its default place at the end.
    const older = readTrackingPageLayout(
      JSON.stringify({
        sections: [
          { id: "timeline", visible: false },
          { id: "banner", visible: true },
          { id: "estimate", visible: true },
          { id: "progress", visible: true },
          { id: "offer", visible: true },
          { id: "recommendations", visible: false },
        ],
      }),
    );
    expect(older.sections).toEqual([
      { id: "timeline", visible: false },
      { id: "estimate", visible: true },
      { id: "progress", visible: true },
      { id: "offer", visible: true },
      { id: "recommendations", visible: false },
      { id: "help", visible: true },
    ]);
  });

  it("renders the sections in the merchant's order and leaves hidden ones out", () => {
    const render = (layout: TrackingPageLayout) =>
      renderToStaticMarkup(
        TrackingPage({
          locale: "de",
          branding: { logoUrl: null, primaryColor: "#111111", accentColor: "#222222" },
          shopName: "Shop",
          formAction: "track",
          form: { orderNumber: "", email: "", trackingNumber: "" },
          error: null,
          result: previewTracking(new Date("2026-12-01T12:00:00Z")),
          recommendations: previewRecommendations("EUR"),
          offer: { code: "TRACK10", headline: "10 % Rabatt" },
          layout,
        }),
      );
    const standard = render(DEFAULT_TRACKING_PAGE_LAYOUT);
    const order = ["ac-shipment", "ac-offer", "ac-recommendations", "ac-help"].map((name) =>
      standard.indexOf(`class="${name}"`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(standard).toContain('<a href="help">Zu unserem Hilfe-Center</a>');
    expect(standard.indexOf("ac-steps")).toBeLessThan(standard.indexOf("ac-timeline"));

    let rearranged = toggleSection(DEFAULT_TRACKING_PAGE_LAYOUT, "timeline", false);
    rearranged = toggleSection(rearranged, "recommendations", false);
    for (let step = 0; step < 5; step++) rearranged = moveSection(rearranged, "help", -1);
    rearranged = moveSection(rearranged, "estimate", 1);
    rearranged = moveSection(rearranged, "estimate", 1);
    const custom = render(rearranged);
    expect(custom.indexOf('class="ac-help"')).toBeLessThan(custom.indexOf('class="ac-shipment"'));
    expect(custom).not.toContain(`class="ac-timeline"`);
    expect(custom).not.toContain("Das könnte Ihnen auch gefallen");
    // Progress now comes before the estimate inside the card; items still show.
    expect(custom.indexOf("ac-steps")).toBeLessThan(custom.indexOf("Voraussichtliche"));
    expect(custom).toContain("Linen shirt");
  });
});
