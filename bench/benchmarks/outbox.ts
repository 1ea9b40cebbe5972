import type { Comparison } from "../lib/report";
import { runSeedScript } from "../lib/seed-script";

interface Report {
  changes: number;
  events: number;
  aggregates: number;
  plainChange: { p50: number; p99: number };
  changeWithEvent: { p50: number; p99: number };
  outbox: { seconds: number; perSecond: number };
  floor: { seconds: number; perSecond: number };
}

/**
 * The transactional outbox (app/platform/events): what writing an event adds to the change that
 * emits it, and how many events per second the relay and its delivery jobs hand to a subscriber,
 * next to plain jobs through the same queue (bench/seeds/outbox.ts says what each side does).
 */
export async function outboxBenchmark(): Promise<Comparison[]> {
  const report = await runSeedScript<Report>("bench_outbox", "bench/seeds/outbox.ts");
  const ms = (value: number) => value.toFixed(2);
  console.log(
    `\n## Outbox (${report.events.toLocaleString("en")} events over ${report.aggregates} aggregates; ${report.changes} changes timed each way)`,
  );
  console.log("| measure | with the outbox | floor | ratio |");
  console.log("|---|---:|---:|---:|");
  console.log(
    `| a change's transaction, p50 (ms) | ${ms(report.changeWithEvent.p50)} | ${ms(report.plainChange.p50)} (the change alone) | ${(report.changeWithEvent.p50 / report.plainChange.p50).toFixed(2)} |`,
  );
  console.log(
    `| a change's transaction, p99 (ms) | ${ms(report.changeWithEvent.p99)} | ${ms(report.plainChange.p99)} (the change alone) | ${(report.changeWithEvent.p99 / report.plainChange.p99).toFixed(2)} |`,
  );
  console.log(
    `| events delivered per second | ${report.outbox.perSecond.toFixed(0)} | ${report.floor.perSecond.toFixed(0)} (one plain job per event) | ${(report.outbox.perSecond / report.floor.perSecond).toFixed(2)} |`,
  );
  return [];
}
