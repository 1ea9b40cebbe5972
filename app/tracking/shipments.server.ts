import {
  db,
  type TrackingCheckpointModel as TrackingCheckpoint,
  type TrackingFulfillmentModel as TrackingFulfillment,
  type TrackingShipmentModel as TrackingShipment,
  type Tx,
} from "../db.server";
import { emit, emitAll, transaction, type EventInput } from "../platform/events/index.server";
import { retryOnUniqueViolation } from "../platform/db/errors";
import { normalizeEmail } from "../orders/index.server";
import { attentionKey, FLAGGED, needsAttention } from "./attention";
import { carrierFromCompany, carrierTrackingUrl } from "./carriers/carriers";
import { detectCarrier, normalizeTrackingNumber, numberShape } from "./carriers/detect";
import {
  carrierEstimate,
  defaultEstimate,
  historyEstimate,
  isRevision,
  transitDays,
  type Estimate,
} from "./estimates";
import type { CheckpointInput, ProviderTracking } from "./providers/types";
import type {
  FulfillmentEventPayload,
  FulfillmentLine,
  FulfillmentPayload,
  OrderFulfillmentsPayload,
} from "./schemas";
import { getShop } from "../shops/index.server";
import { getTrackingSettings, type TrackingSettingsView } from "./settings.server";
import { fromShopifyShipmentStatus, status, subtagMessage, type Status } from "./status";
import { currentStatus, shippedAt as firstMovement } from "./timeline";
import { isReturnShipment } from "./return-fulfillments";

/**
 * Fulfillments, shipments and their checkpoints. Every source (Shopify's webhooks, an
 * aggregator's webhooks and polls, the merchant) adds checkpoints; a shipment's status, dates,
 * estimate and attention are then derived from all of them, so any arrival order of the same
 * events ends in the same state.
 */

/** A shipment whose status changed (its events tell subscribers: write-back, emails). */
export interface ShipmentChange {
  shopDomain: string;
  shipmentId: string;
  previous: Status;
  current: Status;
  /** Where the newest checkpoint came from; Shopify already knows its own events. */
  source: string | null;
}

export interface FulfillmentResult {
  createdShipmentIds: string[];
  changes: ShipmentChange[];
}

const EPOCH = new Date(0);

/**
 * What derivations need from outside tracking's tables, read before a transaction opens: on the
 * embedded database a read through \`db\` inside a transaction would wait on the transaction itself.
 */
export interface ShopTrackingContext {
  settings: TrackingSettingsView;
  shopCountry: string | null;
}

export async function shopTrackingContext(shopDomain: string): Promise<ShopTrackingContext> {
  const [settings, shop] = await Promise.all([
    getTrackingSettings(shopDomain),
    getShop(shopDomain),
  ]);
  return { settings, shopCountry: shop?.countryCode ?? null };
}

export interface OrderContext {
  orderName: string;
  email: string | null;
  locale: string | null;
  customerShopifyId: string | null;
  destination: string | null;
}

export function orderContext(order: OrderFulfillmentsPayload): OrderContext {
  return {
    orderName: order.name,
    email: normalizeEmail(order.email ?? order.contact_email),
    locale: order.customer_locale ?? null,
    customerShopifyId: order.customer?.id ?? null,
    destination: order.shipping_address ? JSON.stringify(order.shipping_address) : null,
  };
}

/** Applies a fulfillment as fulfillments/* or an order's `fulfillments[]` carries it. */
export async function applyFulfillment(
  shopDomain: string,
  payload: FulfillmentPayload,
  order: OrderContext | null = null,
): Promise<FulfillmentResult> {
  const context = await shopTrackingContext(shopDomain);
  return retryOnUniqueViolation(() =>
    transaction((tx) => applyFulfillmentIn(tx, context, shopDomain, payload, order)),
  );
}

/**
 * Fulfillments of orders read from the shop's history, applied in the caller's transaction (the
 * shop's tracking context is read first, outside it): each as applyFulfillment applies it.
 */
