import { randomBytes } from "node:crypto";
import { config } from "../config.server";
import { db } from "../db.server";
import { transaction } from "../platform/events/index.server";
import { log } from "../platform/logging/logger.server";
import { carrierTrackingUrl } from "./carriers/carriers";
import { trackingProvider } from "./providers/registry.server";
import {
  ProviderSignatureError,
  type ProviderWebhook,
  type VerifiedProviderEvent,
} from "./providers/types";
import { saveTrackingSettings, type TrackingSettingsInput } from "./settings.server";
import {
  applyProviderTracking,
  findShipmentByProviderRef,
  refreshShipment,
  shopTrackingContext,
  teachCarrier,
} from "./shipments.server";
import { attentionKey, FLAGGED, needsAttention } from "./attention";
import { latestOrderShipmentId } from "./queries.server";

/**
 * What the rest of the app asks of tracking: verifying and applying an aggregator's webhooks, the merchant's
 * settings and actions. Reads for the admin live in ./queries.server.ts.
 */

/**
 * Checks an aggregator's webhook signature before anything else reads it; returns the verified
 * event for the inbox to store, or null when it is unsigned, forged or from an unknown source.
 */
export async function verifyProviderWebhook(
  providerName: string,
  shopDomain: string,
  webhook: ProviderWebhook,
): Promise<VerifiedProviderEvent | null> {
  const provider = trackingProvider(providerName);
  if (!provider) return null;
  try {
    return await provider.verifyWebhook(shopDomain, webhook);
  } catch (error) {
    if (error instanceof ProviderSignatureError) {
      log().warn({ shop: shopDomain, provider: providerName }, error.message);
      return null;
    }
    throw error;
  }
}

/** A tracker we do not know yet is retried this long after its event: its registration may still be saving. */
const UNKNOWN_TRACKER_GRACE_MS = 15 * 60_000;

/** A tracker update for no shipment yet: the inbox job retries it. */
export class TrackerNotYetKnownError extends Error {
  override name = "TrackerNotYetKnownError";
}

export type ProviderEventOutcome = "applied" | "ignored" | "unknown-tracker";

/**
 * Applies a stored, verified aggregator event (run by the inbox's job). Checkpoints are kept once
 * each and the status is derived from the newest one, so an older event arriving after a newer
 * one moves nothing backwards.
 */
export async function applyProviderEvent(
  providerName: string,
  shopDomain: string,
  payload: unknown,
  sentAt: Date | null,
  now = new Date(),
): Promise<ProviderEventOutcome> {
  const provider = trackingProvider(providerName);
  const tracking = provider?.trackingFromEvent(payload);
  if (!tracking) return "ignored";
  const shipment = await findShipmentByProviderRef(shopDomain, providerName, tracking.ref);
  if (!shipment) {
    if (sentAt && now.getTime() - sentAt.getTime() < UNKNOWN_TRACKER_GRACE_MS) {
      throw new TrackerNotYetKnownError(`No shipment has tracker ${tracking.ref} yet`);
    }
    log().info({ shop: shopDomain, ref: tracking.ref }, "Tracker update for no known shipment");
    return "unknown-tracker";
  }
  await applyProviderTracking(shopDomain, shipment.id, tracking);
  return "applied";
}

export function providerWebhookUrl(providerName: string, shopDomain: string) {
  return `${config().appUrl}/webhooks/${providerName}?shop=${encodeURIComponent(shopDomain)}`;
}

/** Saves the settings; connecting an aggregator registers our webhook with a fresh secret. */
export async function updateTrackingSettings(shopDomain: string, input: TrackingSettingsInput) {
  const connecting = input.provider !== "shopify" && Boolean(input.easypostApiKey);
  const secret = connecting ? randomBytes(24).toString("base64url") : null;
  await saveTrackingSettings(shopDomain, input, secret);
  const provider = trackingProvider(input.provider);
  if (connecting && provider?.connect) {
    await provider.connect(shopDomain, providerWebhookUrl(input.provider, shopDomain));
  }
}

/** The merchant names the carrier: it wins, and teaches the shop's history for this format. */
export async function overrideCarrier(shopDomain: string, shipmentId: string, carrier: string) {
  const shipment = await db.trackingShipment.findFirst({ where: { id: shipmentId, shopDomain } });
  if (!shipment) return null;
  await transaction(async (tx) => {
    await tx.trackingShipment.update({
      where: { id: shipment.id },
      data: {
        carrier,
        carrierSource: "override",
        carrierConfidence: 1,
        trackingUrl: carrierTrackingUrl(carrier, shipment.trackingNumber) ?? shipment.trackingUrl,
      },
    });
    await teachCarrier(tx, shopDomain, shipment.trackingNumber, carrier);
  });
  return shipment.id;
}

/** "Mark resolved": silences this occurrence of the problem until the shipment's state changes. */
export async function resolveAttention(shopDomain: string, shipmentId: string) {
  const shipment = await db.trackingShipment.findFirst({ where: { id: shipmentId, shopDomain } });
  if (!shipment?.attentionReason || !shipment.attentionSince) return false;
  const context = await shopTrackingContext(shopDomain);
  const current = needsAttention({
    tag: shipment.tag,
    subtag: shipment.subtag,
    carrier: shipment.carrier,
    shippedAt: shipment.shippedAt,
    createdAt: shipment.createdAt,
    lastCheckpointAt: shipment.lastCheckpointAt,
    estimateLatest: shipment.estimateLatest,
    stallDays: context.settings.stallDays,
    now: new Date(),
  });
  await transaction(async (tx) => {
    await tx.trackingShipment.update({
      where: { id: shipment.id },
      data: {
        attentionDismissed: current ? attentionKey(current) : null,
        ...(shipment.attentionReason === FLAGGED
          ? { attentionReason: null, attentionDetail: null, attentionSince: null }
          : {}),
      },
    });
    await refreshShipment(tx, context, shipment.id);
  });
  return true;
}

/**
 * Puts an order's latest shipment on the needs-attention list with the merchant's note (a Shopify
 * Flow action). Flagging it again with the same note changes nothing; a problem the carrier's
 * data shows still comes first. Returns the shipment's id, or null when the order has none.
 */
export async function flagShipment(shopDomain: string, orderShopifyId: string, note: string) {
  const shipmentId = await latestOrderShipmentId(shopDomain, orderShopifyId);
  const shipment =
    shipmentId && (await db.trackingShipment.findUnique({ where: { id: shipmentId } }));
  if (!shipment) return null;
  const detail = note.trim().slice(0, 300) || "Flagged in Shopify Flow";
  if (shipment.attentionReason && shipment.attentionReason !== FLAGGED) return shipment.id;
  if (shipment.attentionReason === FLAGGED && shipment.attentionDetail === detail) {
    return shipment.id;
  }
  await db.trackingShipment.update({
    where: { id: shipment.id },
    data: { attentionReason: FLAGGED, attentionDetail: detail, attentionSince: new Date() },
  });
  return shipment.id;
}
