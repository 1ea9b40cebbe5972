import { ensureBuild } from "../../scripts/lib/build";
import { TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { createTestDatabase } from "../../tests/support/database";
import { runLoad } from "../lib/load";
import type { RunMeasure } from "../lib/measure";
import { runTsScript, startBenchApp, withFloor } from "../lib/processes";
import { customerGet } from "../lib/requests";
import type { Comparison } from "../lib/report";
import { BENCH_RECS_SHOP, benchOrder, PRODUCTS } from "../seeds/recommendations-data";

const LINES = Number(process.env.BENCH_ORDER_LINES ?? 1_000_000);
const CONCURRENCY = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2_000);

/** The order-status or thank-you block's request for a random order, as its customer. */
function recommendationsRequest(baseUrl: string, orders: number) {
  return () => {
    const order = benchOrder(Math.floor(Math.random() * orders));
    return customerGet(
      `${baseUrl}/api/recommendations/orders/${order.shopifyId}`,
      BENCH_RECS_SHOP,
      order.customerShopifyId,
    );
  };
}

/** Under load (CONCURRENCY at once), then one request at a time: what a lone shopper waits. */
async function loadBothWays(serverPid: number, send: () => Promise<number>) {
  const options = { durationMs: DURATION_MS, warmupMs: WARMUP_MS, send, serverPid };
  const busy = await runLoad({ ...options, concurrency: CONCURRENCY });
  const alone = await runLoad({ ...options, concurrency: 1 });
  return { busy, alone };
}

/**
 * Recommendations at scale: the nightly model rebuild over LINES order lines (time and memory,
 * next to a bare pass over the same lines), then the blocks' endpoint on the model it built
 * (next to a bare server doing the same queries).
 */
export async function recommendationsBenchmark(): Promise<Comparison[]> {
  ensureBuild();
  const database = await createTestDatabase("bench_recs");
  const env = {
    DATABASE_URL: database.url,
    SHOP: BENCH_RECS_SHOP,
    LINES: String(LINES),
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: "http://127.0.0.1:9",
    LOG_LEVEL: "warn",
  };
  try {
    const seeded = runTsScript("bench/seeds/recommendations.ts", env) as {
      orders: number;
      lines: number;
    };
    const pass = runTsScript("bench/floor/model-pass.ts", env) as RunMeasure & { lines: number };
    const build = runTsScript("bench/runs/model-build.ts", env) as RunMeasure & {
      orders: number;
      products: number;
      pairs: number;
      neighbors: number;
    };
    // The nightly job replaces the generation the first build left: its old rows are deleted too.
    const nightly = runTsScript("bench/runs/model-build.ts", env) as RunMeasure & {
      orders: number;
    };
    if (pass.lines !== seeded.lines) {
      throw new Error(`the floor read ${pass.lines} lines of ${seeded.lines}`);
    }

    const baseline = await withFloor(
      "bench/floor/recommendations-floor.ts",
      { DATABASE_URL: database.url, SHOPIFY_API_SECRET: TEST_API_SECRET },
      (url, pid) => loadBothWays(pid, recommendationsRequest(url, seeded.orders)),
    );
    const app = await startBenchApp(database.url, "bench-recommendations");
    try {
      const result = await loadBothWays(
        app.process.pid!,
        recommendationsRequest(app.url, seeded.orders),
      );
      const shopData = `${seeded.lines.toLocaleString("en")} order lines in ${seeded.orders.toLocaleString("en")} orders of one shop (${PRODUCTS.toLocaleString("en")} products, clustered co-purchases), ${database.provider}`;
      return [
        {
          benchmark: "Co-purchase model rebuild (the nightly recommendations.rebuild-shop)",
          subject: "rebuildModel",
          floor: "bare pass over the same lines",
          run: build,
          baselineRun: pass,
          note: `${shopData}. Subject: the same paged reads through Prisma, counted in memory, then ${build.orders.toLocaleString("en")} orders, ${build.products.toLocaleString("en")} product counts and ${build.pairs.toLocaleString("en")} pairs and ${build.neighbors.toLocaleString("en")} neighbours written as the next model generation in 1,000-row statements, then switched to. Floor: the same paged SQL through the raw driver, nothing counted or written. Each in its own process.`,
        },
        {
          benchmark: "Co-purchase model rebuild, nightly (replacing the generation built above)",
          subject: "rebuildModel",
          floor: "bare pass over the same lines",
          run: nightly,
          baselineRun: pass,
          note: `${shopData}. Subject: the same rebuild run again on the same shop, as the nightly job does: the model served meanwhile is the first build's, whose ${build.pairs.toLocaleString("en")} pairs and ${build.neighbors.toLocaleString("en")} neighbours the switch leaves to be deleted. Floor: the same bare pass.`,
        },
        {
          benchmark: "Recommendations for an order (GET /api/recommendations/orders/:id)",
          subject: "Aftercare",
          floor: "node:http + JWT + 8 queries",
          result: result.busy,
          baseline: baseline.busy,
          note: `${shopData}, the model built above; a random order per request with its customer's session token, concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up, production build.`,
        },
        {
          benchmark: "Recommendations for an order, one request at a time",
          subject: "Aftercare",
          floor: "node:http + JWT + 8 queries",
          result: result.alone,
          baseline: baseline.alone,
          note: `The same requests on the same servers at concurrency 1: the latency one shopper sees when nothing else is running.`,
        },
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
}