export async function importedFulfillmentsWriter(shopDomain: string) {
  const context = await shopTrackingContext(shopDomain);
  return async (tx: Tx, fulfillments: { payload: FulfillmentPayload; order: OrderContext }[]) => {
    const stored = new Set(
      (
        await tx.trackingFulfillment.findMany({
          where: { shopDomain, shopifyId: { in: fulfillments.map(({ payload }) => payload.id) } },
          select: { shopifyId: true },
        })
      ).map((row) => row.shopifyId),
    );
    // One we already hold (a webhook's, or a fulfillment event's placeholder) merges as usual.
    const fresh = new Map<string, { payload: FulfillmentPayload; order: OrderContext }>();
    for (const entry of fulfillments) {
      if (stored.has(entry.payload.id)) {
        await applyFulfillmentIn(tx, context, shopDomain, entry.payload, entry.order);
      } else fresh.set(entry.payload.id, entry);
    }
    if (fresh.size) await createImportedFulfillments(tx, context, shopDomain, [...fresh.values()]);
  };
}

/**
 * New fulfillments with their shipments and Shopify's checkpoint, a few multi-row inserts for the
 * whole batch, then each shipment derived as refreshShipment derives it (same rows, same
 * events), from the rows just written rather than read back.
 */
async function createImportedFulfillments(
  tx: Tx,
  context: ShopTrackingContext,
  shopDomain: string,
  entries: { payload: FulfillmentPayload; order: OrderContext }[],
) {
  const fulfillments = await tx.trackingFulfillment.createManyAndReturn({
    data: entries.map(({ payload, order }) => ({
      shopDomain,
      shopifyId: payload.id,
      ...fulfillmentColumns(payload, order),
    })),
  });
  const byShopifyId = new Map(fulfillments.map((row) => [row.shopifyId, row]));

  const numbers = entries.map(({ payload }) => trackingNumbersOf(payload));
  const shapes = [...new Set(numbers.flat().map(({ number }) => numberShape(number)))];
  const history = new Map<string, Record<string, number>>();
  if (shapes.length) {
    for (const row of await tx.trackingCarrierHistory.findMany({
      where: { shopDomain, shape: { in: shapes } },
      select: { shape: true, carrier: true, count: true },
    })) {
      history.set(row.shape, { ...history.get(row.shape), [row.carrier]: row.count });
    }
  }
  const shipments = await tx.trackingShipment.createManyAndReturn({
    data: entries.flatMap(({ payload }, index) =>
      numbers[index]!.map(({ number, url }) =>
        shipmentColumns(context, shopDomain, byShopifyId.get(payload.id)!.id, payload, {
          number,
          url,
          history: history.get(numberShape(number)) ?? {},
        }),
      ),
    ),
  });

  const checkpoints = await tx.trackingCheckpoint.createManyAndReturn({
    data: entries.flatMap(({ payload }) =>
      shopifyCheckpointsOf(payload).map((checkpoint) =>
        checkpointColumns(shopDomain, byShopifyId.get(payload.id)!.id, null, checkpoint),
      ),
    ),
  });
  const checkpointsOf = new Map<string, TrackingCheckpoint[]>();
  for (const row of checkpoints) {
    checkpointsOf.set(row.fulfillmentId, [...(checkpointsOf.get(row.fulfillmentId) ?? []), row]);
  }
  const fulfillmentsById = new Map(fulfillments.map((row) => [row.id, row]));
  const now = new Date();
  // The batch's events go out in one statement, in the order refreshShipment would emit them.
  const events: EventInput[] = [];
  for (const shipment of shipments) {
    await deriveShipment(
      tx,
      context,
      { ...shipment, fulfillment: fulfillmentsById.get(shipment.fulfillmentId)! },
      checkpointsOf.get(shipment.fulfillmentId) ?? [],
      now,
      async (event) => void events.push(event),
    );
  }
  await emitAll(tx, events);
}

function fulfillmentColumns(payload: FulfillmentPayload, order: OrderContext | null) {
  return {
    orderShopifyId: payload.order_id,
    name: payload.name ?? null,
    status: payload.status ?? null,
    shipmentStatus: payload.shipment_status ?? null,
    trackingCompany: payload.tracking_company ?? null,
    service: payload.service ?? null,
    lineItems: JSON.stringify(payload.line_items.map(fulfillmentLine)),
    shopifyCreatedAt: new Date(payload.created_at),
    shopifyUpdatedAt: new Date(payload.updated_at),
    ...(payload.email ? { email: normalizeEmail(payload.email) } : {}),
    ...(payload.destination ? { destination: JSON.stringify(payload.destination) } : {}),
    ...(payload.name ? { orderName: payload.name.replace(/\.\d+$/, "") } : {}),
    ...(order ?? {}),
  };
}

