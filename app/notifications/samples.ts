import { isReturnTrigger, isShipmentTrigger, type TriggerName } from "./triggers";

/** What the merchant's previews and test emails show: a plausible parcel or points balance. */
export function sampleData(shopDomain: string, trigger: TriggerName) {
  if (trigger === "survey.alert") {
    return {
      survey: "NPS",
      score: 3,
      comment: "The parcel arrived late",
      orderName: "#1001",
      adminUrl: `https://admin.shopify.com/store/${shopDomain.replace(".myshopify.com", "")}/apps/aftercare/app/surveys`,
    };
  }
  if (trigger === "digest.weekly") {
    const admin = `https://admin.shopify.com/store/${shopDomain.replace(".myshopify.com", "")}/apps/aftercare/app`;
    return {
      from: "2026-11-23",
      to: "2026-11-29",
      currency: "USD",
      kpis: [
        { key: "orders", current: 142, previous: 128 },
        { key: "netRevenue", current: 1_284_000, previous: 1_190_500 },
        { key: "nps", current: 46, previous: 41 },
        { key: "onTimeRate", current: 0.93, previous: 0.9 },
      ],
      attention: [{ key: "returnsToInspect", count: 3, url: `${admin}/returns` }],
      adminUrl: admin,
    };
  }
  if (trigger === "survey.csat") {
    return {
      orderName: "#1001",
      ratingUrls: [1, 2, 3, 4, 5].map(
        (score) => `https://${shopDomain}/apps/aftercare/csat?score=${score}`,
      ),
    };
  }
  if (isReturnTrigger(trigger)) {
    return {
      orderName: "#1001",
      reason: trigger === "return.declined" ? "Worn items cannot be returned." : null,
      labelUrl:
        trigger === "return.label_ready"
          ? "https://easypost-files.s3.us-west-2.amazonaws.com/files/postage_label/sample.png"
          : null,
      amount: trigger === "return.refunded" ? 4500 : null,
      currency: trigger === "return.refunded" ? "USD" : null,
    };
  }
  if (!isShipmentTrigger(trigger)) {
    return {
      balance: 1200,
      firstName: "Ana",
      expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      accountUrl: `https://${shopDomain}/account`,
    };
  }
  const day = 86_400_000;
  return {
    orderName: "#1001",
    carrierName: "UPS",
    trackingNumber: "1Z999AA10123456784",
    trackingUrl: `https://${shopDomain}/apps/aftercare/track?tracking=1Z999AA10123456784`,
    estimate: {
      earliest: new Date(Date.now() + 2 * day).toISOString(),
      latest: new Date(Date.now() + 3 * day).toISOString(),
    },
    items: [
      { title: "Linen shirt", variantTitle: "M / Sand", quantity: 1, imageUrl: null },
      { title: "Canvas tote", variantTitle: null, quantity: 2, imageUrl: null },
    ],
    recommendations: [
      {
        title: "Cotton napkins (set of 4)",
        url: `https://${shopDomain}/products/cotton-napkins`,
        imageUrl: null,
        price: 2400,
        currency: "USD",
      },
      {
        title: "Stoneware mug",
        url: `https://${shopDomain}/products/stoneware-mug`,
        imageUrl: null,
        price: 1800,
        currency: "USD",
      },
    ],
    checkpoints: [
      {
        at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        message: "Departed facility",
        location: "Louisville, KY, US",
      },
      {
        at: new Date(Date.now() - day).toISOString(),
        message: "Picked up by the carrier",
        location: "Columbus, OH, US",
      },
    ],
  };
}
