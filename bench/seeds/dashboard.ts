/**
 * The dashboard bench's work, in one process on DATABASE_URL: seeds a shop with BENCH_ORDERS
 * orders (and their customers, shipments, scans, returns, answers, points, emails, views and
 * recommendation events), rebuilds its rollups (time, memory), then times the dashboard's read
 * against computing the same figures from the raw rows of the range. Prints one JSON line.
 */
import { dashboard } from "../../app/analytics/dashboard.server";
import { computeDay, rebuildShop } from "../../app/analytics/rollups.server";
import { seedShop } from "../../app/analytics/seed.server";
import { db } from "../../app/db.server";
import { dayInZone, daysFromTo, nextDay } from "../../app/platform/calendar";
import { measure } from "../lib/measure";
import { analyzeIfPostgres } from "./analyze";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 200);
const RAW_REPEATS = Number(process.env.BENCH_RAW_REPEATS ?? 5);
const shopDomain = "bench-dashboard.myshopify.com";
const timeZone = "America/New_York";

function percentile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

async function timed(times: number, work: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  return { n: times, p50: percentile(ms, 0.5), p99: percentile(ms, 0.99), max: Math.max(...ms) };
}

const seedStarted = performance.now();
await seedShop({
  shopDomain,
  timeZone,
  customers: Math.round(ORDERS / 2),
  days: DAYS,
  ordersPerCustomer: 2,
  batchSize: 1000,
});
await analyzeIfPostgres();
const seedSeconds = (performance.now() - seedStarted) / 1000;
const orders = await db.order.count({ where: { shopDomain } });
const shipments = await db.trackingShipment.count({ where: { shopDomain } });

const rebuild = await measure(() => rebuildShop(shopDomain));

const today = dayInZone(new Date(), timeZone);
const ranges = {
  "30 days": { from: nextDay(today, -29), to: today },
  "365 days": { from: nextDay(today, -364), to: today },
};
/** The same figures from the raw rows: every day of the range computed from its raw rows. */
async function fromRawRows(range: { from: string; to: string }) {
  for (const day of daysFromTo(range.from, range.to)) await computeDay(shopDomain, day, timeZone);
}
const results: Record<string, unknown> = {};
for (const [label, range] of Object.entries(ranges)) {
  await dashboard(shopDomain, range, "USD");
  results[label] = {
    dashboard: await timed(REPEATS, () => dashboard(shopDomain, range, "USD")),
    rawRows: await timed(label === "365 days" ? 1 : RAW_REPEATS, () => fromRawRows(range)),
  };
}
console.log(
  JSON.stringify({
    orders,
    shipments,
    seedSeconds,
    rebuild: { ...rebuild.measure, ...rebuild.value },
    results,
  }),
);
await db.$disconnect();
