import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../../scripts/lib/build";
import { startStandin, type Standin } from "../../scripts/standin/server";
import type { SimulatedEvent } from "../../scripts/standin/simulator/shop";
import { artifactsDir, freePort, startAppServer } from "../../tests/support/app-server";
import { TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database";
import type { Query } from "../floor/shared";
import { processTreeCpuSeconds } from "../lib/cpu";
import { percentile, type LoadResult } from "../lib/load";
import { lagChart, type LagSample } from "../lib/lag-chart";
import { processingTraffic, saleSpike, topicCounts } from "../lib/processing-traffic";
import { profilingEnv, runTsScript, startWorkerProcess } from "../lib/processes";
import { saveResults, type Comparison } from "../lib/report";
import {
  backlog,
  effects,
  epochMs,
  inboxReader,
  installWithLoyalty,
  sleep,
  workerEnv,
} from "../lib/shop-under-load";

const SHOP = "bench-processing.myshopify.com";
const HISTORY_ORDERS = Number(process.env.BENCH_HISTORY_ORDERS ?? 30);
const MEASURED_ORDERS = Number(process.env.BENCH_PROCESSING_ORDERS ?? 50);
const SPIKE_ORDERS = Number(process.env.BENCH_SPIKE_ORDERS ?? 100);
const SPIKE_SECONDS = Number(process.env.BENCH_SPIKE_SECONDS ?? 60);
/** Each spike order is fulfilled this long after it was placed. */
const FULFIL_AFTER_SECONDS = 30;
/** How long the bench waits for a backlog to drain before it reports what is left. */
const PATIENCE_MS = Number(process.env.BENCH_DRAIN_TIMEOUT_S ?? 600) * 1000;
/** Deliveries in flight at once while the measured mix is sent (Shopify sends in parallel). */
const SENDERS = 16;

interface Deployment {
  label: string;
  /** Worker processes beside the web process; 0 runs the workers in the web process. */
  workers: number;
}

async function waitForDrain(query: Query, what: string, alive: () => void) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    alive();
    const { waiting } = await backlog(query, SHOP);
    if (!waiting) return;
    if (Date.now() > deadline) throw new Error(`${what}: ${waiting} deliveries still waiting`);
    await sleep(250);
  }
}

