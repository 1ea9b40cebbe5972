/**
 * Carrier codes we know, with the name shoppers see and the carrier's public tracking page (for
 * the carriers the tracking-number spec added, the page its courier file names).
 */
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
  canpar: {
    name: "Canpar Express",
    trackingUrl: "https://www.canpar.com/en/track/tracking.jsp?reference=%s&locale=en",
  },
  gofo: {
    name: "GOFO Express",
    trackingUrl: "https://www.gofoexpress.com/tracking.html?searchID=%s",
  },
  landmark: { name: "Landmark Global", trackingUrl: "https://track.landmarkglobal.com/?search=%s" },
  old_dominion: {
    name: "Old Dominion Freight Line",
    trackingUrl:
      "https://www.odfl.com/us/en/tools/trace-track-ltl-freight/trace.html?proNumbers=%s",
  },
  speedee: {
    name: "Spee-Dee Delivery",
    trackingUrl: "https://www.speedeedelivery.com/track/?tracking=%s",
  },
  s10: { name: "Postal service (UPU S10)", trackingUrl: null },
};

/**
 * The tracking-number spec's courier codes (spec/couriers/*.json) as our carrier codes. They are
 * the same today; a courier the spec renames or adds is mapped here, and one not listed keeps its
 * spec code.
 */
const SPEC_COURIER_CARRIERS: Record<string, string> = {
  amazon: "amazon",
  canada_post: "canada_post",
  canpar: "canpar",
  dhl: "dhl",
  dpd: "dpd",
  fedex: "fedex",
  gofo: "gofo",
  landmark: "landmark",
  lasership: "lasership",
  old_dominion: "old_dominion",
  ontrac: "ontrac",
  purolator: "purolator",
  s10: "s10",
  speedee: "speedee",
  ups: "ups",
  usps: "usps",
  yodel: "yodel",
  yunexpress: "yunexpress",
};

export function specCarrier(courierCode: string): string {
  return SPEC_COURIER_CARRIERS[courierCode] ?? courierCode;
}

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
    [/canpar/, "canpar"],
    [/\bgofo\b/, "gofo"],
    [/landmark/, "landmark"],
    [/old dominion|\bodfl\b/, "old_dominion"],
    [/spee-?dee/, "speedee"],
  ];
  return matches.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
