import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadResult } from "./load";
import type { RunMeasure } from "./measure";

/** A figure under load (throughput, latency) next to its floor's. */
export interface LoadComparison {
  benchmark: string;
  subject: string;
  floor: string;
  result: LoadResult;
  baseline: LoadResult;
  note?: string;
  /** What one measured unit is (default "request"). */
  unit?: string;
}

/** One run of a piece of work (time, memory) next to its floor's, each in its own process. */
export interface RunComparison {
  benchmark: string;
  subject: string;
  floor: string;
  run: RunMeasure;
  baselineRun: RunMeasure;
  note?: string;
}

export type Comparison = LoadComparison | RunComparison;

const fixed = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : "n/a";

/** Each figure next to its floor from the same run, and the ratio. */
export function printComparison(comparison: Comparison) {
  console.log(`\n## ${comparison.benchmark}`);
  if (comparison.note) console.log(comparison.note);
  if ("run" in comparison) printRun(comparison);
  else printLoad(comparison);
}

function printRun({ subject, floor, run, baselineRun }: RunComparison) {
  const row = (label: string, value: (measure: RunMeasure) => number, digits: number) =>
    `| ${label} | ${fixed(value(run), digits)} | ${fixed(value(baselineRun), digits)} | ${fixed(value(run) / value(baselineRun), 2)} |`;
  console.log(
    [
      "| measure | " + subject + " | " + floor + " (floor) | ratio |",
      "|---|---:|---:|---:|",
      row("time (s)", (measure) => measure.seconds, 2),
      row("peak RSS (MB)", (measure) => measure.peakRssMb, 0),
      row(
        "RSS growth during the work (MB)",
        (measure) => measure.peakRssMb - measure.startRssMb,
        0,
      ),
      row("peak V8 heap in use (MB)", (measure) => measure.peakHeapMb, 0),
    ].join("\n"),
  );
}

/** "request" → "requests", "delivery" → "deliveries". */
const plural = (unit: string) => (unit.endsWith("y") ? `${unit.slice(0, -1)}ies` : `${unit}s`);

function printLoad({ subject, floor, result, baseline, unit = "request" }: LoadComparison) {
  const short = unit === "request" ? "req" : unit;
  console.log(
    [
      "| measure | " + subject + " | " + floor + " (floor) | ratio |",
      "|---|---:|---:|---:|",
      `| throughput (${short}/s) | ${fixed(result.throughput)} | ${fixed(baseline.throughput)} | ${fixed(result.throughput / baseline.throughput, 2)} |`,
      `| p50 latency (ms) | ${fixed(result.p50, 2)} | ${fixed(baseline.p50, 2)} | ${fixed(result.p50 / baseline.p50, 2)} |`,
      `| p99 latency (ms) | ${fixed(result.p99, 2)} | ${fixed(baseline.p99, 2)} | ${fixed(result.p99 / baseline.p99, 2)} |`,
      `| ${plural(unit)} / errors | ${result.requests} / ${result.errors} | ${baseline.requests} / ${baseline.errors} | |`,
      ...(result.cpuMsPerRequest !== undefined && baseline.cpuMsPerRequest !== undefined
        ? [
            `| server CPU per ${unit} (ms) | ${fixed(result.cpuMsPerRequest, 2)} | ${fixed(baseline.cpuMsPerRequest, 2)} | ${fixed(result.cpuMsPerRequest / baseline.cpuMsPerRequest, 2)} |`,
          ]
        : []),
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
