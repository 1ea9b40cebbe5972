import { sql } from "../db.server";
import { findShopperOrder, orderAnswersToEmail } from "../orders/index.server";
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

/**
 * Order number + email. "No such order" and "wrong email" take the same path (one query, one
 * constant-time comparison) and give the same answer: null. An order without an email (POS,
 * phone-only, redacted) matches no email at all.
 */
export async function trackByOrder(
  shopDomain: string,
  orderNumber: string,
  email: string,
): Promise<ShopperTracking | null> {
  return (await trackOrderByEmail(shopDomain, orderNumber, email))?.tracking ?? null;
}

/** The same lookup, with the order it found (for the page's own use, never shown or sent). */
export async function trackOrderByEmail(
  shopDomain: string,
  orderNumber: string,
  email: string,
): Promise<{
  tracking: ShopperTracking;
  order: { shopifyId: string; customerShopifyId: string | null };
} | null> {
  const order = await findShopperOrder(shopDomain, { orderNumber });
  if (!order || !orderAnswersToEmail(order, email)) return null;
  return {
    tracking: {
      orderName: order.name,
      locale: order.locale,
      shipments: await orderShipments(shopDomain, order.shopifyId),
    },
    order: { shopifyId: order.shopifyId, customerShopifyId: order.customerShopifyId },
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
  if (!order || order.redacted) return null;
  const owner = order.customerShopifyId;
  if (!owner || owner !== customerShopifyId) return null;
  return {
    orderName: order.name,
    locale: order.locale,
    shipments: await orderShipments(shopDomain, order.shopifyId),
  };
}

/** A tracking number: its status and scans, without the order's name or contents. */
export async function trackByNumber(
  shopDomain: string,
  trackingNumber: string,
): Promise<ShopperTracking | null> {
  const trackingKey = trackingNumber.replace(/\s+/g, "").toUpperCase();
  if (!trackingKey) return null;
  // The newest shipment with that number: chosen in a subquery, so its every scan still joins.
  const [shipment] = await shipmentsWithScans(
    `s."id" = (SELECT "id" FROM "TrackingShipment"
                WHERE "shopDomain" = ? AND "trackingKey" = ?
                ORDER BY "createdAt" DESC LIMIT 1)`,
    `s."createdAt"`,
    [shopDomain, trackingKey],
  );
  if (!shipment) return null;
  return {
    orderName: null,
    locale: shipment.locale,
    shipments: [toShopperShipment(shipment, false)],
  };
}

/**
 * The lookups are the public pages' hot path (bench/benchmarks/tracking-lookup.ts): one raw
 * statement, each shipment with its fulfillment and its scans (a row per scan, or one row with
 * no scan). On PostgreSQL every statement is a round trip that costs both processes CPU on the
 * same cores, so the scans are joined rather than read in a second statement.
 */
interface ShipmentRow {
  id: string;
  fulfillmentId: string;
  trackingNumber: string;
  trackingUrl: string | null;
  carrier: string | null;
  tag: string;
  subtag: string;
  shippedAt: unknown;
  deliveredAt: unknown;
  estimateEarliest: unknown;
  estimateLatest: unknown;
  lineItems: string;
  locale: string | null;
}

interface CheckpointColumns {
  /** Null on the one row of a shipment without scans. */
  scanAt: unknown;
  scanUtcOffset: string | null;
  scanTag: string | null;
  scanSubtag: string | null;
  scanMessage: string | null;
  scanCity: string | null;
  scanRegion: string | null;
  scanCountry: string | null;
}

type ShipmentWithScans = ShipmentRow & { scans: CheckpointColumns[] };

/** SQLite returns Prisma's DateTime as ISO text, PostgreSQL as a Date. */
function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

/**
 * The shipments `where` selects, in its `orderBy`, each with its scans newest first. A scan
 * recorded on the fulfillment before its shipments were told apart (no shipmentId) belongs to
 * every shipment of it.
 */
async function shipmentsWithScans(
  where: string,
  orderBy: string,
  values: string[],
): Promise<ShipmentWithScans[]> {
  const rows = await sql.query<ShipmentRow & CheckpointColumns & Record<string, unknown>>(
    `SELECT s."id", s."fulfillmentId", s."trackingNumber", s."trackingUrl", s."carrier", s."tag",
            s."subtag", s."shippedAt", s."deliveredAt", s."estimateEarliest", s."estimateLatest",
            f."lineItems", f."locale",
            c."occurredAt" AS "scanAt", c."utcOffset" AS "scanUtcOffset", c."tag" AS "scanTag",
            c."subtag" AS "scanSubtag", c."message" AS "scanMessage", c."city" AS "scanCity",
            c."region" AS "scanRegion", c."country" AS "scanCountry"
       FROM "TrackingShipment" s
       JOIN "TrackingFulfillment" f ON f."id" = s."fulfillmentId"
       LEFT JOIN "TrackingCheckpoint" c ON c."fulfillmentId" = s."fulfillmentId"
            AND (c."shipmentId" IS NULL OR c."shipmentId" = s."id")
      WHERE ${where}
      ORDER BY ${orderBy}, s."id", c."occurredAt" DESC`,
    values,
  );
  const shipments = new Map<string, ShipmentWithScans>();
  for (const row of rows) {
    let shipment = shipments.get(row.id);
    if (!shipment) {
      shipment = { ...row, scans: [] };
      shipments.set(row.id, shipment);
    }
    if (row.scanAt !== null && row.scanAt !== undefined) shipment.scans.push(row);
  }
  return [...shipments.values()];
}

async function orderShipments(shopDomain: string, orderShopifyId: string) {
  const shipments = await shipmentsWithScans(
    `f."shopDomain" = ? AND f."orderShopifyId" = ?
       AND (f."status" IS NULL OR f."status" NOT IN ('cancelled', 'error', 'failure'))`,
    `f."createdAt", s."createdAt"`,
    [shopDomain, orderShopifyId],
  );
  return shipments.map((shipment) => toShopperShipment(shipment, true));
}

function toShopperShipment(shipment: ShipmentWithScans, withItems: boolean): ShopperShipment {
  const lines = withItems
    ? FulfillmentLinesSchema.safeParse(JSON.parse(shipment.lineItems))
    : { success: false as const };
  const deliveredAt = isoOf(shipment.deliveredAt);
  const estimateLatest = isoOf(shipment.estimateLatest);
  return {
    trackingNumber: shipment.trackingNumber,
    carrier: shipment.carrier,
    carrierName: carrierName(shipment.carrier),
    carrierUrl:
      shipment.trackingUrl ?? carrierTrackingUrl(shipment.carrier, shipment.trackingNumber),
    tag: shipment.tag,
    subtag: shipment.subtag,
    shippedAt: isoOf(shipment.shippedAt),
    deliveredAt,
    estimate:
      estimateLatest && !deliveredAt
        ? { earliest: isoOf(shipment.estimateEarliest), latest: estimateLatest }
        : null,
    items: lines.success
      ? lines.data.map((line) => ({
          title: line.title,
          variantTitle: line.variantTitle ?? null,
          quantity: line.quantity,
        }))
      : [],
    checkpoints: shipment.scans.map((scan) => ({
      at: isoOf(scan.scanAt)!,
      utcOffset: scan.scanUtcOffset,
      tag: scan.scanTag!,
      subtag: scan.scanSubtag!,
      message: scan.scanMessage!,
      location:
        [scan.scanCity, scan.scanRegion, scan.scanCountry].filter(Boolean).join(", ") || null,
    })),
  };
}

/** The storefront tracking page for one number: the link shipment emails and the theme block use. */
export function storefrontTrackingUrl(shopDomain: string, trackingNumber: string) {
  return `https://${shopDomain}/apps/aftercare/track?tracking=${encodeURIComponent(trackingNumber)}`;
}
