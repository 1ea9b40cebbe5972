import { earnForOrder } from "./earning";
import type { LoyaltyOrderPayload } from "./schemas";
import type { Program } from "./settings";

/** The sample order a merchant types into the settings page, in the shop's currency. */
export interface EarningSample {
  subtotal: string;
  discount: string;
  shipping: string;
  tax: string;
  /** A product tag the sample's one line carries, for the tag multipliers. */
  tag: string;
}

/**
 * What the sample order earns under a draft program, at the base rate and in each tier: the same
 * earnForOrder the webhooks use, on the order as Shopify would send it, so the preview cannot
 * drift from what members are credited.
 */
export function previewEarning(draft: Program, currency: string, sample: EarningSample) {
  const order = sampleOrder(currency, sample);
  const productTags = new Map([["1", sample.tag ? [sample.tag] : []]]);
  return {
    base: earnForOrder(order, draft, { productTags }),
    tiers: draft.tiers.map((tier) => ({
      name: tier.name,
      points: earnForOrder(order, draft, { productTags, tierMultiplier: tier.earnMultiplier })
        .points,
    })),
  };
}

function sampleOrder(currency: string, sample: EarningSample): LoyaltyOrderPayload {
  const money = (value: string) => (Number(value) > 0 ? Number(value).toFixed(2) : "0.00");
  return {
    id: "1",
    name: "#preview",
    currency,
    total_price: money(
      String(Number(sample.subtotal) + Number(sample.shipping) + Number(sample.tax)),
    ),
    total_discounts: money(sample.discount),
    total_tax: money(sample.tax),
    total_shipping_price_set: {
      shop_money: { amount: money(sample.shipping), currency_code: currency },
      presentment_money: { amount: money(sample.shipping), currency_code: currency },
    },
    created_at: new Date(0).toISOString(),
    line_items: [
      { id: "1", product_id: sample.tag ? "1" : null, quantity: 1, price: money(sample.subtotal) },
    ],
  };
}
