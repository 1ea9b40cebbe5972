import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "../db.server";
import { findShopperOrder, normalizeEmail } from "../orders/orders.server";
import { carrierName, carrierTrackingUrl } from "./carriers/carriers";
import { FulfillmentLinesSchema } from "./schemas";

/** What a shopper may see of one shipment (JSON-safe: the storefront page, its JSON form, the extension). */
export interface ShopperShipment {
  trackingNumber: string;
  carrier: string | null;
  carrierName: string | null;
  carrierUrl: string | null;
  tag: string;
  subtag: string;
  shippedAt: string | null;
  deliveredAt: string | null;
  estimate: { earliest: string | null; latest: string } | null;
  /** Only when the shopper proved they know the order (email or signed-in customer). */
  items: { title: string; variantTitle: string | null; quantity: number }[];
  checkpoints: {
    at: string;
    utcOffset: string | null;
    tag: string;
    subtag: string;
    message: string;
    location: string | null;
  }[];
}

export interface ShopperTracking {
  /** Null for a lookup by tracking number: the number alone does not reveal the order. */
  orderName: string | null;
  /** The order's language, when known: the page's default. */
  locale: string | null;
  shipments: ShopperShipment[];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function emailDigest(email: string | null) {
  return createHash("sha256")
    .update(email ?? "\u0000no email")
    .digest();
}

/**
 * Order number + email. "No such order" and "wrong email" take the same path (one query, one
 * constant-time comparison) and give the same answer: null.
 */
export async function trackByOrder(
  shopDomain: string,
  orderNumber: string,
  email: string,
): Promise<ShopperTracking | null> {
  const order = await findShopperOrder(shopDomain, { orderNumber });
  const matches = timingSafeEqual(
    emailDigest(order?.email ?? null),
    emailDigest(normalizeEmail(email) ?? "\u0000typed nothing"),
  );
  if (!order || !matches) return null;
  return {
    orderName: order.name,
    locale: order.locale,
    shipments: await orderShipments(shopDomain, order.shopifyId, true),
  };
}

/**
 * The order-status page's extension: the session token names the shop and the signed-in
 * customer, who must be the order's (a guest order has no customer to prove it).
 */
export async function trackForCustomer(
  shopDomain: string,
  orderShopifyId: string,
  customerShopifyId: string | null,
): Promise<ShopperTracking | null> {
  const order = await findShopperOrder(shopDomain, { shopifyId: orderShopifyId });
  if (!order) return null;
  const owner = order.customer?.shopifyId ?? null;
  if (!owner || owner !== customerShopifyId) return null;
  return {
    orderName: order.name,
    locale: order.locale,
    shipments: await orderShipments(shopDomain, order.shopifyId, true),
  };
}

/** A tracking number: its status and scans, without the order's name or contents. */
export async function trackByNumber(
  shopDomain: string,
  trackingNumber: string,
): Promise<ShopperTracking | null> {
  const trackingKey = trackingNumber.replace(/\s+/g, "").toUpperCase();
  if (!trackingKey) return null;
  const shipment = await db.trackingShipment.findFirst({
    where: { shopDomain, trackingKey },
    orderBy: { createdAt: "desc" },
    include: { fulfillment: { select: { id: true, lineItems: true, locale: true } } },
  });
  if (!shipment) return null;
  const checkpoints = await checkpointsOf([shipment.fulfillmentId]);
  return {
    orderName: null,
    locale: shipment.fulfillment.locale,
    shipments: [toShopperShipment(shipment, checkpoints, null)],
  };
}

type ShipmentRow = Awaited<ReturnType<typeof db.trackingShipment.findFirstOrThrow>>;
type CheckpointRow = Awaited<ReturnType<typeof db.trackingCheckpoint.findFirstOrThrow>>;

async function orderShipments(shopDomain: string, orderShopifyId: string, withItems: boolean) {
  const fulfillments = await db.trackingFulfillment.findMany({
    where: { shopDomain, orderShopifyId, status: { notIn: ["cancelled", "error", "failure"] } },
    include: { shipments: { orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
  if (fulfillments.length === 0) return [];
  const checkpoints = await checkpointsOf(fulfillments.map((fulfillment) => fulfillment.id));
  return fulfillments.flatMap((fulfillment) =>
    fulfillment.shipments.map((shipment) =>
      toShopperShipment(shipment, checkpoints, withItems ? fulfillment.lineItems : null),
    ),
  );
}

function checkpointsOf(fulfillmentIds: string[]) {
  return db.trackingCheckpoint.findMany({
    where: { fulfillmentId: { in: fulfillmentIds } },
    orderBy: { occurredAt: "desc" },
  });
}

function toShopperShipment(
  shipment: ShipmentRow,
  checkpoints: CheckpointRow[],
  lineItemsJson: string | null,
): ShopperShipment {
  const lines = lineItemsJson
    ? FulfillmentLinesSchema.safeParse(JSON.parse(lineItemsJson))
    : { success: false as const };
  return {
    trackingNumber: shipment.trackingNumber,
    carrier: shipment.carrier,
    carrierName: carrierName(shipment.carrier),
    carrierUrl:
      shipment.trackingUrl ?? carrierTrackingUrl(shipment.carrier, shipment.trackingNumber),
    tag: shipment.tag,
    subtag: shipment.subtag,
    shippedAt: iso(shipment.shippedAt),
    deliveredAt: iso(shipment.deliveredAt),
    estimate:
      shipment.estimateLatest && !shipment.deliveredAt
        ? {
            earliest: iso(shipment.estimateEarliest),
            latest: shipment.estimateLatest.toISOString(),
          }
        : null,
    items: lines.success
      ? lines.data.map((line) => ({
          title: line.title,
          variantTitle: line.variantTitle ?? null,
          quantity: line.quantity,
        }))
      : [],
    checkpoints: checkpoints
      .filter(
        (checkpoint) =>
          checkpoint.fulfillmentId === shipment.fulfillmentId &&
          (checkpoint.shipmentId === null || checkpoint.shipmentId === shipment.id),
      )
      .map((checkpoint) => ({
        at: checkpoint.occurredAt.toISOString(),
        utcOffset: checkpoint.utcOffset,
        tag: checkpoint.tag,
        subtag: checkpoint.subtag,
        message: checkpoint.message,
        location:
          [checkpoint.city, checkpoint.region, checkpoint.country].filter(Boolean).join(", ") ||
          null,
      })),
  };
}

/** The storefront tracking page for one number: the link shipment emails and the theme block use. */
export function storefrontTrackingUrl(shopDomain: string, trackingNumber: string) {
  return `https://${shopDomain}/apps/aftercare/track?tracking=${encodeURIComponent(trackingNumber)}`;
}