/** Sends deliveries in order, `SENDERS` at a time, each signed with the app's secret. */
async function sendAll(standin: Standin, events: SimulatedEvent[]) {
  let next = 0;
  let refused = 0;
  const sender = async () => {
    while (next < events.length) {
      const event = events[next++]!;
      const response = await standin.deliverWebhook(SHOP, event.topic, event.body, {
        triggeredAt: event.at,
      });
      await response.arrayBuffer();
      if (!response.ok) refused++;
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return refused;
}

/** Per-delivery lag (processedAt − receivedAt) of the deliveries received since `since`. */
async function lags(query: Query, since: number) {
  const rows = await query(
    `SELECT "status", "receivedAt", "processedAt" FROM "WebhookDelivery" WHERE "shopDomain" = ?`,
    [SHOP],
  );
  const measured = rows
    .map((row) => ({
      status: String(row.status),
      receivedAt: epochMs(row.receivedAt),
      processedAt: row.processedAt === null ? null : epochMs(row.processedAt),
    }))
    .filter((row) => row.receivedAt >= since);
  const processed = measured.filter((row) => row.processedAt !== null);
  const values = processed.map((row) => row.processedAt! - row.receivedAt).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const row of measured) statuses[row.status] = (statuses[row.status] ?? 0) + 1;
  return {
    processed: processed.length,
    statuses,
    firstReceived: Math.min(...measured.map((row) => row.receivedAt)),
    lastProcessed: Math.max(...processed.map((row) => row.processedAt!)),
    p50: percentile(values, 50),
    p99: percentile(values, 99),
  };
}

interface SpikeReport {
  deployment: string;
  orders: number;
  deliveries: number;
  sendSeconds: number;
  refused: number;
  /** From the last delivery sent until nothing waits. */
  drainSeconds: number | null;
  peakWaiting: number;
  peakOldestAgeSeconds: number;
  p50: number;
  p99: number;
  chart: string;
  samples: LagSample[];
}

/** The sale: every delivery sent at its moment, whatever the app's answers; sampled each second. */
async function saleSpikeRun(
  standin: Standin,
  query: Query,
  label: string,
  alive: () => void,
): Promise<SpikeReport> {
  const start = new Date(Date.now() + 2_000);
  const events = saleSpike(SHOP, SPIKE_ORDERS, SPIKE_SECONDS, start, FULFIL_AFTER_SECONDS);
  const samples: LagSample[] = [];
  let sent = 0;
  let refused = 0;
  let sending = true;
  const sampler = (async () => {
    for (let second = 0; ; second++) {
      await sleep(Math.max(0, start.getTime() + second * 1000 - Date.now()));
      const now = Date.now();
      const { waiting, oldest } = await backlog(query, SHOP);
      samples.push({
        second,
        sent,
        waiting,
        oldestAgeSeconds: oldest === null ? 0 : Math.max(0, (now - oldest) / 1000),
      });
      if (!sending && !waiting) return now;
      if (now - start.getTime() > SPIKE_SECONDS * 1000 + PATIENCE_MS) return null;
      alive();
    }
  })();
  const inFlight = new Set<Promise<void>>();
  for (const event of events) {
    await sleep(Math.max(0, event.at.getTime() - Date.now()));
    const delivery = standin
      .deliverWebhook(SHOP, event.topic, event.body, { triggeredAt: event.at })
      .then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) refused++;
      })
      .catch(() => {
        refused++;
      })
      .finally(() => {
        sent++;
        inFlight.delete(delivery);
      });
    inFlight.add(delivery);
    // Shopify holds many connections open, not unbounded: beyond this the sale queues up here.
    if (inFlight.size >= 256) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const lastSent = Date.now();
  sending = false;
  const drained = await sampler;
  const measured = await lags(query, start.getTime());
  const safeLabel = label.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  const chart = lagChart(samples, {
    title: `Sale spike, ${label}: ${SPIKE_ORDERS.toLocaleString("en")} orders in ${SPIKE_SECONDS} s with their fulfillments ${FULFIL_AFTER_SECONDS} s later`,
    file: `processing-spike-${safeLabel}`,
    marks: [
      { second: SPIKE_SECONDS, label: "last order" },
      { second: SPIKE_SECONDS + FULFIL_AFTER_SECONDS, label: "last fulfillment" },
    ],
  });
  return {
    deployment: label,
    orders: SPIKE_ORDERS,
    deliveries: events.length,
    sendSeconds: (lastSent - start.getTime()) / 1000,
    refused,
    drainSeconds: drained === null ? null : (drained - lastSent) / 1000,
    peakWaiting: Math.max(...samples.map((sample) => sample.waiting)),
    peakOldestAgeSeconds: Math.max(...samples.map((sample) => sample.oldestAgeSeconds)),
    p50: measured.p50,
    p99: measured.p99,
    chart,
    samples,
  };
}

function cpuSeconds(pids: number[]) {
  let total = 0;
  for (const pid of pids) {
    const seconds = processTreeCpuSeconds(pid);
    if (seconds === null) return null;
    total += seconds;
  }
  return total;
}

/** The floor on a fresh database: the same history first, then the same measured deliveries. */
async function floorRun(eventsFile: string): Promise<LoadResult> {
  const database = await createTestDatabase("bench_processing_floor");
  try {
    const report = runTsScript("bench/floor/processing-floor.ts", {
      DATABASE_URL: database.url,
      EVENTS_FILE: eventsFile,
    }) as {
      deliveries: number;
      seconds: number;
      throughput: number;
      p50: number;
      p99: number;
      cpuMsPerDelivery: number;
    };
    return {
      requests: report.deliveries,
      errors: 0,
      seconds: report.seconds,
      throughput: report.throughput,
      p50: report.p50,
      p99: report.p99,
      statuses: {},
      cpuMsPerRequest: report.cpuMsPerDelivery,
    };
  } finally {
    await database.drop();
  }
}

