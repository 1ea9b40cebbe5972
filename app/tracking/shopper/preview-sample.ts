import type { ShopperTracking } from "../lookup.server";
import type { PageRecommendation } from "./TrackingPage";

const DAY = 86_400_000;

/**
 * What the tracking-page editor previews: an order in transit with a few scans, dated around
 * `now` so the estimate reads as a coming day.
 */
export function previewTracking(now: Date): ShopperTracking {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  return {
    orderName: "#1001",
    locale: null,
    shipments: [
      {
        trackingNumber: "1Z999AA10123456784",
        carrier: "ups",
        carrierName: "UPS",
        carrierUrl: null,
        tag: "InTransit",
        subtag: "InTransit_001",
        shippedAt: at(-2),
        deliveredAt: null,
        estimate: { earliest: at(1), latest: at(2) },
        items: [{ title: "Linen shirt", variantTitle: "M / Sand", quantity: 1 }],
        checkpoints: [
          {
            at: at(-0.5),
            utcOffset: null,
            tag: "InTransit",
            subtag: "InTransit_001",
            message: "Departed facility",
            location: "Louisville, KY",
          },
          {
            at: at(-2),
            utcOffset: null,
            tag: "InfoReceived",
            subtag: "InfoReceived_001",
            message: "Label created",
            location: null,
          },
        ],
      },
    ],
  };
}

export function previewRecommendations(currency: string): PageRecommendation[] {
  return ["Canvas tote", "Wool socks", "Cotton cap"].map((title, index) => ({
    title,
    imageUrl: null,
    price: 1900 + index * 600,
    currency,
    clickUrl: `#preview-${index}`,
  }));
}
