import { db } from "../db.server";
import {
  BULK_ENDED_WITHOUT_FILE,
  bulkFileLines,
  bulkOperation,
  runBulkQuery,
} from "../platform/shopify/bulk-operations.server";
import { log } from "../platform/logging/logger.server";
import { BulkFileError, CATALOG_BULK_QUERY, parseCatalogLines } from "./bulk";
import { applyProduct } from "./catalog.server";

/** Products written to the mirror between two progress updates. */
const IMPORT_BATCH = 100;
const ACTIVE = ["running", "importing"];

/**
 * Asks Shopify for the whole catalog as a bulk operation; the import continues in the
 * background (recommendations.catalog-import). An import already under way is returned as is.
 */
export async function startCatalogImport(shopDomain: string) {
  const active = await db.recommendationImport.findFirst({
    where: { shopDomain, status: { in: ACTIVE } },
  });
  if (active) return { started: false, importId: active.id };
  const bulkOperationId = await runBulkQuery(shopDomain, CATALOG_BULK_QUERY);
  const created = await db.recommendationImport.create({
    data: { shopDomain, bulkOperationId, status: "running" },
  });
  return { started: true, importId: created.id };
}

export type ImportStep = "waiting" | "imported" | "failed" | "finished";

/**
 * One step of an import: while Shopify writes the file, records how far it got ("waiting": ask
 * again later); once it is written, claims the import (so the webhook and the poll never import
 * twice) and reads the file into the catalog in batches, recording progress after each.
 */
export async function advanceCatalogImport(
  shopDomain: string,
  importId: string,
): Promise<ImportStep> {
  const row = await db.recommendationImport.findFirst({ where: { id: importId, shopDomain } });
  if (!row?.bulkOperationId || row.status !== "running") return "finished";
  const node = await bulkOperation(shopDomain, row.bulkOperationId);
  if (!node || BULK_ENDED_WITHOUT_FILE.includes(node.status)) {
    await finish(importId, "failed", node?.errorCode ?? node?.status ?? "bulk operation not found");
    return "failed";
  }
  const objectCount = Number(node.objectCount);
  if (node.status !== "COMPLETED") {
    await db.recommendationImport.update({ where: { id: importId }, data: { objectCount } });
    return "waiting";
  }
  const claimed = await db.recommendationImport.updateMany({
    where: { id: importId, status: "running" },
    data: { status: "importing", objectCount },
  });
  if (claimed.count === 0) return "finished";
  let products;
  try {
    // An operation that matched no products has no file.
    products = node.url ? await downloadCatalog(node.url) : [];
  } catch (error) {
    // The download failed (network, storage): give the claim back so the job's retry reads it.
    await db.recommendationImport.update({ where: { id: importId }, data: { status: "running" } });
    throw error;
  }
  if (products === null) {
    await finish(importId, "failed", "the bulk operation's file could not be read");
    return "failed";
  }
  await db.recommendationImport.update({
    where: { id: importId },
    data: { total: products.length },
  });
  for (let from = 0; from < products.length; from += IMPORT_BATCH) {
    const batch = products.slice(from, from + IMPORT_BATCH);
    for (const product of batch) await applyProduct(shopDomain, product);
    await db.recommendationImport.update({
      where: { id: importId },
      data: { imported: from + batch.length },
    });
  }
  await finish(importId, "completed", null);
  log().info({ shop: shopDomain, products: products.length }, "Catalog imported");
  return "imported";
}

/** The file, read line by line as it downloads; null when it is not a catalog file. */
async function downloadCatalog(url: string) {
  const lines: string[] = [];
  for await (const line of bulkFileLines(url)) lines.push(line);
  try {
    return parseCatalogLines(lines);
  } catch (error) {
    if (!(error instanceof BulkFileError)) throw error;
    log().warn({ url, error: error.message }, "Unreadable bulk operation file");
    return null;
  }
}

function finish(importId: string, status: "completed" | "failed", error: string | null) {
  return db.recommendationImport.update({
    where: { id: importId },
    data: { status, error, finishedAt: new Date() },
  });
}

/** bulk_operations/finish: the import this operation belongs to, if it is one of ours. */
export function importForOperation(shopDomain: string, bulkOperationId: string) {
  return db.recommendationImport.findFirst({
    where: { shopDomain, bulkOperationId, status: "running" },
    select: { id: true },
  });
}

/** The latest import, as the admin's progress bar shows it. */
export async function catalogImportProgress(shopDomain: string) {
  const row = await db.recommendationImport.findFirst({
    where: { shopDomain },
    orderBy: { createdAt: "desc" },
  });
  if (!row) return null;
  const percent =
    row.status === "completed"
      ? 100
      : row.status === "importing" && row.total > 0
        ? Math.floor((row.imported / row.total) * 100)
        : 0;
  return {
    status: row.status,
    objectCount: row.objectCount,
    total: row.total,
    imported: row.imported,
    percent,
    error: row.error,
    startedAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