async function deploymentRun(
  database: TestDatabase,
  deployment: Deployment,
  traffic: ReturnType<typeof processingTraffic>,
) {
  const port = await freePort();
  const standin = await startStandin({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    defaultShop: SHOP,
    appUrl: `http://127.0.0.1:${port}`,
  });
  const storageDir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-storage-"));
  const env = {
    LOG_LEVEL: "warn",
    WORKERS_IN_WEB_PROCESS: deployment.workers ? "false" : "true",
    EASYPOST_API_URL: standin.easypostApiUrl,
    TWILIO_API_URL: standin.twilioApiUrl,
    KLAVIYO_API_URL: standin.klaviyoApiUrl,
    SMTP_URL: standin.mailbox.smtpUrl,
    STORAGE_DIR: storageDir,
    ...profilingEnv(),
  };
  const logName = `bench-processing-${database.provider}-${deployment.workers}w`;
  const app = await startAppServer({
    databaseUrl: database.url,
    shopOrigin: standin.shopOriginTemplate,
    appBridgeUrl: standin.appBridgeUrl,
    logName,
    port,
    env,
  });
  const workers = Array.from({ length: deployment.workers }, () =>
    startWorkerProcess(
      {
        ...env,
        ...workerEnv(standin, database.url),
        SHOPIFY_APP_URL: app.url,
        JOBS_POLL_INTERVAL_MS: "100",
      },
      path.join(artifactsDir, `${logName}.log`),
    ),
  );
  const alive = () => {
    if (app.process.exitCode !== null) throw new Error(`The app exited; see ${logName}.log`);
    for (const worker of workers)
      if (worker.exitCode !== null) throw new Error(`A worker exited; see ${logName}.log`);
  };
  const reader = inboxReader(database.url);
  const query = reader.query;
  try {
    await installWithLoyalty(standin, app.url, SHOP, query);

    const refusedHistory = await sendAll(standin, traffic.history);
    await waitForDrain(query, "history", alive);

    const pids = [app.process.pid!, ...workers.map((worker) => worker.pid)];
    const since = Date.now();
    const cpuBefore = cpuSeconds(pids);
    const refused = await sendAll(standin, traffic.measured);
    await waitForDrain(query, "measured deliveries", alive);
    const cpuAfter = cpuSeconds(pids);
    const measured = await lags(query, since);
    const seconds = (measured.lastProcessed - measured.firstReceived) / 1000;
    const result: LoadResult = {
      requests: measured.processed,
      errors: refused + (measured.statuses.parked ?? 0) + (measured.statuses.retrying ?? 0),
      seconds,
      throughput: measured.processed / seconds,
      p50: measured.p50,
      p99: measured.p99,
      statuses: {},
      ...(cpuBefore !== null && cpuAfter !== null
        ? { cpuMsPerRequest: ((cpuAfter - cpuBefore) * 1000) / measured.processed }
        : {}),
    };
    const written = await effects(query, SHOP);
    const spike =
      SPIKE_ORDERS > 0 ? await saleSpikeRun(standin, query, deployment.label, alive) : null;
    return {
      result,
      statuses: measured.statuses,
      refused: refused + refusedHistory,
      written,
      spike,
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await app.stop();
    await standin.close();
    await reader.close();
    rmSync(storageDir, { recursive: true, force: true });
  }
}

/**
 * Webhook processing end to end: a shop with history receives the last three days of its
 * webhooks (orders created and paid, fulfillments, carrier events, refunds), signed as Shopify
 * signs them; the figure is how many are fully processed per second and the lag from receipt to
 * effect, next to a bare script doing the same writes. Then a sale spike, charted.
 */
export async function processingBenchmark(): Promise<Comparison[]> {
  ensureBuild();
  const traffic = processingTraffic(SHOP, HISTORY_ORDERS, MEASURED_ORDERS);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-processing-"));
  const eventsFile = path.join(scratch, "events.json");
  const plain = (events: SimulatedEvent[]) => events.map(({ topic, body }) => ({ topic, body }));
  writeFileSync(
    eventsFile,
    JSON.stringify({
      shop: SHOP,
      history: plain(traffic.history),
      measured: plain(traffic.measured),
    }),
  );
  const postgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;
  const deployments: Deployment[] = postgres
    ? [
        { label: "PostgreSQL, 1 worker process", workers: 1 },
        { label: "PostgreSQL, 4 worker processes", workers: 4 },
      ]
    : [{ label: "SQLite, workers in the web process", workers: 0 }];
  const comparisons: Comparison[] = [];
  const spikes: SpikeReport[] = [];
  try {
    const baseline = await floorRun(eventsFile);
    for (const deployment of deployments) {
      const database = await createTestDatabase("bench_processing");
      try {
        const run = await deploymentRun(database, deployment, traffic);
        comparisons.push({
          benchmark: `Webhook processing end to end: ${deployment.label}`,
          subject: "Aftercare",
          floor: "bare script, same writes in plain SQL",
          unit: "delivery",
          result: run.result,
          baseline,
          note: [
            `A shop with ${HISTORY_ORDERS} orders of history (${traffic.history.length} deliveries applied first), then ${traffic.measured.length} deliveries of its last three days (${MEASURED_ORDERS} orders: ${JSON.stringify(topicCounts(traffic.measured))}), signed, ${SENDERS} in flight at once, production build; the stand-in plays Shopify and the mail server.`,
            `Throughput: deliveries fully processed per second, first receipt to last processed. Latency = lag from receipt to effect (the inbox row's processedAt − receivedAt). CPU: the app's processes (web${deployment.workers ? ` + ${deployment.workers} worker${deployment.workers > 1 ? "s" : ""}` : ""}), not the database server's.`,
            `Inbox statuses of the measured deliveries: ${JSON.stringify(run.statuses)}; refused at ingest: ${run.refused}. The shop's tables afterwards: ${JSON.stringify(run.written)}.`,
          ].join("\n"),
        });
        if (run.spike) spikes.push(run.spike);
      } finally {
        await database.drop();
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const spike of spikes) {
    console.log(
      `\n## Sale spike, ${spike.deployment}: ${spike.orders.toLocaleString("en")} orders in ${SPIKE_SECONDS} s (${spike.deliveries.toLocaleString("en")} deliveries: orders/create, orders/paid 5 s later, fulfillments/create ${FULFIL_AFTER_SECONDS} s later)`,
    );
    console.log(
      [
        "| measure | value |",
        "|---|---:|",
        `| all sent after (s) | ${spike.sendSeconds.toFixed(1)} |`,
        `| refused at ingest | ${spike.refused} |`,
        `| peak backlog (deliveries waiting) | ${spike.peakWaiting} |`,
        `| peak queue lag (oldest waiting, s) | ${spike.peakOldestAgeSeconds.toFixed(1)} |`,
        `| drain after the last delivery (s) | ${spike.drainSeconds === null ? `not drained within ${PATIENCE_MS / 1000} s` : spike.drainSeconds.toFixed(1)} |`,
        `| lag receipt → effect, p50 / p99 (s) | ${(spike.p50 / 1000).toFixed(1)} / ${(spike.p99 / 1000).toFixed(1)} |`,
      ].join("\n"),
    );
    console.log(`Queue-lag curve: ${spike.chart}`);
  }
  if (spikes.length) console.log(`Spike samples: ${saveResults("processing-spike", spikes)}`);
  return comparisons;
}
