import { z } from "zod";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob } from "../platform/jobs/types";
import { log } from "../platform/logging/logger.server";
import { installedShopDomains } from "../shops/shops.server";
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

export const RECOMMENDATION_JOBS = [rebuildShopModel, rebuildAllModels];
