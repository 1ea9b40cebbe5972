import { db } from "../db.server";
import { captureChangesSoon, prepareForBulkWrite } from "../analytics/index.server";
import { applyImportedOrders, OrderPayloadSchema } from "../orders/index.server";
import { retryOnUniqueViolation } from "../platform/db/errors";
import { transaction } from "../platform/events/index.server";
import { log } from "../platform/logging/logger.server";
import {
  BULK_ENDED_WITHOUT_FILE,
  bulkFileLines,
  bulkOperation,
  runBulkQuery,
} from "../platform/shopify/bulk-operations.server";
import {
  importedOrderFulfillmentsWriter,
  OrderFulfillmentsPayloadSchema,
} from "../tracking/index.server";
import {
  BulkFileError,
  historyBulkQuery,
  monthsBefore,
  readHistoryFile,
  type HistoryOrder,
} from "./bulk";

/**
 * Day-one history: the shop's past orders, customers and fulfillments read from one Shopify bulk
 * operation and applied through the code the orders/* webhooks use, so an order that also
 * arrives by webhook meanwhile has one effect (newer `updated_at` wins) and a second import
 * changes nothing. Progress lives in HistoryImport, so a restarted process resumes.
 */

export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 60;
/** Orders applied between two progress updates (and two rollup refreshes). */
export const HISTORY_BATCH = 200;
/** A batch's transaction may take this long (Prisma's default is 5 s) on a busy machine. */
const BATCH_TIMEOUT_MS = 60_000;
/** A reader that has not reported for this long is taken to have died; another takes over. */
const STALE_READER_MS = 60_000;
const ACTIVE = ["running", "importing"];

/**
 * Asks Shopify for the orders of the last `months` months as a bulk operation; the import goes on
 * in the background (history.import). An import already under way is returned as is.
 */
export async function startHistoryImport(shopDomain: string, months: number, now = new Date()) {
  const active = await db.historyImport.findFirst({
    where: { shopDomain, status: { in: ACTIVE } },
  });
  if (active) return { started: false, importId: active.id };
  await prepareForBulkWrite(shopDomain, now);
  const bulkOperationId = await runBulkQuery(
    shopDomain,
    historyBulkQuery(monthsBefore(now, months)),
    { groupObjects: true },
  );
  const created = await db.historyImport.create({
    data: { shopDomain, bulkOperationId, months, status: "running" },
  });
  return { started: true, importId: created.id };
}

/** Whether the shop has ever imported its history (an install imports it once). */
export async function hasHistoryImport(shopDomain: string) {
  return (await db.historyImport.count({ where: { shopDomain } })) > 0;
}

export type ImportStep = "waiting" | "imported" | "failed" | "finished";

/**
 * One step of an import: while Shopify writes the file, records how far it got ("waiting": ask
 * again later); once written, claims the import (the finish webhook and the poll never read it
 * twice at once) and reads the file in batches, recording after each batch the line it reached,
 * so a reader that died is resumed from there by the next step.
 */
export async function advanceHistoryImport(
  shopDomain: string,
  importId: string,
  now = new Date(),
): Promise<ImportStep> {
  const row = await db.historyImport.findFirst({ where: { id: importId, shopDomain } });
  if (!row?.bulkOperationId || !ACTIVE.includes(row.status)) return "finished";
  const stale = new Date(now.getTime() - STALE_READER_MS);
  if (row.status === "importing" && row.heartbeatAt && row.heartbeatAt > stale) return "finished";
  const node = await bulkOperation(shopDomain, row.bulkOperationId);
  if (!node || BULK_ENDED_WITHOUT_FILE.includes(node.status)) {
    await finish(importId, "failed", node?.errorCode ?? node?.status ?? "bulk operation not found");
    return "failed";
  }
  const objectCount = Number(node.objectCount);
  if (node.status !== "COMPLETED") {
    await db.historyImport.update({ where: { id: importId }, data: { objectCount } });
    return "waiting";
  }
  const claimed = await db.historyImport.updateMany({
    where: {
      id: importId,
      OR: [
        { status: "running" },
        { status: "importing", heartbeatAt: null },
        { status: "importing", heartbeatAt: { lte: stale } },
      ],
    },
    data: { status: "importing", objectCount, heartbeatAt: now },
  });
  if (claimed.count === 0) return "finished";
  try {
    // An operation that matched no orders has no file.
    if (node.url) await importHistoryFile(shopDomain, importId, node.url, row.linesRead);
  } catch (error) {
    if (error instanceof BulkFileError) {
      log().warn({ shop: shopDomain, error: error.message }, "Unreadable history file");
      await finish(
        importId,
        "failed",
        `the bulk operation's file could not be read: ${error.message}`,
      );
      return "failed";
    }
    // Network or database: give the claim back so the job's retry resumes at once.
    await db.historyImport.update({ where: { id: importId }, data: { heartbeatAt: null } });
    throw error;
  }
  await finish(importId, "completed", null);
  await captureChangesSoon(shopDomain, `history:${importId}:done`);
  const done = await db.historyImport.findUnique({ where: { id: importId } });
  log().info(
    { shop: shopDomain, orders: done?.ordersRead, applied: done?.ordersApplied },
    "Order history imported",
  );
  return "imported";
}

