import type { Comparison } from "../lib/report";
import { runSeedScript } from "../lib/seed-script";

interface Timing {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The admin home's figures (app/analytics/dashboard.server.ts `dashboard`, the loader's work
 * without HTTP) read from the rollups, next to the same figures computed from the raw rows of the
 * range in the same run; and a full rebuild's time and memory. BENCH_ORDERS sets the size.
 */
export async function dashboardBenchmark(): Promise<Comparison[]> {
  const report = await runSeedScript<{
    orders: number;
    shipments: number;
    seedSeconds: number;
    rebuild: {
      seconds: number;
      peakRssMb: number;
      startRssMb: number;
      peakHeapMb: number;
      days: number;
      rows: number;
    };
    results: Record<string, { dashboard: Timing; rawRows: Timing }>;
  }>("bench_dashboard", "bench/seeds/dashboard.ts");
  const ms = (value: number) => value.toFixed(1);
  console.log(
    `\n## Dashboard (${report.orders.toLocaleString("en")} orders, ${report.shipments.toLocaleString("en")} shipments)`,
  );
  console.log(
    "| range | dashboard p50 (ms) | p99 (ms) | from raw rows p50 (ms) | p99 (ms) | ratio (p99) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const [range, { dashboard, rawRows }] of Object.entries(report.results)) {
    console.log(
      `| ${range} | ${ms(dashboard.p50)} | ${ms(dashboard.p99)} | ${ms(rawRows.p50)} | ${ms(rawRows.p99)} | ${(rawRows.p99 / dashboard.p99).toFixed(0)}× |`,
    );
  }
  const r = report.rebuild;
  console.log(
    `Rebuild: ${r.days} days, ${r.rows.toLocaleString("en")} rollup rows in ${r.seconds.toFixed(1)} s; peak RSS ${r.peakRssMb.toFixed(0)} MB (${(r.peakRssMb - r.startRssMb).toFixed(0)} MB during the rebuild), peak heap ${r.peakHeapMb.toFixed(0)} MB. Seeding took ${report.seedSeconds.toFixed(0)} s.`,
  );
  return [];
}