/** The checkpoint a fulfillment's own status stands for, if any. */
function shopifyCheckpointsOf(payload: FulfillmentPayload): CheckpointInput[] {
  const updatedAt = new Date(payload.updated_at);
  if (payload.status === "cancelled") {
    return [shopifyCheckpoint(status("Exception_020"), updatedAt, "Shipment cancelled")];
  }
  const shopifyStatus = fromShopifyShipmentStatus(payload.shipment_status);
  return shopifyStatus
    ? [shopifyCheckpoint(shopifyStatus, updatedAt, subtagMessage(shopifyStatus.subtag))]
    : [];
}

async function applyFulfillmentIn(
  tx: Tx,
  context: ShopTrackingContext,
  shopDomain: string,
  payload: FulfillmentPayload,
  order: OrderContext | null,
): Promise<FulfillmentResult> {
  const updatedAt = new Date(payload.updated_at);
  const existing = await tx.trackingFulfillment.findUnique({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId: payload.id } },
  });
  if (order && existing) {
    await tx.trackingFulfillment.update({ where: { id: existing.id }, data: order });
  }
  if (existing && existing.shopifyUpdatedAt > updatedAt) {
    return { createdShipmentIds: [], changes: [] };
  }
  const fields = fulfillmentColumns(payload, order);
  const fulfillment = existing
    ? await tx.trackingFulfillment.update({ where: { id: existing.id }, data: fields })
    : await tx.trackingFulfillment.create({
        data: { shopDomain, shopifyId: payload.id, ...fields },
      });

  const createdShipmentIds = await syncShipments(tx, context, shopDomain, fulfillment.id, payload);
  await recordCheckpoints(tx, shopDomain, fulfillment.id, null, shopifyCheckpointsOf(payload), {
    skipKnownTags: true,
  });
  const changes = await refreshFulfillmentShipments(tx, context, fulfillment.id);
  return { createdShipmentIds, changes };
}

/** fulfillment_events/create: a status event for every shipment of the fulfillment. */
export async function applyFulfillmentEvent(
  shopDomain: string,
  payload: FulfillmentEventPayload,
): Promise<ShipmentChange[]> {
  const eventStatus = fromShopifyShipmentStatus(payload.status);
  if (!eventStatus) return [];
  const context = await shopTrackingContext(shopDomain);
  return retryOnUniqueViolation(() =>
    transaction(async (tx) => {
      // The event may come before its fulfillment: keep it on a placeholder the fulfillment fills in.
      const fulfillment = await tx.trackingFulfillment.upsert({
        where: { shopDomain_shopifyId: { shopDomain, shopifyId: payload.fulfillment_id } },
        create: {
          shopDomain,
          shopifyId: payload.fulfillment_id,
          orderShopifyId: payload.order_id,
          shopifyUpdatedAt: EPOCH,
        },
        update: {},
      });
      await recordCheckpoints(
        tx,
        shopDomain,
        fulfillment.id,
        null,
        [
          {
            source: "shopify",
            occurredAt: new Date(payload.happened_at),
            utcOffset: utcOffsetOf(payload.happened_at),
            status: eventStatus,
            message: payload.message || subtagMessage(eventStatus.subtag),
            city: payload.city ?? null,
            region: payload.province ?? null,
            country: payload.country ?? null,
            postalCode: payload.zip ?? null,
            estimatedDeliveryAt: payload.estimated_delivery_at
              ? new Date(payload.estimated_delivery_at)
              : null,
          },
        ],
        // Our own write-back comes back as a fulfillment event: the same moment and status.
        { skipSameMoment: true },
      );
      return refreshFulfillmentShipments(tx, context, fulfillment.id);
    }),
  );
}

/** What an aggregator reported for one shipment (register, poll or webhook). */
export async function applyProviderTracking(
  shopDomain: string,
  shipmentId: string,
  tracking: ProviderTracking,
): Promise<ShipmentChange[]> {
  const context = await shopTrackingContext(shopDomain);
  return retryOnUniqueViolation(() =>
    transaction(async (tx) => {
      const shipment = await tx.trackingShipment.findFirst({
        where: { id: shipmentId, shopDomain },
      });
      if (!shipment) return [];
      await lockShipmentFulfillment(tx, shipment.id);
      const learnsCarrier =
        tracking.carrier &&
        shipment.carrierSource !== "override" &&
        tracking.carrier !== shipment.carrier;
      await tx.trackingShipment.update({
        where: { id: shipment.id },
        data: {
          providerRef: tracking.ref,
          ...(tracking.service ? { service: tracking.service } : {}),
          ...(learnsCarrier
            ? {
                carrier: tracking.carrier,
                carrierConfidence: 0.99,
                carrierSource: "provider",
                trackingUrl: carrierTrackingUrl(tracking.carrier, shipment.trackingNumber),
              }
            : {}),
        },
      });
      if (tracking.carrier && shipment.carrierSource !== "override") {
        await teachCarrier(tx, shopDomain, shipment.trackingNumber, tracking.carrier);
      }
      await recordCheckpoints(
        tx,
        shopDomain,
        shipment.fulfillmentId,
        shipment.id,
        tracking.checkpoints,
      );
      const change = await refreshShipment(tx, context, shipment.id);
      return change ? [change] : [];
    }),
  );
}

