import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadResult } from "./load";

export interface Comparison {
  benchmark: string;
  subject: string;
  floor: string;
  result: LoadResult;
  baseline: LoadResult;
  note?: string;
}

const fixed = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : "n/a";

/** Each figure next to its floor from the same run, and the ratio. */
export function printComparison({ benchmark, subject, floor, result, baseline, note }: Comparison) {
  console.log(`\n## ${benchmark}`);
  if (note) console.log(note);
  console.log(
    [
      "| measure | " + subject + " | " + floor + " (floor) | ratio |",
      "|---|---:|---:|---:|",
      `| throughput (req/s) | ${fixed(result.throughput)} | ${fixed(baseline.throughput)} | ${fixed(result.throughput / baseline.throughput, 2)} |`,
      `| p50 latency (ms) | ${fixed(result.p50, 2)} | ${fixed(baseline.p50, 2)} | ${fixed(result.p50 / baseline.p50, 2)} |`,
      `| p99 latency (ms) | ${fixed(result.p99, 2)} | ${fixed(baseline.p99, 2)} | ${fixed(result.p99 / baseline.p99, 2)} |`,
      `| requests / errors | ${result.requests} / ${result.errors} | ${baseline.requests} / ${baseline.errors} | |`,
    ].join("\n"),
  );
}

export function saveResults(name: string, data: unknown) {
  const dir = path.resolve(import.meta.dirname, "../results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}
