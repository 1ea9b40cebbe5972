import EasyPostClient from "@easypost/api";
import { z } from "zod";
import { config } from "../../config.server";
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
  return new EasyPostClient(easypostApiKey, { baseUrl: config().EASYPOST_API_URL });
}

function describe(error: unknown): string {
  const message = (error as { message?: string }).message;
  return message ? `EasyPost: ${message}` : "EasyPost could not be reached";
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
      const shipment = await client.Shipment.create({
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
      bought = BoughtSchema.parse(await client.Shipment.buy(shipment.id, lowest.id));
    } catch (error) {
      if (error instanceof LabelPurchaseError) throw error;
      throw new LabelPurchaseError(describe(error));
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