export async function findShipmentByProviderRef(shopDomain: string, provider: string, ref: string) {
  return db.trackingShipment.findFirst({
    where: { shopDomain, provider, providerRef: ref },
    select: { id: true },
  });
}

// ---- shipments of a fulfillment -------------------------------------------------------------

function fulfillmentLine(item: FulfillmentPayload["line_items"][number]): FulfillmentLine {
  return {
    shopifyId: item.id,
    productId: item.product_id ?? null,
    variantId: item.variant_id ?? null,
    title: item.title,
    variantTitle: item.variant_title ?? null,
    quantity: item.quantity,
    sku: item.sku ?? null,
  };
}

function trackingNumbersOf(payload: FulfillmentPayload): { number: string; url: string | null }[] {
  const numbers = payload.tracking_numbers?.length
    ? payload.tracking_numbers
    : payload.tracking_number
      ? [payload.tracking_number]
      : [];
  const seen = new Set<string>();
  return numbers
    .map((number, index) => ({
      number: number.trim(),
      url: payload.tracking_urls?.[index] ?? (index === 0 ? (payload.tracking_url ?? null) : null),
    }))
    .filter(({ number }) => {
      const key = normalizeTrackingNumber(number);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** One shipment per tracking number; numbers the merchant removed take their shipment along. */
async function syncShipments(
  tx: Tx,
  context: ShopTrackingContext,
  shopDomain: string,
  fulfillmentId: string,
  payload: FulfillmentPayload,
): Promise<string[]> {
  const numbers = trackingNumbersOf(payload);
  const keys = numbers.map(({ number }) => normalizeTrackingNumber(number));
  await tx.trackingShipment.deleteMany({
    where: { fulfillmentId, trackingKey: { notIn: keys } },
  });
  const existing = await tx.trackingShipment.findMany({
    where: { fulfillmentId },
    select: { trackingKey: true },
  });
  const known = new Set(existing.map((row) => row.trackingKey));
  const created: string[] = [];
  for (const { number, url } of numbers) {
    if (known.has(normalizeTrackingNumber(number))) continue;
    const row = await tx.trackingShipment.create({
      data: shipmentColumns(context, shopDomain, fulfillmentId, payload, {
        number,
        url,
        history: await carrierHistory(tx, shopDomain, number),
      }),
      select: { id: true },
    });
    created.push(row.id);
  }
  return created;
}

/** A new shipment's row: its number, and its carrier detected with the shop's history. */
function shipmentColumns(
  { settings }: ShopTrackingContext,
  shopDomain: string,
  fulfillmentId: string,
  payload: FulfillmentPayload,
  { number, url, history }: { number: string; url: string | null; history: Record<string, number> },
) {
  const hint = carrierFromCompany(payload.tracking_company);
  const destination = payload.destination;
  const region = destination?.country_code
    ? [destination.country_code, destination.province_code].filter(Boolean).join("-")
    : null;
  const detection = detectCarrier(number, { hint, history });
  return {
    shopDomain,
    fulfillmentId,
    trackingNumber: number,
    trackingKey: normalizeTrackingNumber(number),
    trackingUrl: url ?? carrierTrackingUrl(detection.carrier, number),
    carrier: detection.carrier,
    carrierConfidence: detection.confidence,
    carrierValid: detection.valid,
    carrierSource: hint && hint === detection.carrier && !detection.valid ? "hint" : "detected",
    service: payload.service ?? null,
    destinationRegion: region,
    provider: settings.provider,
    nextPollAt: settings.provider === "shopify" ? null : new Date(),
  };
}

async function carrierHistory(tx: Tx, shopDomain: string, number: string) {
  const rows = await tx.trackingCarrierHistory.findMany({
    where: { shopDomain, shape: numberShape(number) },
    select: { carrier: true, count: true },
  });
  return Object.fromEntries(rows.map((row) => [row.carrier, row.count]));
}

/** Records that a number of this shape turned out to be this carrier. */
export async function teachCarrier(tx: Tx, shopDomain: string, number: string, carrier: string) {
  const shape = numberShape(number);
  await tx.trackingCarrierHistory.upsert({
    where: { shopDomain_shape_carrier: { shopDomain, shape, carrier } },
    create: { shopDomain, shape, carrier, count: 1 },
    update: { count: { increment: 1 } },
  });
}

// ---- checkpoints ------------------------------------------------------------------------------

function shopifyCheckpoint(value: Status, occurredAt: Date, message: string): CheckpointInput {
  return {
    source: "shopify",
    occurredAt,
    utcOffset: null,
    status: value,
    message,
    city: null,
    region: null,
    country: null,
    postalCode: null,
    estimatedDeliveryAt: null,
  };
}

function utcOffsetOf(iso: string): string | null {
  return /[+-]\d\d:\d\d$/.exec(iso)?.[0] ?? null;
}

function dedupeKey(shipmentId: string | null, checkpoint: CheckpointInput) {
  return `${shipmentId ?? "fulfillment"}|${checkpoint.occurredAt.toISOString()}|${checkpoint.status.tag}`;
}

interface RecordOptions {
  /** Skip a checkpoint whose status the fulfillment already has at or before its time. */
  skipKnownTags?: boolean;
  /** Skip a checkpoint any shipment of the fulfillment already has at the same moment and tag. */
  skipSameMoment?: boolean;
}

export async function recordCheckpoints(
  tx: Tx,
  shopDomain: string,
  fulfillmentId: string,
  shipmentId: string | null,
  checkpoints: CheckpointInput[],
  options: RecordOptions = {},
): Promise<number> {
  if (checkpoints.length === 0) return 0;
  const existing = await tx.trackingCheckpoint.findMany({
    where: { fulfillmentId },
    select: { dedupeKey: true, occurredAt: true, tag: true },
  });
  const keys = new Set(existing.map((row) => row.dedupeKey));
  const fresh = checkpoints.filter((checkpoint) => {
    const key = dedupeKey(shipmentId, checkpoint);
    if (keys.has(key)) return false;
    keys.add(key);
    if (
      options.skipKnownTags &&
      existing.some(
        (row) => row.tag === checkpoint.status.tag && row.occurredAt <= checkpoint.occurredAt,
      )
    ) {
      return false;
    }
    if (
      options.skipSameMoment &&
      existing.some(
        (row) =>
          row.tag === checkpoint.status.tag &&
          row.occurredAt.getTime() === checkpoint.occurredAt.getTime(),
      )
    ) {
      return false;
    }
    return true;
  });
  if (fresh.length === 0) return 0;
  await tx.trackingCheckpoint.createMany({
    data: fresh.map((checkpoint) =>
      checkpointColumns(shopDomain, fulfillmentId, shipmentId, checkpoint),
    ),
  });
  return fresh.length;
}

function checkpointColumns(
  shopDomain: string,
  fulfillmentId: string,
  shipmentId: string | null,
  checkpoint: CheckpointInput,
) {
  return {
    shopDomain,
    fulfillmentId,
    shipmentId,
    source: checkpoint.source,
    dedupeKey: dedupeKey(shipmentId, checkpoint),
    occurredAt: checkpoint.occurredAt,
    utcOffset: checkpoint.utcOffset,
    tag: checkpoint.status.tag,
    subtag: checkpoint.status.subtag,
    message: checkpoint.message.slice(0, 500),
    city: checkpoint.city,
    region: checkpoint.region,
    country: checkpoint.country,
    postalCode: checkpoint.postalCode,
    estimatedDeliveryAt: checkpoint.estimatedDeliveryAt,
  };
}

// ---- derived state ----------------------------------------------------------------------------

async function refreshFulfillmentShipments(
  tx: Tx,
  context: ShopTrackingContext,
  fulfillmentId: string,
) {
  const shipments = await tx.trackingShipment.findMany({
    where: { fulfillmentId },
    select: { id: true },
  });
  const changes: ShipmentChange[] = [];
  for (const shipment of shipments) {
    const change = await refreshShipment(tx, context, shipment.id);
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * Takes the row lock of a shipment's fulfillment until the transaction ends. Two deliveries for
 * one fulfillment (two events on two workers) each derive the shipment from the checkpoints they
 * can see; on PostgreSQL the second now waits here and then sees the first's, instead of writing
 * a state without them. Taken before any shipment row, always in that order.
 */
async function lockShipmentFulfillment(tx: Tx, shipmentId: string) {
  await tx.trackingFulfillment.updateMany({
    where: { shipments: { some: { id: shipmentId } } },
    data: { updatedAt: new Date() },
  });
}

/** Re-derives a shipment's status, dates, estimate and attention from its checkpoints. */
export async function refreshShipment(
  tx: Tx,
  context: ShopTrackingContext,
  shipmentId: string,
  now = new Date(),
): Promise<ShipmentChange | null> {
  await lockShipmentFulfillment(tx, shipmentId);
  const shipment = await tx.trackingShipment.findUniqueOrThrow({
    where: { id: shipmentId },
    include: { fulfillment: true },
  });
  const checkpoints = await tx.trackingCheckpoint.findMany({
    where: {
      fulfillmentId: shipment.fulfillmentId,
      OR: [{ shipmentId: shipment.id }, { shipmentId: null }],
    },
  });
  return deriveShipment(tx, context, shipment, checkpoints, now, (event) => emit(tx, event));
}

type LoadedShipment = TrackingShipment & { fulfillment: TrackingFulfillment };

/** refreshShipment's work on a shipment and checkpoints already read (or just written). */
async function deriveShipment(
  tx: Tx,
  context: ShopTrackingContext,
  shipment: LoadedShipment,
  checkpoints: TrackingCheckpoint[],
  now: Date,
  announce: (event: EventInput) => Promise<void>,
): Promise<ShipmentChange | null> {
  const newest = currentStatus(checkpoints);
  const current: Status = newest
    ? { tag: newest.tag as Status["tag"], subtag: newest.subtag }
    : status(shipment.fulfillment.status === "success" ? "InfoReceived_001" : "Pending_001");
  const lastCheckpointAt = checkpoints.length
    ? new Date(Math.max(...checkpoints.map((row) => row.occurredAt.getTime())))
    : null;
  const shipped = firstMovement(checkpoints) ?? shipment.fulfillment.shopifyCreatedAt;
  const deliveredAt = current.tag === "Delivered" && newest ? newest.occurredAt : null;

  const estimate = deliveredAt
    ? null
    : await estimateFor(tx, context, shipment, checkpoints, shipped);
  if (
    estimate &&
    isRevision({ earliest: shipment.estimateEarliest, latest: shipment.estimateLatest }, estimate)
  ) {
    await tx.trackingEstimateRevision.create({
      data: {
        shopDomain: shipment.shopDomain,
        shipmentId: shipment.id,
        kind: "revised",
        previousEarliest: shipment.estimateEarliest,
        previousLatest: shipment.estimateLatest,
        earliest: estimate.earliest,
        latest: estimate.latest,
        source: estimate.source,
      },
    });
  }

  const attention = needsAttention({
    tag: current.tag,
    subtag: current.subtag,
    carrier: shipment.carrier,
    shippedAt: shipped,
    createdAt: shipment.createdAt,
    lastCheckpointAt,
    estimateLatest: estimate?.latest ?? shipment.estimateLatest,
    latestMessage: newest?.message ?? null,
    stallDays: context.settings.stallDays,
    now,
  });
  const dismissed = attention && shipment.attentionDismissed === attentionKey(attention);
  if (attention?.reason === "missed_estimate" && shipment.attentionReason !== "missed_estimate") {
    await tx.trackingEstimateRevision.create({
      data: {
        shopDomain: shipment.shopDomain,
        shipmentId: shipment.id,
        kind: "missed",
        previousEarliest: shipment.estimateEarliest,
        previousLatest: shipment.estimateLatest,
        source: shipment.estimateSource,
      },
    });
  }

  const changed = shipment.tag !== current.tag || shipment.subtag !== current.subtag;
  // A shipment flagged by hand (a Shopify Flow action) stays flagged until resolved, unless a
  // problem the carrier's data shows takes its place.
  const flagged = shipment.attentionReason === FLAGGED;
  const flaggedDetail = shipment.attentionDetail;
  const flaggedSince = shipment.attentionSince;
  await tx.trackingShipment.update({
    where: { id: shipment.id },
    data: {
      tag: current.tag,
      subtag: current.subtag,
      ...(changed ? { statusChangedAt: now } : {}),
      shippedAt: shipped,
      lastCheckpointAt,
      deliveredAt,
      ...(estimate
        ? {
            estimateEarliest: estimate.earliest,
            estimateLatest: estimate.latest,
            estimateSource: estimate.source,
            estimateConfidence: estimate.confidence,
          }
        : {}),
      attentionReason: attention && !dismissed ? attention.reason : flagged ? "flagged" : null,
      attentionDetail: attention && !dismissed ? attention.detail : flagged ? flaggedDetail : null,
      attentionSince: attention && !dismissed ? attention.since : flagged ? flaggedSince : null,
    },
  });
  const newlyDelayed =
    attention &&
    !dismissed &&
    DELAY_REASONS.has(attention.reason) &&
    shipment.attentionReason !== attention.reason;
  const ref = {
    shipmentId: shipment.id,
    orderId: isReturnShipment(shipment.fulfillment.shopifyId)
      ? null
      : shipment.fulfillment.orderShopifyId,
    isReturn: isReturnShipment(shipment.fulfillment.shopifyId),
  };
  const event = { shop: shipment.shopDomain, aggregateId: shipment.id };
  if (newlyDelayed) {
    await announce({
      ...event,
      type: "shipment.delayed",
      data: {
        ...ref,
        reason: attention.reason,
        estimateLatest: (estimate?.latest ?? shipment.estimateLatest)?.toISOString() ?? null,
      },
    });
  }
  if (!changed) return null;
  const change: ShipmentChange = {
    shopDomain: shipment.shopDomain,
    shipmentId: shipment.id,
    previous: { tag: shipment.tag as Status["tag"], subtag: shipment.subtag },
    current,
    source: newest?.source ?? null,
  };
  await announce({
    ...event,
    type: "shipment.status_changed",
    data: { ...ref, previous: change.previous, current, source: change.source },
  });
  if (deliveredAt) {
    await announce({
      ...event,
      type: "shipment.delivered",
      data: { ...ref, deliveredAt: deliveredAt.toISOString() },
    });
  }
  if (current.tag === "Exception") {
    await announce({
      ...event,
      type: "shipment.exception",
      data: { ...ref, subtag: current.subtag },
    });
  }
  return change;
}

/** Attention reasons that mean the parcel is late, told as `shipment.delayed`. */
const DELAY_REASONS = new Set(["missed_estimate", "stalled"]);

type ShipmentRow = {
  shopDomain: string;
  carrier: string | null;
  service: string | null;
  destinationRegion: string | null;
};

async function estimateFor(
  tx: Tx,
  context: ShopTrackingContext,
  shipment: ShipmentRow,
  checkpoints: { occurredAt: Date; estimatedDeliveryAt: Date | null }[],
  shipped: Date | null,
): Promise<Estimate | null> {
  const withCarrierDate = checkpoints
    .filter((row) => row.estimatedDeliveryAt)
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
  if (withCarrierDate?.estimatedDeliveryAt)
    return carrierEstimate(withCarrierDate.estimatedDeliveryAt);
  if (!shipped) return null;
  // Most specific group first: carrier × service × region, then carrier × region, then carrier.
  const groups = [
    {
      carrier: shipment.carrier,
      service: shipment.service,
      destinationRegion: shipment.destinationRegion,
    },
    { carrier: shipment.carrier, destinationRegion: shipment.destinationRegion },
    { carrier: shipment.carrier },
  ];
  for (const group of groups) {
    const delivered = await tx.trackingShipment.findMany({
      where: { shopDomain: shipment.shopDomain, tag: "Delivered", ...group },
      select: { shippedAt: true, deliveredAt: true },
      orderBy: { deliveredAt: "desc" },
      take: 500,
    });
    const samples = delivered
      .filter((row) => row.shippedAt && row.deliveredAt)
      .map((row) => transitDays(row.shippedAt!, row.deliveredAt!));
    const estimate = historyEstimate(shipped, samples);
    if (estimate) return estimate;
  }
  const shopCountry = context.shopCountry;
  const destinationCountry = shipment.destinationRegion?.slice(0, 2) ?? null;
  const international = Boolean(
    shopCountry && destinationCountry && shopCountry !== destinationCountry,
  );
  return defaultEstimate(shipped, shipment.carrier, international);
}
