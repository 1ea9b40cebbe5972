/**
 * `npm run bench:soak`: the production deployment's shape on PostgreSQL (two web processes behind
 * a round-robin proxy, two worker processes) under a mixed load for a bounded time: Shopify's
 * webhooks at a steady rate, storefront tracking lookups (App Proxy, signed), order-status
 * extension calls (customer session tokens) and admin pages (admin session tokens).
 *
 * Reports throughput and errors per kind of traffic (errors must be 0), each process's RSS over
 * time (flat within 10 % after warm-up), the webhook queue's lag, and counts of effects showing
 * nothing was lost or applied twice. SOAK_SECONDS sets the length (default 240);
 * DATABASE_URL a PostgreSQL server (default the local one).
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ensureBuild } from "../scripts/lib/build";
import { adminClient } from "../scripts/lib/admin-client";
import { signAppProxyQuery } from "../scripts/standin/signing";
import { startStandin } from "../scripts/standin/server";
import type { SimulatedEvent } from "../scripts/standin/simulator/shop";
import { artifactsDir, freePort, startAppServer } from "../tests/support/app-server";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET } from "../tests/support/constants";
import { createTestDatabase } from "../tests/support/database";
import { percentile } from "./lib/load";
import { processingTraffic, topicCounts } from "./lib/processing-traffic";
import { startWorkerProcess } from "./lib/processes";
import { saveResults } from "./lib/report";
import { customerSessionToken } from "./lib/requests";
import {
  backlog,
  effects,
  inboxReader,
  installWithLoyalty,
  sleep,
  workerEnv,
} from "./lib/shop-under-load";

const SHOP = "bench-soak.myshopify.com";
const SECONDS = Number(process.env.SOAK_SECONDS ?? 240);
const HISTORY_ORDERS = Number(process.env.SOAK_HISTORY_ORDERS ?? 40);
const SOAK_ORDERS = Number(process.env.SOAK_ORDERS ?? 120);
/** RSS is sampled this often; samples in the first third are warm-up. */
const SAMPLE_MS = 5_000;
/** Concurrent shoppers and merchants: a small shop's busy hour, not a stress test. */
const CLIENTS = { lookup: 4, extension: 2, admin: 1 };

process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";
if (!process.env.DATABASE_URL.startsWith("postgres")) {
  throw new Error("The soak runs the multi-process deployment, which needs PostgreSQL");
}

