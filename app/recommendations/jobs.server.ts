import { z } from "zod";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { log } from "../platform/logging/logger.server";
import { installedShopDomains } from "../shops/index.server";
import { advanceCatalogImport, startCatalogImport } from "./bulk.server";
import { rebuildModel } from "./recommendations.server";

/** One shop's model rebuilt from all its orders. */
export const rebuildShopModel = defineJob({
  name: "recommendations.rebuild",
  schema: z.object({ shop: z.string() }),
  retryLimit: 2,
  concurrency: 1,
  async run({ shop }) {
    const result = await rebuildModel(shop);
    log().info({ shop, ...result }, "Recommendation model rebuilt");
  },
});

/** Nightly: every installed shop's model, so drift from missed webhooks never lasts. */
export const rebuildAllModels = defineJob({
  name: "recommendations.rebuild-all",
  schema: z.object({}),
  cron: "30 3 * * *",
  retryLimit: 1,
  async run() {
    for (const shop of await installedShopDomains()) {
      await jobs.send(
        rebuildShopModel,
        { shop },
        { idempotencyKey: `rebuild:${shop}:${new Date().toISOString().slice(0, 10)}` },
      );
    }
  },
});

/** The longest wait between two looks at a bulk operation Shopify is still writing. */
const MAX_POLL_MS = 30_000;

/**
 * A catalog import: asks Shopify how far the bulk operation got, waiting longer each time, and
 * imports the file once it is written. bulk_operations/finish sends this job too, so the import
 * starts as soon as Shopify says; the poll covers a lost webhook.
 */
export const importCatalog = defineJob({
  name: "recommendations.catalog-import",
  schema: z.object({ shop: z.string(), importId: z.string(), poll: z.number().int().default(0) }),
  retryLimit: 5,
  async run({ shop, importId, poll }) {
    if ((await advanceCatalogImport(shop, importId)) !== "waiting") return;
    await jobs.send(
      importCatalog,
      { shop, importId, poll: poll + 1 },
      { startAfter: new Date(Date.now() + Math.min(500 * 1.5 ** poll, MAX_POLL_MS)) },
    );
  },
});

/** The admin's "Import catalog": the bulk operation, then its first look a moment later. */
export async function importCatalogFromShopify(shop: string) {
  const result = await startCatalogImport(shop);
  if (result.started) {
    await jobs.send(
      importCatalog,
      { shop, importId: result.importId, poll: 0 },
      { startAfter: new Date(Date.now() + 500) },
    );
  }
  return result;
}

export const RECOMMENDATION_JOBS = [rebuildShopModel, rebuildAllModels, importCatalog];
