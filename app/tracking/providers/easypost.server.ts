import { z } from "zod";
import {
  easypostClient,
  EasyPostSignatureError,
  verifyEasyPostWebhook,
} from "../../platform/easypost/client.server";
import { getTrackingSettings } from "../settings.server";
import { fromEasyPost } from "./easypost-status";
import {
  ProviderSignatureError,
  type CheckpointInput,
  type ProviderShipment,
  type ProviderTracking,
  type ProviderWebhook,
  type TrackingProvider,
} from "./types";

/** Our carrier codes as EasyPost names them (https://docs.easypost.com/docs/trackers). */
const EASYPOST_CARRIERS: Record<string, string> = {
  ups: "UPS",
  fedex: "FedEx",
  usps: "USPS",
  dhl: "DHLExpress",
  amazon: "AmazonShipping",
  ontrac: "OnTrac",
  lasership: "LaserShipV2",
  canada_post: "CanadaPost",
  purolator: "Purolator",
  dpd: "DPD",
  yodel: "Yodel",
  royal_mail: "RoyalMail",
};
const FROM_EASYPOST = Object.fromEntries(
  Object.entries(EASYPOST_CARRIERS).map(([code, name]) => [name.toLowerCase(), code]),
);

const LocationSchema = z
  .object({
    city: z.string().nullish(),
    state: z.string().nullish(),
    country: z.string().nullish(),
    zip: z.string().nullish(),
  })
  .nullish();

export const EasyPostTrackerSchema = z.object({
  id: z.string(),
  object: z.literal("Tracker"),
  tracking_code: z.string(),
  status: z.string(),
  status_detail: z.string().nullish(),
  carrier: z.string().nullish(),
  est_delivery_date: z.string().nullish(),
  carrier_detail: z.object({ service: z.string().nullish() }).nullish(),
  tracking_details: z
    .array(
      z.object({
        message: z.string().nullish(),
        description: z.string().nullish(),
        status: z.string(),
        status_detail: z.string().nullish(),
        datetime: z.string(),
        tracking_location: LocationSchema,
        est_delivery_date: z.string().nullish(),
      }),
    )
    .default([]),
});
type EasyPostTracker = z.infer<typeof EasyPostTrackerSchema>;

const EventSchema = z.object({
  id: z.string().min(1).max(100),
  object: z.literal("Event"),
  description: z.string().min(1).max(100),
  created_at: z.string().nullish(),
  result: z.unknown(),
});

export function trackerToTracking(tracker: EasyPostTracker): ProviderTracking {
  const checkpoints: CheckpointInput[] = tracker.tracking_details.map((detail) => ({
    source: "easypost",
    occurredAt: new Date(detail.datetime),
    utcOffset: /[+-]\d\d:\d\d$/.exec(detail.datetime)?.[0] ?? null,
    status: fromEasyPost(detail.status, detail.status_detail),
    message: detail.message || detail.description || detail.status,
    city: detail.tracking_location?.city ?? null,
    region: detail.tracking_location?.state ?? null,
    country: detail.tracking_location?.country ?? null,
    postalCode: detail.tracking_location?.zip ?? null,
    estimatedDeliveryAt: detail.est_delivery_date ? new Date(detail.est_delivery_date) : null,
  }));
  // The tracker's own estimate is the carrier's latest word: it belongs to the newest scan.
  const newest = checkpoints.reduce<CheckpointInput | undefined>(
    (latest, checkpoint) =>
      !latest || checkpoint.occurredAt > latest.occurredAt ? checkpoint : latest,
    undefined,
  );
  if (newest && !newest.estimatedDeliveryAt && tracker.est_delivery_date) {
    newest.estimatedDeliveryAt = new Date(tracker.est_delivery_date);
  }
  return {
    ref: tracker.id,
    carrier: tracker.carrier ? (FROM_EASYPOST[tracker.carrier.toLowerCase()] ?? null) : null,
    service: tracker.carrier_detail?.service ?? null,
    checkpoints,
    estimatedDeliveryAt: tracker.est_delivery_date ? new Date(tracker.est_delivery_date) : null,
  };
}

async function clientFor(shopDomain: string) {
  const settings = await getTrackingSettings(shopDomain);
  if (!settings.easypostApiKey) throw new Error(`${shopDomain} has no EasyPost API key`);
  return easypostClient(settings.easypostApiKey);
}

export const easypostProvider: TrackingProvider = {
  name: "easypost",

  async register(shipment: ProviderShipment) {
    const client = await clientFor(shipment.shopDomain);
    const carrier = shipment.carrier ? EASYPOST_CARRIERS[shipment.carrier] : undefined;
    const tracker = await client.createTracker({
      tracking_code: shipment.trackingNumber,
      ...(carrier ? { carrier } : {}),
    });
    return trackerToTracking(EasyPostTrackerSchema.parse(tracker));
  },

  async fetch(shipment) {
    const client = await clientFor(shipment.shopDomain);
    const tracker = await client.retrieveTracker(shipment.providerRef);
    return trackerToTracking(EasyPostTrackerSchema.parse(tracker));
  },

  async verifyWebhook(shopDomain: string, webhook: ProviderWebhook) {
    const { easypostWebhookSecret: secret } = await getTrackingSettings(shopDomain);
    if (!secret) throw new ProviderSignatureError("No EasyPost webhook secret for this shop");
    const headers = Object.fromEntries(webhook.headers.entries());
    let event: unknown;
    try {
      event = verifyEasyPostWebhook(webhook.rawBody, headers, secret);
    } catch (error) {
      if (error instanceof EasyPostSignatureError) throw new ProviderSignatureError(error.message);
      throw error;
    }
    const parsed = EventSchema.parse(event);
    const occurredAt = parsed.created_at ? new Date(parsed.created_at) : null;
    return {
      id: parsed.id,
      kind: parsed.description,
      occurredAt: occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt : null,
    };
  },

  trackingFromEvent(payload: unknown) {
    const event = EventSchema.parse(payload);
    if (!event.description.startsWith("tracker.")) return null;
    return trackerToTracking(EasyPostTrackerSchema.parse(event.result));
  },

  async connect(shopDomain: string, webhookUrl: string) {
    const client = await clientFor(shopDomain);
    const { easypostWebhookSecret: secret } = await getTrackingSettings(shopDomain);
    await client.createWebhook({ url: webhookUrl, webhook_secret: secret });
  },
};
