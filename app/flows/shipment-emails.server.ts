import { isHeldOut } from "../experiments/index.server";
import { notify, type TriggerName } from "../notifications/index.server";
import { findShopperOrder } from "../orders/index.server";
import { defineSubscriber, type DomainEvent } from "../platform/events/index.server";
import {
  productImages,
  recordEmailImpressions,
  trackedEmailRecommendations,
} from "../recommendations/index.server";
import { csatRatingUrls, deliveryRated } from "../surveys/index.server";
import {
  latestOrderShipmentId,
  shipmentDetail,
  storefrontTrackingUrl,
} from "../tracking/index.server";

const TRIGGER_OF_TAG: Partial<Record<string, TriggerName>> = {
  InTransit: "shipment.shipped",
  OutForDelivery: "shipment.out_for_delivery",
  AvailableForPickup: "shipment.available_for_pickup",
  AttemptFail: "shipment.failed_attempt",
  Delivered: "shipment.delivered",
  Exception: "shipment.exception",
};

/** News older than this is history being replayed (an import, a late webhook): no email. */
const STALE_AFTER_MS = 72 * 3_600_000;

/**
 * A parcel shipped longer ago than this is history (an import of old orders), not a delay a
 * shopper is waiting on: no delay email. Delays are found by the clock, so the scan-age rule
 * above cannot tell.
 */
const DELAY_NEWS_WITHIN_MS = 30 * 86_400_000;

/**
 * Shipment news → the shopper's email (and SMS, when the shop turned it on: also for a shopper
 * who gave only a phone), with recommendations for shoppers who accept marketing, and on
 * delivery the delivery survey (CSAT) by email. A parcel that stalls or misses its date gets a
 * delay notice that says what happens next before the shopper has to ask. Each is sent at most
 * once per shipment and trigger by the notifications engine, so a repeated event sends nothing
 * twice.
 */
export const shipmentEmails = defineSubscriber({
  name: "flows.shipment-emails",
  events: ["shipment.status_changed", "shipment.delayed"],
  async handle(event) {
    if (event.type === "shipment.delayed") {
      await emailShipmentDelay(event as DomainEvent<"shipment.delayed">);
    } else {
      await emailShipmentChange(event as DomainEvent<"shipment.status_changed">);
    }
  },
});

/** The shopper's delay notice, once per shipment, for a parcel that is still recent news. */
export async function emailShipmentDelay(event: DomainEvent<"shipment.delayed">, now = new Date()) {
  if (event.data.isReturn) return null;
  const shipment = await shipmentDetail(event.shop, event.data.shipmentId);
  if (!shipment || shipment.deliveredAt) return null;
  // The event may be handled after a newer scan cleared the delay (a parcel that was waiting for
  // its first scan, say): a shopper is told of a delay only while the shipment still has it.
  if (shipment.attention?.reason !== event.data.reason) return null;
  const sent = shipment.shippedAt ?? shipment.createdAt;
  if (now.getTime() - sent.getTime() > DELAY_NEWS_WITHIN_MS) return null;
  return sendShipmentNotice(event.shop, shipment, "shipment.delayed");
}

/**
 * The shopper's email for a shipment's new status, through the notifications engine: "shipped"
 * once the parcel first moves, then each later milestone, each at most once per shipment. A
 * return on its way back is the shop's news, not the shopper's.
 */
export async function emailShipmentChange(
  event: DomainEvent<"shipment.status_changed">,
  now = new Date(),
) {
  const change = { shopDomain: event.shop, ...event.data };
  const trigger = TRIGGER_OF_TAG[change.current.tag];
  if (change.isReturn || !trigger || change.current.tag === change.previous.tag) return null;
  const shipment = await shipmentDetail(change.shopDomain, change.shipmentId);
  if (!shipment) return null;
  const newest = shipment.lastCheckpointAt ?? shipment.deliveredAt ?? now;
  if (now.getTime() - newest.getTime() > STALE_AFTER_MS) return null;
  return sendShipmentNotice(change.shopDomain, shipment, trigger);
}

type Shipment = NonNullable<Awaited<ReturnType<typeof shipmentDetail>>>;

