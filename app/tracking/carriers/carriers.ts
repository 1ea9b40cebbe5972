/** Carrier codes we know, with the name shoppers see and the carrier's public tracking page. */
export const CARRIERS: Record<string, { name: string; trackingUrl: string | null }> = {
  ups: { name: "UPS", trackingUrl: "https://www.ups.com/track?tracknum=%s" },
  fedex: { name: "FedEx", trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=%s" },
  usps: { name: "USPS", trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=%s" },
  dhl: { name: "DHL", trackingUrl: "https://www.dhl.com/en/express/tracking.html?AWB=%s" },
  amazon: { name: "Amazon Logistics", trackingUrl: "https://track.amazon.com/tracking/%s" },
  ontrac: { name: "OnTrac", trackingUrl: "https://www.ontrac.com/tracking/?number=%s" },
  lasership: { name: "LaserShip", trackingUrl: "https://www.ontrac.com/tracking/?number=%s" },
  canada_post: {
    name: "Canada Post",
    trackingUrl: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s",
  },
  purolator: {
    name: "Purolator",
    trackingUrl: "https://www.purolator.com/en/shipping/tracker?searchValue=%s",
  },
  yodel: { name: "Yodel", trackingUrl: "https://www.yodel.co.uk/tracking/%s" },
  yunexpress: { name: "YunExpress", trackingUrl: "https://www.yuntrack.com/parcelTracking?id=%s" },
  dpd: { name: "DPD", trackingUrl: "https://www.dpd.com/tracking/?parcelNumber=%s" },
  royal_mail: {
    name: "Royal Mail",
    trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/%s",
  },
  s10: { name: "Postal service (UPU S10)", trackingUrl: null },
};

export function carrierName(code: string | null): string | null {
  return code ? (CARRIERS[code]?.name ?? code) : null;
}

export function carrierTrackingUrl(code: string | null, number: string): string | null {
  const template = code ? CARRIERS[code]?.trackingUrl : null;
  return template ? template.replace("%s", encodeURIComponent(number)) : null;
}

/** Shopify's `tracking_company` (free text or one of its carrier names) as our carrier code. */
export function carrierFromCompany(company: string | null | undefined): string | null {
  const name = company?.trim().toLowerCase();
  if (!name || name === "other") return null;
  const matches: [RegExp, string][] = [
    [/\bups\b/, "ups"],
    [/fed ?ex/, "fedex"],
    [/\busps\b|united states postal/, "usps"],
    [/\bdhl\b/, "dhl"],
    [/amazon/, "amazon"],
    [/ontrac/, "ontrac"],
    [/laser ?ship/, "lasership"],
    [/canada post|postes canada/, "canada_post"],
    [/purolator/, "purolator"],
    [/yodel/, "yodel"],
    [/yun ?express/, "yunexpress"],
    [/\bdpd\b/, "dpd"],
    [/royal mail/, "royal_mail"],
  ];
  return matches.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