/** A load balancer in front of the web processes, as a deployment has: round robin, X-Forwarded-For appended. */
async function roundRobin(ports: number[]) {
  let next = 0;
  const server = http.createServer((request, response) => {
    const port = ports[next++ % ports.length]!;
    const forwarded = [request.headers["x-forwarded-for"], request.socket.remoteAddress]
      .filter(Boolean)
      .join(", ");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port,
        path: request.url,
        method: request.method,
        headers: { ...request.headers, "x-forwarded-for": forwarded },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Resident set size in MB, from /proc (Linux); null once the process is gone. */
function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

interface Tally {
  requests: number;
  errors: number;
  latencies: number[];
  statuses: Record<number, number>;
  /** The first failures, with what came back, to find their cause. */
  failures: string[];
}

interface Answer {
  status: number;
  detail?: string;
}

/** `clients` loops sending `send()` until `until`, each waiting for its answer. */
async function clientLoop(clients: number, until: number, send: () => Promise<Answer>) {
  const tally: Tally = { requests: 0, errors: 0, latencies: [], statuses: {}, failures: [] };
  const client = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const { status, detail } = await send().catch((error: unknown): Answer => ({
        status: 0,
        detail: `${String(error)} ${String((error as { cause?: unknown }).cause ?? "")}`,
      }));
      tally.latencies.push(performance.now() - started);
      tally.requests++;
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) continue;
      tally.errors++;
      if (tally.failures.length < 10)
        tally.failures.push(`${new Date().toISOString()} ${status} ${detail ?? ""}`);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return tally;
}

async function statusOf(what: string, response: Promise<Response>): Promise<Answer> {
  const answer = await response;
  const body = await answer.text();
  return answer.ok
    ? { status: answer.status }
    : { status: answer.status, detail: `${what}: ${body.slice(0, 200)}` };
}

async function main() {
  ensureBuild();
  const traffic = processingTraffic(SHOP, HISTORY_ORDERS, SOAK_ORDERS);
  // The history is cut by time, not by count: only orders placed before the first measured
  // delivery exist when the shoppers start looking (the others answer 404, as they must).
  const firstMeasured = traffic.measured[0]?.at.getTime() ?? Number.POSITIVE_INFINITY;
  const historyOrders = traffic.shop.orders.filter(
    (order) => order.createdAt.getTime() < firstMeasured,
  );
  const database = await createTestDatabase("bench_soak");
  const webPorts = [await freePort(), await freePort()];
  const balancer = await roundRobin(webPorts);
  const standin = await startStandin({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    defaultShop: SHOP,
    appUrl: balancer.url,
  });
  const env = {
    LOG_LEVEL: "warn",
    WORKERS_IN_WEB_PROCESS: "false",
    SHOPIFY_APP_URL: balancer.url,
    TRUSTED_PROXY_COUNT: "1",
    TRACKING_LOOKUPS_PER_IP: "100000000",
    TRACKING_LOOKUPS_PER_SHOP: "1000000000",
    EASYPOST_API_URL: standin.easypostApiUrl,
    TWILIO_API_URL: standin.twilioApiUrl,
    KLAVIYO_API_URL: standin.klaviyoApiUrl,
    SMTP_URL: standin.mailbox.smtpUrl,
  };
  const webs = await Promise.all(
    webPorts.map((port, index) =>
      startAppServer({
        databaseUrl: database.url,
        shopOrigin: standin.shopOriginTemplate,
        appBridgeUrl: standin.appBridgeUrl,
        logName: `bench-soak-web-${index + 1}`,
        port,
        env,
      }),
    ),
  );
  const workers = [1, 2].map((index) =>
    startWorkerProcess(
      { ...env, ...workerEnv(standin, database.url) },
      `${artifactsDir}/bench-soak-worker-${index}.log`,
    ),
  );
  const processes = [
    ...webs.map((web, index) => ({ name: `web ${index + 1}`, pid: web.process.pid! })),
    ...workers.map((worker, index) => ({ name: `worker ${index + 1}`, pid: worker.pid })),
  ];
  const reader = inboxReader(database.url);
  const query = reader.query;
  const drain = async (what: string) => {
    for (let waited = 0; (await backlog(query, SHOP)).waiting; waited += 250) {
      if (waited > 600_000) throw new Error(`${what}: the queue did not drain in 10 minutes`);
      await sleep(250);
    }
  };
  try {
    await installWithLoyalty(standin, balancer.url, SHOP, query);
    let refused = 0;
    const deliver = async (event: SimulatedEvent) => {
      const response = await standin
        .deliverWebhook(SHOP, event.topic, event.body, { triggeredAt: event.at })
        .catch(() => null);
      await response?.arrayBuffer();
      if (!response?.ok) refused++;
    };
    for (const event of traffic.history) await deliver(event);
    await drain("history");

    const start = Date.now();
    const until = start + SECONDS * 1000;
    const samples: {
      second: number;
      rss: (number | null)[];
      waiting: number;
      oldestAgeS: number;
    }[] = [];
    const sampler = (async () => {
      while (Date.now() < until) {
        const { waiting, oldest } = await backlog(query, SHOP);
        samples.push({
          second: Math.round((Date.now() - start) / 1000),
          rss: processes.map((entry) => rssMb(entry.pid)),
          waiting,
          oldestAgeS: oldest === null ? 0 : (Date.now() - oldest) / 1000,
        });
        await sleep(SAMPLE_MS);
      }
    })();
    // Shopify's deliveries, evenly over the soak, each sent whatever the app is doing.
    const webhooks = (async () => {
      const gap = (SECONDS * 1000 * 0.9) / Math.max(1, traffic.measured.length);
      const inFlight: Promise<void>[] = [];
      for (const [index, event] of traffic.measured.entries()) {
        await sleep(Math.max(0, start + index * gap - Date.now()));
        inFlight.push(deliver(event));
      }
      await Promise.all(inFlight);
    })();
    let pick = 0;
    const someOrder = () => historyOrders[pick++ % historyOrders.length]!;
    const lookups = clientLoop(CLIENTS.lookup, until, () => {
      const order = someOrder();
      const signed = signAppProxyQuery(
        new URLSearchParams({ format: "json", order: order.name, email: order.customer.email }),
        { shop: SHOP, pathPrefix: "/apps/aftercare", secret: TEST_API_SECRET },
      );
      return statusOf(
        `${order.name} ${order.customer.email}`,
        fetch(`${balancer.url}/proxy/track?${signed}`, {
          headers: { "User-Agent": BROWSER_UA, "X-Forwarded-For": "203.0.113.9" },
        }),
      );
    });
    const extension = clientLoop(CLIENTS.extension, until, () => {
      const order = someOrder();
      const token = customerSessionToken(SHOP, order.customer.id);
      return statusOf(
        `order ${order.id}`,
        fetch(`${balancer.url}/api/tracking/orders/${order.id}`, {
          headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_UA },
        }),
      );
    });
    const admin = adminClient({
      appUrl: balancer.url,
      shop: SHOP,
      apiKey: TEST_API_KEY,
      secret: TEST_API_SECRET,
      userAgent: BROWSER_UA,
    });
    const adminPages = ["/app.data", "/app/shipments.data", "/app/customers.data"];
    let page = 0;
    const merchant = clientLoop(CLIENTS.admin, until, () => {
      const pathname = adminPages[page++ % adminPages.length]!;
      return statusOf(pathname, admin.get(pathname));
    });
    const [lookupTally, extensionTally, adminTally] = await Promise.all([
      lookups,
      extension,
      merchant,
      webhooks,
      sampler,
    ]);
    await drain("the soak's deliveries");
    const drainedAfter = (Date.now() - until) / 1000;
    reportSoak({
      tallies: {
        "storefront lookups": lookupTally,
        "extension calls": extensionTally,
        "admin pages": adminTally,
      },
      processes: processes.map((entry) => entry.name),
      samples,
      refused,
      drainedAfter,
      inbox: await inboxStatuses(query),
      written: await effects(query, SHOP),
      expected: {
        orders: traffic.shop.orders.length,
        customers: new Set(traffic.shop.orders.map((order) => order.customer.id)).size,
        lineItems: traffic.shop.orders.reduce((sum, order) => sum + order.lines.length, 0),
      },
      topics: topicCounts([...traffic.history, ...traffic.measured]),
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(webs.map((web) => web.stop()));
    await balancer.close();
    await standin.close();
    await reader.close();
    await database.drop();
  }
}

async function inboxStatuses(query: ReturnType<typeof inboxReader>["query"]) {
  const rows = await query(
    `SELECT "status", COUNT(*) AS "n" FROM "WebhookDelivery" WHERE "shopDomain" = ? GROUP BY "status"`,
    [SHOP],
  );
  return Object.fromEntries(rows.map((row) => [String(row.status), Number(row.n)]));
}

function reportSoak(report: {
  tallies: Record<string, Tally>;
  processes: string[];
  samples: { second: number; rss: (number | null)[]; waiting: number; oldestAgeS: number }[];
  refused: number;
  drainedAfter: number;
  inbox: Record<string, number>;
  written: Record<string, number>;
  /** Counts the traffic implies exactly: fewer means lost, more means applied twice. */
  expected: Record<string, number>;
  topics: Record<string, number>;
}) {
  const lines = [
    `## Soak: PostgreSQL, 2 web processes behind a round-robin proxy, 2 worker processes, ${SECONDS} s`,
    `Webhooks: ${JSON.stringify(report.topics)} (history first, then the rest evenly over the soak), ${report.refused} refused at ingest. Clients at once: ${JSON.stringify(CLIENTS)}.`,
    "",
    "| traffic | requests | per second | p50 (ms) | p99 (ms) | errors |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  for (const [name, tally] of Object.entries(report.tallies)) {
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    lines.push(
      `| ${name} | ${tally.requests} | ${(tally.requests / SECONDS).toFixed(1)} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${tally.errors}${tally.errors ? ` ${JSON.stringify(tally.statuses)}` : ""} |`,
    );
  }
  for (const [name, tally] of Object.entries(report.tallies))
    for (const failure of tally.failures) lines.push(`- ${name} failed: ${failure}`);
  const warm = report.samples.filter((sample) => sample.second >= SECONDS / 3);
  lines.push(
    "",
    "| process | RSS after warm-up (MB) | RSS at the end (MB) | change |",
    "|---|---:|---:|---:|",
  );
  report.processes.forEach((name, index) => {
    const first = warm[0]?.rss[index];
    const last = warm.at(-1)?.rss[index];
    const change = first && last ? `${(((last - first) / first) * 100).toFixed(1)} %` : "n/a";
    lines.push(
      `| ${name} | ${first?.toFixed(0) ?? "gone"} | ${last?.toFixed(0) ?? "gone"} | ${change} |`,
    );
  });
  const marks = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
    (share) => report.samples[Math.round(share * (report.samples.length - 1))]!,
  );
  lines.push(
    "",
    `| RSS (MB) at second | ${marks.map((sample) => sample.second).join(" | ")} |`,
    `|---|${marks.map(() => "---:").join("|")}|`,
    ...report.processes.map(
      (name, index) =>
        `| ${name} | ${marks.map((sample) => sample.rss[index]?.toFixed(0) ?? "gone").join(" | ")} |`,
    ),
  );
  const waiting = report.samples.map((sample) => sample.waiting);
  const ages = report.samples.map((sample) => sample.oldestAgeS);
  lines.push(
    "",
    `Queue: at most ${Math.max(...waiting)} deliveries waiting, the oldest at most ${Math.max(...ages).toFixed(1)} s old; drained ${report.drainedAfter.toFixed(1)} s after the load stopped.`,
    `Inbox: ${JSON.stringify(report.inbox)}. Effects: ${JSON.stringify(report.written)}.`,
    ...Object.entries(report.expected).map(
      ([name, count]) =>
        `${name}: ${report.written[name]} written, ${count} expected from the traffic${report.written[name] === count ? "" : " (MISMATCH)"}`,
    ),
  );
  console.log(lines.join("\n"));
  const errors =
    report.refused +
    Object.values(report.tallies).reduce((sum, tally) => sum + tally.errors, 0) +
    Object.entries(report.inbox).reduce(
      (sum, [status, n]) => sum + (status === "processed" ? 0 : n),
      0,
    ) +
    Object.entries(report.expected).reduce(
      (sum, [name, count]) => sum + Math.abs((report.written[name] ?? 0) - count),
      0,
    );
  saveResults("soak", { ...report, seconds: SECONDS, clients: CLIENTS, errors });
  if (errors) {
    console.log(`\n${errors} errors, lost or doubled effects: the soak failed.`);
    process.exitCode = 1;
  }
}

await main();