async function sendShipmentNotice(shopDomain: string, shipment: Shipment, trigger: TriggerName) {
  // The order (when its webhook has arrived) knows the shopper's language; a fulfillment does not.
  const order = await findShopperOrder(shopDomain, { shopifyId: shipment.order.shopifyId });
  // A shopper who gave only a phone still gets the SMS: notify() skips the email itself.
  const email = order?.email ?? shipment.order.email ?? null;
  const customerId = order?.customerShopifyId ?? shipment.order.customerShopifyId;
  // Held out of shipment emails: no milestone email, and so no delivery survey with it either.
  if (await isHeldOut(shopDomain, "shipment_emails", customerId)) return null;
  const productIds = shipment.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const [images, recommendations] = await Promise.all([
    productImages(shopDomain, productIds),
    // Suggestions are marketing: only for shoppers who said yes to it.
    order?.acceptsMarketing ? trackedEmailRecommendations(shopDomain, productIds, order) : [],
  ]);
  const recipient = {
    email,
    customerId,
    locale: order?.locale ?? shipment.order.locale,
  };
  const result = await notify({
    shop: shopDomain,
    trigger,
    subjectKey: shipment.id,
    recipient,
    orderId: shipment.order.shopifyId,
    orderName: shipment.order.name,
    data: {
      orderName: shipment.order.name ?? "",
      carrierName: shipment.carrierName,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: storefrontTrackingUrl(shopDomain, shipment.trackingNumber),
      estimate: shipment.estimate?.latest
        ? {
            earliest: shipment.estimate.earliest?.toISOString() ?? null,
            latest: shipment.estimate.latest.toISOString(),
          }
        : null,
      items: shipment.lines.map((line) => ({
        title: line.title,
        variantTitle: line.variantTitle,
        quantity: line.quantity,
        imageUrl: (line.productId && images.get(line.productId)) || null,
      })),
      checkpoints: shipment.checkpoints.map((checkpoint) => ({
        at: checkpoint.occurredAt.toISOString(),
        message: checkpoint.message,
        location: checkpoint.location,
      })),
      recommendations,
    },
  });
  // Shown once the email is on its way; their links record the clicks (surface "email").
  if (order && result.queued && recommendations.length) {
    await recordEmailImpressions(
      shopDomain,
      order,
      recommendations.map((product) => product.productId),
    );
  }
  if (trigger === "shipment.delivered" && email) {
    // The delivery survey: asked on delivery itself, not "fulfilled + N days"; by email only.
    await notifyDeliverySurvey(shopDomain, shipment, recipient);
  }
  return result;
}

/**
 * The delivery survey (CSAT) e-mail of a shipment: at most once per shipment, and once per
 * `subjectKey` that asks again.
 */
function notifyDeliverySurvey(
  shopDomain: string,
  shipment: Shipment,
  recipient: { email: string | null; customerId: string | null; locale: string | null },
  subjectKey = shipment.id,
) {
  return notify({
    shop: shopDomain,
    trigger: "survey.csat",
    subjectKey,
    recipient,
    orderId: shipment.order.shopifyId,
    orderName: shipment.order.name,
    data: {
      orderName: shipment.order.name ?? "",
      ratingUrls: csatRatingUrls(shopDomain, shipment.id, shipment.order.shopifyId),
    },
  });
}

/**
 * The delivery survey of an order's newest delivered shipment, asked for by the merchant (a
 * Shopify Flow action): the same e-mail as on delivery, so a shipment's survey is sent once
 * whoever asks for it (`reason: "duplicate"` when it already was).
 */
export async function sendDeliverySurvey(shopDomain: string, orderShopifyId: string) {
  const shipmentId = await latestOrderShipmentId(shopDomain, orderShopifyId, { delivered: true });
  const shipment = shipmentId ? await shipmentDetail(shopDomain, shipmentId) : null;
  if (!shipment) return { shipmentId: null, queued: false, reason: "no_shipment" } as const;
  return surveyShipment(shopDomain, orderShopifyId, shipment);
}

async function surveyShipment(
  shopDomain: string,
  orderShopifyId: string,
  shipment: Shipment,
  subjectKey?: string,
) {
  const order = await findShopperOrder(shopDomain, { shopifyId: orderShopifyId });
  const recipient = {
    email: order?.email ?? shipment.order.email ?? null,
    customerId: order?.customerShopifyId ?? shipment.order.customerShopifyId,
    locale: order?.locale ?? shipment.order.locale,
  };
  const result = await notifyDeliverySurvey(shopDomain, shipment, recipient, subjectKey);
  return result.queued
    ? { shipmentId: shipment.id, queued: true, reason: null }
    : { shipmentId: shipment.id, queued: false, reason: result.reason };
}

/** How far back a merchant's "ask again" looks for a delivered order, newest first. */
const RESEND_ORDERS = 10;

/**
 * The merchant asks a customer again about their newest delivered order (the customer page): the
 * survey of that order's newest delivered shipment, unless its delivery is rated already; at most
 * once a day per shipment, so a double click sends one e-mail.
 */
export async function resendDeliverySurvey(
  shopDomain: string,
  orderShopifyIds: string[],
  now = new Date(),
) {
  for (const orderShopifyId of orderShopifyIds.slice(0, RESEND_ORDERS)) {
    const shipmentId = await latestOrderShipmentId(shopDomain, orderShopifyId, {
      delivered: true,
    });
    const shipment = shipmentId ? await shipmentDetail(shopDomain, shipmentId) : null;
    if (!shipment) continue;
    const orderName = shipment.order.name;
    if (await deliveryRated(shopDomain, shipment.id)) {
      return { orderName, queued: false, reason: "rated" } as const;
    }
    const subjectKey = `${shipment.id}:again:${now.toISOString().slice(0, 10)}`;
    return {
      orderName,
      ...(await surveyShipment(shopDomain, orderShopifyId, shipment, subjectKey)),
    };
  }
  return { orderName: null, queued: false, reason: "no_shipment" } as const;
}