/** Reads the file from line `skip` on, applying its orders in batches (also the bench's subject). */
export async function importHistoryFile(
  shopDomain: string,
  importId: string,
  url: string,
  skip = 0,
) {
  let batch: { order: HistoryOrder; lastLine: number }[] = [];
  for await (const entry of readHistoryFile(bulkFileLines(url), skip)) {
    batch.push(entry);
    if (batch.length >= HISTORY_BATCH) {
      await applyBatch(shopDomain, importId, batch);
      batch = [];
    }
  }
  if (batch.length) await applyBatch(shopDomain, importId, batch);
}

/**
 * Applies a batch of orders in one transaction, a few statements for the whole batch: one we
 * already hold at the same or a newer version (a webhook came first, or an earlier import) is
 * left alone, order and fulfillments; the rest are written as the orders/* webhooks write them.
 * A webhook that inserts one of the batch's orders meanwhile makes the batch lose a unique race:
 * it runs again and leaves that order alone.
 */
async function applyBatch(
  shopDomain: string,
  importId: string,
  batch: { order: HistoryOrder; lastLine: number }[],
) {
  const orders = batch.map(({ order }) => {
    const payload = OrderPayloadSchema.safeParse(order);
    const fulfillments = OrderFulfillmentsPayloadSchema.safeParse(order);
    if (!payload.success || !fulfillments.success) {
      throw new BulkFileError(
        `order ${order.name}: ${(payload.error ?? fulfillments.error)!.message}`,
      );
    }
    return { payload: payload.data, fulfillments: fulfillments.data };
  });
  const fulfillmentsOf = new Map(orders.map((order) => [order.payload.id, order.fulfillments]));
  const writeFulfillments = await importedOrderFulfillmentsWriter(shopDomain);
  const applied = await retryOnUniqueViolation(() =>
    transaction(
      async (tx) => {
        const written = await applyImportedOrders(
          tx,
          shopDomain,
          orders.map((order) => order.payload),
        );
        await writeFulfillments(
          tx,
          written.map((payload) => fulfillmentsOf.get(payload.id)!),
        );
        return written.length;
      },
      { timeout: BATCH_TIMEOUT_MS },
    ),
  );
  const linesRead = batch[batch.length - 1]!.lastLine;
  await db.historyImport.update({
    where: { id: importId },
    data: {
      linesRead,
      ordersRead: { increment: batch.length },
      ordersApplied: { increment: applied },
      heartbeatAt: new Date(),
    },
  });
  // The dashboard fills as the import runs: the days of this batch are recomputed now.
  await captureChangesSoon(shopDomain, `history:${importId}:${linesRead}`);
}

function finish(importId: string, status: "completed" | "failed", error: string | null) {
  return db.historyImport.update({
    where: { id: importId },
    data: { status, error, finishedAt: new Date(), heartbeatAt: null },
  });
}

/** bulk_operations/finish: the import this operation belongs to, if it is one of ours. */
export function importForOperation(shopDomain: string, bulkOperationId: string) {
  return db.historyImport.findFirst({
    where: { shopDomain, bulkOperationId, status: "running" },
    select: { id: true },
  });
}

/** The latest import, as the admin's progress bar shows it. */
export async function historyImportProgress(shopDomain: string) {
  const row = await db.historyImport.findFirst({
    where: { shopDomain },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  const percent =
    row.status === "completed"
      ? 100
      : row.status === "importing" && row.objectCount > 0
        ? Math.min(99, Math.floor((row.linesRead / row.objectCount) * 100))
        : 0;
  return {
    status: row.status as "running" | "importing" | "completed" | "failed",
    months: row.months,
    objectCount: row.objectCount,
    ordersRead: row.ordersRead,
    ordersApplied: row.ordersApplied,
    percent,
    error: row.error,
    startedAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export type HistoryImportProgress = Awaited<ReturnType<typeof historyImportProgress>>;
