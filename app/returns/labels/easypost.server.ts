import { z } from "zod";
import { easypostClient, EasyPostError } from "../../platform/easypost/client.server";
import { toMinorUnits } from "../../platform/shopify/money";
import { getTrackingSettings } from "../../tracking/index.server";
import {
  LabelPurchaseError,
  type LabelAddress,
  type LabelProvider,
  type PurchasedLabel,
  type ReturnLabelRequest,
} from "./types";

/**
 * Return labels bought from EasyPost with the API key the merchant connected for tracking
 * (https://docs.easypost.com/docs/shipments): a shipment with `is_return: true` from the shopper
 * to the shop, then its lowest rate bought.
 */

const RateSchema = z.object({
  id: z.string(),
  carrier: z.string(),
  service: z.string().nullish(),
  rate: z.string(),
  currency: z.string(),
});

const BoughtSchema = z.object({
  id: z.string(),
  tracking_code: z.string(),
  selected_rate: RateSchema,
  postage_label: z.object({ label_url: z.string().url() }),
  tracker: z.object({ public_url: z.string().nullish() }).nullish(),
});

const address = (value: LabelAddress) => ({
  name: value.name,
  company: value.company,
  street1: value.street1,
  street2: value.street2,
  city: value.city,
  state: value.state,
  zip: value.zip,
  country: value.country,
  phone: value.phone,
  email: value.email,
});

async function clientFor(shopDomain: string) {
  const { easypostApiKey } = await getTrackingSettings(shopDomain);
  if (!easypostApiKey) throw new LabelPurchaseError("EasyPost is not connected");
  return easypostClient(easypostApiKey);
}

export const easypostLabels: LabelProvider = {
  name: "easypost",

  async connected(shopDomain) {
    return Boolean((await getTrackingSettings(shopDomain)).easypostApiKey);
  },

  async buyReturnLabel(request: ReturnLabelRequest): Promise<PurchasedLabel> {
    const client = await clientFor(request.shopDomain);
    let bought;
    try {
      const shipment = await client.createShipment({
        is_return: true,
        reference: request.reference,
        from_address: address(request.from),
        to_address: address(request.to),
        parcel: { weight: request.parcel.weightOz },
      });
      const rates = z.array(RateSchema).parse(shipment.rates ?? []);
      if (!rates.length) {
        throw new LabelPurchaseError("EasyPost offered no rate for this return");
      }
      const lowest = rates.reduce((best, rate) =>
        Number(rate.rate) < Number(best.rate) ? rate : best,
      );
      bought = BoughtSchema.parse(await client.buyShipment(shipment.id, lowest.id));
    } catch (error) {
      if (error instanceof LabelPurchaseError) throw error;
      // EasyPost's refusals read as it wrote them; an answer of an unexpected shape is its too.
      throw new LabelPurchaseError(
        error instanceof EasyPostError ? error.message : `EasyPost: ${(error as Error).message}`,
      );
    }
    return {
      providerRef: bought.id,
      carrier: bought.selected_rate.carrier,
      service: bought.selected_rate.service ?? null,
      trackingNumber: bought.tracking_code,
      trackingUrl: bought.tracker?.public_url ?? null,
      labelUrl: bought.postage_label.label_url,
      cost: toMinorUnits(bought.selected_rate.rate, bought.selected_rate.currency),
      currency: bought.selected_rate.currency,
    };
  },
};
