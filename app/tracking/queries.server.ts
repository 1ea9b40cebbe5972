import { z } from "zod";
import { db } from "../db.server";
import { parseAddress } from "../orders/index.server";
import { carrierName } from "./carriers/carriers";
import { normalizeTrackingNumber } from "./carriers/detect";
import { percentile } from "./estimates";
import { RETURN_FULFILLMENT_PREFIX } from "./return-fulfillments";
import { FulfillmentLinesSchema } from "./schemas";
import { TAGS, subtagMessage } from "./status";

/** The merchant's views of shipments: the index with its filters, one shipment, counts. */

export const ShipmentFilterSchema = z.object({
  query: z.string().trim().max(100).optional().catch(undefined),
  tag: z.enum(TAGS).optional().catch(undefined),
  carrier: z.string().max(40).optional().catch(undefined),
  attention: z
    .enum(["any", "stalled", "exception", "failed_attempt", "missed_estimate"])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ShipmentFilter = z.infer<typeof ShipmentFilterSchema>;

export function parseShipmentFilter(params: URLSearchParams): ShipmentFilter {
  return ShipmentFilterSchema.parse({
    query: params.get("query") || undefined,
    tag: params.get("tag") || undefined,
    carrier: params.get("carrier") || undefined,
    attention: params.get("attention") || undefined,
    page: params.get("page") ?? 1,
  });
}

function whereFor(shopDomain: string, filter: ShipmentFilter) {
  const query = filter.query;
  const orderName = query ? (query.startsWith("#") ? query : `#${query}`) : null;
  return {
    shopDomain,
    ...(filter.tag ? { tag: filter.tag } : {}),
    ...(filter.carrier ? { carrier: filter.carrier } : {}),
    ...(filter.attention === "any"
      ? { attentionReason: { not: null } }
      : filter.attention
        ? { attentionReason: filter.attention }
        : {}),
    ...(query
      ? {
          OR: [
            { trackingKey: { startsWith: normalizeTrackingNumber(query) } },
            { fulfillment: { orderName: orderName! } },
            { fulfillment: { email: query.toLowerCase() } },
          ],
        }
      : {}),
  };
}

const LIST_SELECT = {
  id: true,
  trackingNumber: true,
  carrier: true,
  carrierConfidence: true,
  tag: true,
  subtag: true,
  lastCheckpointAt: true,
  estimateEarliest: true,
  estimateLatest: true,
  deliveredAt: true,
  attentionReason: true,
  attentionDetail: true,
  createdAt: true,
  fulfillment: { select: { orderName: true, email: true, orderShopifyId: true } },
} as const;

export const PAGE_SIZE = 25;

export async function listShipments(shopDomain: string, filter: ShipmentFilter) {
  const where = whereFor(shopDomain, filter);
  const [rows, total] = await Promise.all([
    db.trackingShipment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: LIST_SELECT,
    }),
    db.trackingShipment.count({ where }),
  ]);
  return { rows: rows.map(listRow), total, page: filter.page, pageSize: PAGE_SIZE };
}

function listRow(
  row: Awaited<
    ReturnType<typeof db.trackingShipment.findMany<{ select: typeof LIST_SELECT }>>
  >[number],
) {
  return {
    id: row.id,
    orderName: row.fulfillment.orderName,
    orderShopifyId: row.fulfillment.orderShopifyId,
    email: row.fulfillment.email,
    trackingNumber: row.trackingNumber,
    carrier: row.carrier,
    carrierName: carrierName(row.carrier),
    carrierConfidence: row.carrierConfidence,
    tag: row.tag,
    statusLabel: subtagMessage(row.subtag),
    lastCheckpointAt: row.lastCheckpointAt,
    estimateEarliest: row.estimateEarliest,
    estimateLatest: row.estimateLatest,
    deliveredAt: row.deliveredAt,
    attentionReason: row.attentionReason,
    attentionDetail: row.attentionDetail,
  };
}

/** Every shipment matching the filter, for CSV export, in pages so memory stays flat. */
export async function* exportShipments(shopDomain: string, filter: ShipmentFilter) {
  const where = whereFor(shopDomain, filter);
  let cursor: string | undefined;
  for (;;) {
    const page = await db.trackingShipment.findMany({
      where,
      orderBy: { id: "asc" },
      take: 1000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: LIST_SELECT,
    });
    if (page.length === 0) return;
    cursor = page.at(-1)!.id;
    yield* page.map(listRow);
  }
}

