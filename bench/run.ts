/**
 * `npm run bench`: every benchmark, each figure next to a floor measured in the same run.
 * DATABASE_URL picks the database as for the app (SQLite when unset); BENCH_ONLY=<name> runs one.
 */
import { webhookIngestBenchmark } from "./benchmarks/webhook-ingest";
import { printComparison, saveResults, type Comparison } from "./lib/report";

const BENCHMARKS: Record<string, () => Promise<Comparison[]>> = {
  "webhook-ingest": webhookIngestBenchmark,
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
console.log(`\nSaved to ${saveResults("bench", all)}`);
