import { randomUUID as createId } from "node:crypto";
import { db, sql } from "../db.server";
import { valuesPlaceholders } from "../platform/db/sql";
import { DELIVERY_STATUSES, type DeliveryStatus } from "./statuses";

/** The durable webhook inbox (WebhookDelivery). Only the webhooks module touches this table. */

export interface IncomingDelivery {
  webhookId: string;
  shopDomain: string;
  topic: string;
  apiVersion: string | null;
  eventId: string | null;
  triggeredAt: Date | null;
  /** Null for a shop that uninstalled Aftercare: the delivery is recorded, its content dropped. */
  payload: string | null;
  status: "received" | "held" | "ignored";
}

const DELIVERY_COLUMNS = [
  "id",
  "webhookId",
  "shopDomain",
  "topic",
  "apiVersion",
  "eventId",
  "triggeredAt",
  "receivedAt",
  "payload",
  "status",
  "attempts",
];

/**
 * Stores deliveries in one statement, each once: the result maps the webhook id of every newly
 * stored delivery to its row id; a webhook id already stored is absent (a duplicate). Raw SQL:
 * this is the ingest hot path.
 */
export async function recordDeliveries(
  deliveries: IncomingDelivery[],
): Promise<Map<string, string>> {
  if (!deliveries.length) return new Map();
  const now = new Date();
  const values = deliveries.flatMap((delivery) => [
    createId(),
    delivery.webhookId,
    delivery.shopDomain,
    delivery.topic,
    delivery.apiVersion,
    delivery.eventId,
    delivery.triggeredAt,
    now,
    delivery.payload,
    delivery.status,
    0,
  ]);
  const inserted = await sql.query<{ id: string; webhookId: string }>(
    `INSERT INTO "WebhookDelivery" (${DELIVERY_COLUMNS.map((column) => `"${column}"`).join(", ")})
     VALUES ${valuesPlaceholders(deliveries.length, DELIVERY_COLUMNS.length)}
     ON CONFLICT ("webhookId") DO NOTHING
     RETURNING "id", "webhookId"`,
    values,
  );
  return new Map(inserted.map((row) => [row.webhookId, row.id]));
}

export function findDelivery(id: string) {
  return db.webhookDelivery.findUnique({ where: { id } });
}

/** Claims a delivery for a processing attempt; null when it needs no (more) processing. */
export async function startAttempt(id: string) {
  const claimed = await db.webhookDelivery.updateMany({
    where: { id, status: { in: ["received", "retrying", "processing"] } },
    data: { status: "processing", attempts: { increment: 1 } },
  });
  return claimed.count === 1 ? findDelivery(id) : null;
}

export async function markProcessed(id: string) {
  await db.webhookDelivery.update({
    where: { id },
    data: { status: "processed", processedAt: new Date(), lastError: null },
  });
}

export async function markFailedAttempt(id: string, error: string, final: boolean) {
  await db.webhookDelivery.update({
    where: { id },
    data: { status: final ? "parked" : "retrying", lastError: error.slice(0, 4000) },
  });
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  topic?: string;
  page?: number;
  pageSize?: number;
}

export async function listDeliveries(shopDomain: string, filter: DeliveryFilter = {}) {
  const pageSize = filter.pageSize ?? 25;
  const page = Math.max(filter.page ?? 1, 1);
  const where = {
    shopDomain,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.topic ? { topic: filter.topic } : {}),
  };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where,
      orderBy: { receivedAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        webhookId: true,
        topic: true,
        status: true,
        attempts: true,
        lastError: true,
        receivedAt: true,
        processedAt: true,
        triggeredAt: true,
      },
    }),
    db.webhookDelivery.count({ where }),
  ]);
  return { rows, total, page, pageSize };
}

export function getDelivery(shopDomain: string, id: string) {
  return db.webhookDelivery.findFirst({ where: { id, shopDomain } });
}