export async function shipmentCounts(shopDomain: string) {
  const [byTag, attention, carriers] = await Promise.all([
    db.trackingShipment.groupBy({ by: ["tag"], where: { shopDomain }, _count: { _all: true } }),
    db.trackingShipment.count({ where: { shopDomain, attentionReason: { not: null } } }),
    db.trackingShipment.groupBy({ by: ["carrier"], where: { shopDomain }, _count: { _all: true } }),
  ]);
  return {
    byTag: Object.fromEntries(byTag.map((row) => [row.tag, row._count._all])) as Record<
      string,
      number
    >,
    attention,
    carriers: carriers
      .filter((row) => row.carrier)
      .map((row) => ({
        code: row.carrier!,
        name: carrierName(row.carrier)!,
        count: row._count._all,
      })),
    total: byTag.reduce((sum, row) => sum + row._count._all, 0),
  };
}

/** The order's newest shipment to the shopper (a return's parcel is not one), delivered if asked. */
export async function latestOrderShipmentId(
  shopDomain: string,
  orderShopifyId: string,
  options: { delivered?: boolean } = {},
) {
  const shipment = await db.trackingShipment.findFirst({
    where: {
      shopDomain,
      fulfillment: {
        orderShopifyId,
        NOT: { shopifyId: { startsWith: RETURN_FULFILLMENT_PREFIX } },
      },
      ...(options.delivered ? { tag: "Delivered" } : {}),
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return shipment?.id ?? null;
}

export async function shipmentDetail(shopDomain: string, shipmentId: string) {
  const shipment = await db.trackingShipment.findFirst({
    where: { id: shipmentId, shopDomain },
    include: {
      fulfillment: true,
      estimates: { orderBy: { createdAt: "desc" }, take: 20 },
      writeBacks: { orderBy: { createdAt: "desc" } },
    },
  });
  if (!shipment) return null;
  const checkpoints = await db.trackingCheckpoint.findMany({
    where: {
      fulfillmentId: shipment.fulfillmentId,
      OR: [{ shipmentId: shipment.id }, { shipmentId: null }],
    },
    orderBy: { occurredAt: "desc" },
  });
  const lines = FulfillmentLinesSchema.safeParse(JSON.parse(shipment.fulfillment.lineItems));
  return {
    id: shipment.id,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl,
    carrier: shipment.carrier,
    carrierName: carrierName(shipment.carrier),
    carrierConfidence: shipment.carrierConfidence,
    carrierSource: shipment.carrierSource,
    carrierValid: shipment.carrierValid,
    service: shipment.service,
    tag: shipment.tag,
    subtag: shipment.subtag,
    statusLabel: subtagMessage(shipment.subtag),
    provider: shipment.provider,
    createdAt: shipment.createdAt,
    shippedAt: shipment.shippedAt,
    deliveredAt: shipment.deliveredAt,
    lastCheckpointAt: shipment.lastCheckpointAt,
    reship: shipment.reshipOrderShopifyId
      ? { orderShopifyId: shipment.reshipOrderShopifyId, orderName: shipment.reshipOrderName }
      : null,
    estimate: shipment.estimateLatest
      ? {
          earliest: shipment.estimateEarliest,
          latest: shipment.estimateLatest,
          source: shipment.estimateSource,
          confidence: shipment.estimateConfidence,
        }
      : null,
    attention: shipment.attentionReason
      ? {
          reason: shipment.attentionReason,
          detail: shipment.attentionDetail,
          since: shipment.attentionSince,
        }
      : null,
    order: {
      name: shipment.fulfillment.orderName,
      shopifyId: shipment.fulfillment.orderShopifyId,
      email: shipment.fulfillment.email,
      locale: shipment.fulfillment.locale,
      customerShopifyId: shipment.fulfillment.customerShopifyId,
      fulfillmentName: shipment.fulfillment.name,
      destination: parseAddress(shipment.fulfillment.destination),
    },
    lines: lines.success ? lines.data : [],
    checkpoints: checkpoints.map((row) => ({
      id: row.id,
      occurredAt: row.occurredAt,
      utcOffset: row.utcOffset,
      tag: row.tag,
      statusLabel: subtagMessage(row.subtag),
      message: row.message,
      location: [row.city, row.region, row.country].filter(Boolean).join(", ") || null,
      source: row.source,
    })),
    estimates: shipment.estimates,
    writeBacks: shipment.writeBacks.map((row) => ({
      status: row.status,
      state: row.state,
      error: row.error,
      createdAt: row.createdAt,
    })),
  };
}

const DAY_MS = 86_400_000;

/**
 * Delivery performance over the last `days` (PRODUCT.md): median and p90 days from fulfillment to
 * delivery, on-time rate against the estimate we showed, and the exception rate.
 */
export async function deliveryPerformance(shopDomain: string, days = 30, now = new Date()) {
  const since = new Date(now.getTime() - days * DAY_MS);
  const [delivered, shipped, exceptions, inTransit, attention] = await Promise.all([
    db.trackingShipment.findMany({
      where: { shopDomain, tag: "Delivered", deliveredAt: { gte: since } },
      select: {
        deliveredAt: true,
        estimateLatest: true,
        fulfillment: { select: { shopifyCreatedAt: true } },
      },
    }),
    db.trackingShipment.count({ where: { shopDomain, createdAt: { gte: since } } }),
    db.trackingShipment.count({
      where: { shopDomain, createdAt: { gte: since }, tag: "Exception" },
    }),
    db.trackingShipment.count({
      where: { shopDomain, tag: { in: ["InTransit", "OutForDelivery", "AvailableForPickup"] } },
    }),
    db.trackingShipment.count({ where: { shopDomain, attentionReason: { not: null } } }),
  ]);
  const withEstimate = delivered.filter((row) => row.estimateLatest);
  const onTime = withEstimate.filter((row) => row.deliveredAt! <= row.estimateLatest!).length;
  const transit = delivered
    .filter((row) => row.fulfillment.shopifyCreatedAt)
    .map(
      (row) => (row.deliveredAt!.getTime() - row.fulfillment.shopifyCreatedAt!.getTime()) / DAY_MS,
    )
    .sort((a, b) => a - b);
  return {
    days,
    delivered: delivered.length,
    onTimeRate: withEstimate.length ? onTime / withEstimate.length : null,
    medianTransitDays: transit.length ? percentile(transit, 0.5) : null,
    p90TransitDays: transit.length ? percentile(transit, 0.9) : null,
    exceptionRate: shipped ? exceptions / shipped : null,
    inTransit,
    attention,
  };
}

/**
 * When an order reached the shopper, for other capabilities (the return window): the last
 * delivery of its shipments and its first fulfillment; null when nothing is known yet.
 */
export async function orderDeliveryDates(
  shopDomain: string,
  orderShopifyId: string,
): Promise<{ fulfilledAt: Date | null; deliveredAt: Date | null }> {
  const fulfillments = await db.trackingFulfillment.findMany({
    where: { shopDomain, orderShopifyId, status: { notIn: ["cancelled", "error", "failure"] } },
    select: { shopifyCreatedAt: true, shipments: { select: { deliveredAt: true } } },
  });
  const created = fulfillments.flatMap((entry) => entry.shopifyCreatedAt ?? []);
  const delivered = fulfillments.flatMap((entry) =>
    entry.shipments.flatMap((s) => s.deliveredAt ?? []),
  );
  const earliest = (dates: Date[]) =>
    dates.length ? new Date(Math.min(...dates.map((date) => date.getTime()))) : null;
  const latest = (dates: Date[]) =>
    dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null;
  return { fulfilledAt: earliest(created), deliveredAt: latest(delivered) };
}

/**
 * Units of these orders that reached the shopper (their fulfillment has a delivered shipment),
 * for other capabilities' rates; a return's parcel back to the shop does not count.
 */
export async function deliveredUnits(shopDomain: string, orderShopifyIds: string[]) {
  if (orderShopifyIds.length === 0) return 0;
  const fulfillments = await db.trackingFulfillment.findMany({
    where: {
      shopDomain,
      orderShopifyId: { in: orderShopifyIds },
      status: { notIn: ["cancelled", "error", "failure"] },
      shipments: { some: { deliveredAt: { not: null } } },
    },
    select: { shopifyId: true, lineItems: true },
  });
  let units = 0;
  for (const fulfillment of fulfillments) {
    if (fulfillment.shopifyId.startsWith("return-")) continue;
    const lines = FulfillmentLinesSchema.safeParse(JSON.parse(fulfillment.lineItems));
    if (lines.success) units += lines.data.reduce((sum, line) => sum + line.quantity, 0);
  }
  return units;
}
