/**
 * `npm run bench`: every benchmark, each figure next to a floor measured in the same run.
 * DATABASE_URL picks the database as for the app (SQLite when unset); BENCH_ONLY=<name> runs one.
 */
import { buildExtensions } from "../scripts/extensions";
import { chatBenchmark } from "./benchmarks/chat";
import { dashboardBenchmark } from "./benchmarks/dashboard";
import { historyBenchmark } from "./benchmarks/history";
import { loyaltyPageBenchmark } from "./benchmarks/loyalty-page";
import { outboxBenchmark } from "./benchmarks/outbox";
import { processingBenchmark } from "./benchmarks/processing";
import { recommendationsBenchmark } from "./benchmarks/recommendations";
import { trackingLookupBenchmark } from "./benchmarks/tracking-lookup";
import { webhookIngestBenchmark } from "./benchmarks/webhook-ingest";
import { printComparison, saveResults, type Comparison } from "./lib/report";

const BENCHMARKS: Record<string, () => Promise<Comparison[]>> = {
  "webhook-ingest": webhookIngestBenchmark,
  "tracking-lookup": trackingLookupBenchmark,
  "loyalty-page": loyaltyPageBenchmark,
  recommendations: recommendationsBenchmark,
  dashboard: dashboardBenchmark,
  outbox: outboxBenchmark,
  history: historyBenchmark,
  chat: chatBenchmark,
  processing: processingBenchmark,
};

const only = process.env.BENCH_ONLY;
const all: Comparison[] = [];
console.log(
  `# Aftercare benchmarks (${new Date().toISOString()}, ${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"})`,
);
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (only && only !== name) continue;
  const comparisons = await run();
  comparisons.forEach(printComparison);
  all.push(...comparisons);
}

const bundles = only && only !== "extension-bundles" ? [] : await buildExtensions();
if (bundles.length) {
  console.log("\n## UI extension bundles (minified ES2020, as Shopify CLI builds them)");
  console.log(
    "| extension | raw (KB) | gzip (KB) | Shopify's limit (KB compressed) | share of limit |",
  );
  console.log("|---|---:|---:|---:|---:|");
  for (const bundle of bundles) {
    console.log(
      `| ${bundle.handle} | ${(bundle.bytes / 1024).toFixed(1)} | ${(bundle.gzipBytes / 1024).toFixed(1)} | ${bundle.limitBytes / 1024} | ${((100 * bundle.gzipBytes) / bundle.limitBytes).toFixed(0)} % |`,
    );
  }
}
console.log(`\nSaved to ${saveResults("bench", { comparisons: all, bundles })}`);
