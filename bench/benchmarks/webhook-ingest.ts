import { randomUUID } from "node:crypto";
import { webhookHeaders } from "../../scripts/standin/signing";
import { freePort, startAppServer } from "../../tests/support/app-server";
import { ensureBuild } from "../../scripts/lib/build";
import { TEST_API_SECRET } from "../../tests/support/constants";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database";
import { webhookFixture } from "../../tests/support/fixtures";
import { runLoad, type LoadResult } from "../lib/load";
import { startTsProcess } from "../lib/processes";
import type { Comparison } from "../lib/report";

const CONCURRENCY = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2_000);

/** Signed orders/create deliveries of Shopify's sample order (15 KB), each with its own webhook id. */
function webhookLoad(baseUrl: string, shop: string) {
  const body = webhookFixture("orders/create");
  return (index: number) => {
    const headers = webhookHeaders(body, {
      shop,
      topic: "orders/create",
      secret: TEST_API_SECRET,
      apiVersion: "2026-10",
      webhookId: `${randomUUID()}-${index}`,
    });
    return fetch(`${baseUrl}/webhooks`, { method: "POST", headers, body }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
    );
  };
}

/**
 * The shop as an install leaves it (the bench has no Shopify to install through): deliveries for a
 * shop never installed are only held, which would measure less than the real work.
 */
async function installedShop(database: TestDatabase, shop: string) {
  const now = new Date().toISOString();
  const insert = `INSERT INTO "Shop" ("domain", "installedAt", "createdAt", "updatedAt") VALUES `;
  if (database.provider === "sqlite") {
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url: database.url });
    await client.execute({ sql: `${insert}(?, ?, ?, ?)`, args: [shop, now, now, now] });
    client.close();
    return;
  }
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`${insert}($1, $2, $2, $2)`, [shop, now]);
  await client.end();
}

const load = (serverPid: number, send: (index: number) => Promise<number>) =>
  runLoad({
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    warmupMs: WARMUP_MS,
    send,
    serverPid,
  });

export async function webhookIngestBenchmark(): Promise<Comparison[]> {
  ensureBuild();
  const shop = "bench-shop.myshopify.com";
  const results: Comparison[] = [];
  // Each run gets its own database, so no run starts with another's backlog.
  const floorDatabase = await createTestDatabase("bench_ingest_floor");
  let baseline: LoadResult;
  try {
    const floorPort = await freePort();
    const floor = await startTsProcess(
      "bench/floor/webhook-floor.ts",
      {
        PORT: String(floorPort),
        DATABASE_URL: floorDatabase.url,
        SHOPIFY_API_SECRET: TEST_API_SECRET,
      },
      `http://127.0.0.1:${floorPort}/`,
    );
    try {
      baseline = await load(floor.pid, webhookLoad(`http://127.0.0.1:${floorPort}`, shop));
    } finally {
      await floor.stop();
    }
  } finally {
    await floorDatabase.drop();
  }

  for (const [label, workers] of [
    ["Aftercare, ingest only (workers in another process)", "false"],
    ["Aftercare, workers in the web process (default)", "true"],
  ] as const) {
    const database = await createTestDatabase("bench_ingest");
    try {
      await installedShop(database, shop);
      const app = await startAppServer({
        databaseUrl: database.url,
        shopOrigin: "http://127.0.0.1:9/store/{shop}",
        appBridgeUrl: "",
        logName: "bench-webhook-ingest",
        env: { LOG_LEVEL: "warn", WORKERS_IN_WEB_PROCESS: workers },
      });
      try {
        const result = await load(app.process.pid!, webhookLoad(app.url, shop));
        results.push({
          benchmark: `Webhook ingest on ${database.provider}: ${label}`,
          subject: "Aftercare",
          floor: "node:http + HMAC + INSERT",
          result,
          baseline,
          note: `Signed orders/create deliveries (15 KB), concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up, production build.`,
        });
      } finally {
        await app.stop();
      }
    } finally {
      await database.drop();
    }
  }
  return results;
}
