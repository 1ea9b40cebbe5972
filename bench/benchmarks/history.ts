import type { Comparison } from "../lib/report";
import { runSeedScript } from "../lib/seed-script";

interface Report {
  orders: number;
  applied: number;
  counts: { orders: number; customers: number; shipments: number };
  seconds: number;
  perSecond: number;
  cpuMsPerOrder: number;
  floor: { seconds: number; perSecond: number; cpuMsPerOrder: number };
  peakRssMb: number;
  peakHeapMb: number;
}

/**
 * Day-one history: orders imported per second from a bulk operation's file (with their
 * customers, line items and shipments) next to downloading and parsing the same file alone
 * (bench/seeds/history.ts says what each side does), and the process's peak memory.
 */
export async function historyBenchmark(): Promise<Comparison[]> {
  const report = await runSeedScript<Report>("bench_history", "bench/seeds/history.ts");
  console.log(
    `\n## History import (${report.orders.toLocaleString("en")} orders; ${report.counts.customers.toLocaleString("en")} customers, ${report.counts.shipments.toLocaleString("en")} shipments written)`,
  );
  console.log("| measure | the import | floor (download and parse only) | ratio |");
  console.log("|---|---:|---:|---:|");
  console.log(
    `| orders per second | ${report.perSecond.toFixed(0)} | ${report.floor.perSecond.toFixed(0)} | ${(report.perSecond / report.floor.perSecond).toFixed(3)} |`,
  );
  console.log(
    `| CPU per order, this process (ms) | ${report.cpuMsPerOrder.toFixed(2)} | ${report.floor.cpuMsPerOrder.toFixed(3)} | |`,
  );
  console.log(`| seconds | ${report.seconds.toFixed(1)} | ${report.floor.seconds.toFixed(1)} | |`);
  console.log(`| peak RSS (MB) | ${report.peakRssMb.toFixed(0)} | | |`);
  console.log(`| peak JS heap used (MB) | ${report.peakHeapMb.toFixed(0)} | | |`);
  return [];
}
