/**
 * A prepaid return label provider: buys the cheapest label that brings a return from the
 * shopper's address to the shop's return location. EasyPost is ./easypost.server.ts; another
 * provider is one more file implementing LabelProvider, listed in ./labels.server.ts.
 */
export interface LabelAddress {
  name: string | null;
  company: string | null;
  street1: string;
  street2: string | null;
  city: string;
  state: string | null;
  zip: string;
  country: string;
  phone: string | null;
  email: string | null;
}

export interface ReturnLabelRequest {
  shopDomain: string;
  /** Our return's id, given to the provider as its reference. */
  reference: string;
  /** The shopper, who sends the parcel. */
  from: LabelAddress;
  /** The shop's return location. */
  to: LabelAddress;
  parcel: { weightOz: number };
}

export interface PurchasedLabel {
  providerRef: string;
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  labelUrl: string;
  /** Minor units of `currency`. */
  cost: number;
  currency: string;
}

export class LabelPurchaseError extends Error {
  override name = "LabelPurchaseError";
}

export interface LabelProvider {
  /** Stored on ReturnLabel.provider. */
  readonly name: string;
  /** Whether the shop has connected this provider. */
  connected(shopDomain: string): Promise<boolean>;
  buyReturnLabel(request: ReturnLabelRequest): Promise<PurchasedLabel>;
}
