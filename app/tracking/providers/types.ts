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

/** A webhook event whose signature checked out, as the inbox stores it. */
export interface VerifiedProviderEvent {
  /** The source's own event id: a delivery of the same event again is a duplicate. */
  id: string;
  /** The event's kind, as the source names it ("tracker.updated"). */
  kind: string;
  occurredAt: Date | null;
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
   * and names the event it carries; its content is read later, by the inbox's job.
   */
  verifyWebhook(shopDomain: string, webhook: ProviderWebhook): Promise<VerifiedProviderEvent>;
  /** The tracker a verified event carries, or null for events that are not tracker updates. */
  trackingFromEvent(payload: unknown): ProviderTracking | null;
  /** Registers where the source sends webhooks for this shop; returns nothing to store. */
  connect?(shopDomain: string, webhookUrl: string): Promise<void>;
}
