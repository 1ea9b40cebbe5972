import { z } from "zod";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { getShop, syncShopDetailsNow } from "../shops/index.server";
import {
  advanceHistoryImport,
  DEFAULT_MONTHS,
  hasHistoryImport,
  startHistoryImport,
} from "./import.server";

/** The longest wait between two looks at a bulk operation Shopify is still writing. */
const MAX_POLL_MS = 30_000;

/**
 * A history import: asks Shopify how far the bulk operation got, waiting longer each time, and
 * reads the file once it is written. bulk_operations/finish sends this job too, so the import
 * starts as soon as Shopify says; the poll covers a lost webhook. A process that dies while
 * reading leaves the job to its lease: the retry resumes after the last recorded batch.
 */
export const importHistory = defineJob({
  name: "history.import",
  schema: z.object({ shop: z.string(), importId: z.string(), poll: z.number().int().default(0) }),
  retryLimit: 5,
  async run({ shop, importId, poll }) {
    if ((await advanceHistoryImport(shop, importId)) !== "waiting") return;
    await jobs.send(
      importHistory,
      { shop, importId, poll: poll + 1 },
      { startAfter: new Date(Date.now() + Math.min(500 * 1.5 ** poll, MAX_POLL_MS)) },
    );
  },
});

/** The admin's "Import history": the bulk operation, then its first look a moment later. */
export async function importHistoryFromShopify(shop: string, months: number) {
  const result = await startHistoryImport(shop, months);
  if (result.started) {
    await jobs.send(
      importHistory,
      { shop, importId: result.importId, poll: 0 },
      { startAfter: new Date(Date.now() + 500) },
    );
  }
  return result;
}

/** After install: the last DEFAULT_MONTHS months, once per shop (the admin can import again). */
export const importHistoryOnInstall = defineJob({
  name: "history.install",
  schema: z.object({ shop: z.string() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  async run({ shop }) {
    if (await hasHistoryImport(shop)) return;
    // The install's own sync may not have run yet: without the shop's time zone, the rollups
    // would be dated in UTC, then rebuilt over every imported day once it arrives.
    if (!(await getShop(shop))?.ianaTimezone) await syncShopDetailsNow(shop);
    await importHistoryFromShopify(shop, DEFAULT_MONTHS);
  },
});

/** Called from the install hook: the import starts in the background, never failing the install. */
export async function scheduleHistoryImportOnInstall(shop: string) {
  await jobs.send(importHistoryOnInstall, { shop }, { idempotencyKey: `history-install:${shop}` });
}

export const HISTORY_JOBS = [importHistory, importHistoryOnInstall];