export async function countByStatus(shopDomain: string): Promise<Record<DeliveryStatus, number>> {
  const groups = await db.webhookDelivery.groupBy({
    by: ["status"],
    where: { shopDomain },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<
    DeliveryStatus,
    number
  >;
  for (const group of groups) counts[group.status as DeliveryStatus] = group._count._all;
  return counts;
}

/** Puts a parked delivery back in line; returns false when it is not parked (or not this shop's). */
export async function requeueParked(shopDomain: string, id: string) {
  const reset = await db.webhookDelivery.updateMany({
    where: { id, shopDomain, status: "parked" },
    data: { status: "received", lastError: null },
  });
  return reset.count === 1;
}

/** Deliveries stored but never handed to the queue (the process died in between). */
export function staleReceived(olderThan: Date, limit: number) {
  return db.webhookDelivery.findMany({
    where: { status: "received", receivedAt: { lt: olderThan } },
    orderBy: { receivedAt: "asc" },
    take: limit,
    select: { id: true, webhookId: true, attempts: true, shopDomain: true },
  });
}

/** Puts a delivery claimed for processing back on hold: its shop has not installed Aftercare. */
export async function holdDelivery(id: string) {
  await db.webhookDelivery.update({ where: { id }, data: { status: "held" } });
}

/** Records a delivery as ignored without its payload: its shop no longer has Aftercare. */
export async function ignoreWithoutPayload(id: string, reason: string) {
  await db.webhookDelivery.update({
    where: { id },
    data: { status: "ignored", payload: null, lastError: reason },
  });
}

/** The shop's held deliveries in the order Shopify triggered them (received order breaks ties). */
export async function heldDeliveries(shopDomain: string) {
  const held = await db.webhookDelivery.findMany({
    where: { shopDomain, status: "held" },
    select: { id: true, webhookId: true, triggeredAt: true, receivedAt: true },
  });
  const at = (delivery: (typeof held)[number]) =>
    (delivery.triggeredAt ?? delivery.receivedAt).getTime();
  return held.sort((a, b) => at(a) - at(b) || a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** Claims a held delivery for processing; null when another worker released it first. */
export async function claimHeld(id: string) {
  const claimed = await db.webhookDelivery.updateMany({
    where: { id, status: "held" },
    data: { status: "processing", attempts: { increment: 1 } },
  });
  return claimed.count === 1 ? findDelivery(id) : null;
}

/** Shops with deliveries on hold, for the sweep to release those that have installed since. */
export async function shopsWithHeldDeliveries(limit: number) {
  const rows = await db.webhookDelivery.findMany({
    where: { status: "held" },
    distinct: ["shopDomain"],
    select: { shopDomain: true },
    take: limit,
  });
  return rows.map((row) => row.shopDomain);
}

/** Held deliveries received before `before` go, payload and all: their shop never installed. */
export async function purgeHeld(before: Date) {
  const { count } = await db.webhookDelivery.deleteMany({
    where: { status: "held", receivedAt: { lt: before } },
  });
  return count;
}

/** Processed payloads carry customer data: keep them only as long as they help debugging. */
export async function pruneFinished(before: Date) {
  const { count } = await db.webhookDelivery.deleteMany({
    where: { status: { in: ["processed", "ignored"] }, receivedAt: { lt: before } },
  });
  return count;
}

/** What a redacted delivery keeps in place of its payload. */
export const REDACTED_PAYLOAD = '{"redacted":true}';

/**
 * Erasure: the shop's deliveries whose payload mentions any of `mentions` (a customer's id,
 * email, phone, orders) keep their row, for the inbox's record, but lose their payload; those not
 * yet processed are never processed.
 */
export async function redactDeliveries(shopDomain: string, mentions: string[]) {
  if (!mentions.length) return 0;
  const where = {
    shopDomain,
    payload: { not: REDACTED_PAYLOAD },
    OR: [...new Set(mentions.flatMap((text) => [text, text.toLowerCase()]))].map((text) => ({
      payload: { contains: text },
    })),
  };
  const [, redacted] = await db.$transaction([
    db.webhookDelivery.updateMany({
      where: { ...where, status: { in: ["received", "held", "retrying", "parked"] } },
      data: { status: "ignored", lastError: "Redacted at the customer's request" },
    }),
    db.webhookDelivery.updateMany({ where, data: { payload: REDACTED_PAYLOAD } }),
  ]);
  return redacted.count;
}
