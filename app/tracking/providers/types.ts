import type { Status } from "../status";

/** One scan or status event, in our model, from any data source. */
export interface CheckpointInput {
  source: string;
  occurredAt: Date;
  /** "-05:00" when the source gave the local offset. */
  utcOffset: string | null;
  status: Status;
  message: string;
  city: string | null;
  region: string | null;
  country: string | null;
  postalCode: string | null;
  estimatedDeliveryAt: Date | null;
}

/** What a data source knows about one tracking number. */
export interface ProviderTracking {
  /** The source's own id for the tracker. */
  ref: string;
  carrier: string | null;
  service: string | null;
  checkpoints: CheckpointInput[];
  estimatedDeliveryAt: Date | null;
}

export interface ProviderShipment {
  shopDomain: string;
  trackingNumber: string;
  carrier: string | null;
  providerRef: string | null;
}

export interface ProviderWebhook {
  headers: Headers;
  rawBody: Buffer;
}

export class ProviderSignatureError extends Error {
  override name = "ProviderSignatureError";
}

/**
 * A carrier data source (an aggregator such as EasyPost, AfterShip or 17TRACK). Adding one is a
 * new file implementing this and a line in ./registry.server.ts.
 */
export interface TrackingProvider {
  readonly name: string;
  /** Starts following a tracking number; returns what the source knows already. */
  register(shipment: ProviderShipment): Promise<ProviderTracking>;
  /** The polling fallback: asks the source for the tracker's current state. */
  fetch(shipment: ProviderShipment & { providerRef: string }): Promise<ProviderTracking>;
  /**
   * Verifies an incoming webhook (throwing ProviderSignatureError when it is unsigned or forged)
   * and returns the tracker it carries, or null for events that are not tracker updates.
   */
  parseWebhook(shopDomain: string, webhook: ProviderWebhook): Promise<ProviderTracking | null>;
  /** Registers where the source sends webhooks for this shop; returns nothing to store. */
  connect?(shopDomain: string, webhookUrl: string): Promise<void>;
}
