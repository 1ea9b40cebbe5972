import { execFileSync } from "node:child_process";
import path from "node:path";
import { signAppProxyQuery } from "../../scripts/standin/signing";
import { ensureBuild } from "../../scripts/lib/build";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { createTestDatabase } from "../../tests/support/database";
import { runLoad } from "../lib/load";
import { customerSessionToken } from "../lib/requests";
import { startBenchApp, withFloor } from "../lib/processes";
import type { Comparison } from "../lib/report";
import { BENCH_SHOP, benchOrder } from "../seeds/tracking-data";

const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 100_000);
const CONCURRENCY = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2_000);
const root = path.resolve(import.meta.dirname, "../..");

/** A random order of the seeded shop, each request another one. */
const someOrder = () => benchOrder(Math.floor(Math.random() * SHIPMENTS));

type Send = (index: number) => Promise<number>;

function request(url: string, init: RequestInit = {}): Promise<number> {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_UA);
  headers.set("X-Forwarded-For", "203.0.113.9");
  return fetch(url, { ...init, headers }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });
}

/** The storefront page's lookup as Shopify's App Proxy forwards it (signed query). */
function proxyLookup(baseUrl: string, fields: () => Record<string, string>): Send {
  return () => {
    const signed = signAppProxyQuery(new URLSearchParams(fields()), {
      shop: BENCH_SHOP,
      pathPrefix: "/apps/aftercare",
      secret: TEST_API_SECRET,
    });
    return request(`${baseUrl}/proxy/track?${signed}`);
  };
}

/** The order-status extension's request: the signed-in customer's session token. */
function extensionLookup(baseUrl: string): Send {
  return () => {
    const order = someOrder();
    const token = customerSessionToken(BENCH_SHOP, order.customerShopifyId);
    return request(`${baseUrl}/api/tracking/orders/${order.shopifyId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  };
}

const rightEmail = () => {
  const order = someOrder();
  return { format: "json", order: order.name, email: order.email };
};

const load = (serverPid: number, send: Send, ok?: (status: number) => boolean) =>
  runLoad({
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    warmupMs: WARMUP_MS,
    send,
    ok,
    serverPid,
  });

export async function trackingLookupBenchmark(): Promise<Comparison[]> {
  ensureBuild();
  const database = await createTestDatabase("bench_tracking");
  try {
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "bench/seeds/tracking.ts"],
      {
        cwd: root,
        stdio: ["ignore", "inherit", "inherit"],
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          SHIPMENTS: String(SHIPMENTS),
          SHOPIFY_API_KEY: TEST_API_KEY,
          SHOPIFY_API_SECRET: TEST_API_SECRET,
          SHOPIFY_APP_URL: "http://127.0.0.1:9",
          LOG_LEVEL: "warn",
        },
      },
    );

    const [proxyFloor, extensionFloor] = await withFloor(
      "bench/floor/tracking-floor.ts",
      { DATABASE_URL: database.url, SHOPIFY_API_SECRET: TEST_API_SECRET },
      async (url, pid) => [
        await load(pid, proxyLookup(url, rightEmail)),
        await load(pid, extensionLookup(url)),
      ],
    );

    const app = await startBenchApp(database.url, "bench-tracking-lookup", {
      TRACKING_LOOKUPS_PER_IP: "100000000",
      TRACKING_LOOKUPS_PER_SHOP: "1000000000",
    });
    const pid = app.process.pid!;
    try {
      const note = `${SHIPMENTS.toLocaleString("en")} shipments (3 scans each) in one shop, a random order per request, concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up, production build, ${database.provider}.`;
      const proxyJson = await load(pid, proxyLookup(app.url, rightEmail));
      const proxyPage = await load(
        pid,
        proxyLookup(app.url, () => {
          const { order, email } = rightEmail();
          return { order, email };
        }),
      );
      const extension = await load(pid, extensionLookup(app.url));
      const notFound = (status: number) => status === 404;
      const wrongEmail = await load(
        pid,
        proxyLookup(app.url, () => ({ ...rightEmail(), email: "guess@example.com" })),
        notFound,
      );
      const noSuchOrder = await load(
        pid,
        proxyLookup(app.url, () => ({ ...rightEmail(), order: "#9" })),
        notFound,
      );
      return [
        {
          benchmark: "Tracking lookup, storefront JSON (App Proxy, order number + email)",
          subject: "Aftercare",
          floor: "node:http + signature + 2 statements",
          result: proxyJson,
          baseline: proxyFloor,
          note,
        },
        {
          benchmark: "Tracking lookup, storefront page (App Proxy, Liquid HTML in the theme)",
          subject: "Aftercare",
          floor: "node:http + signature + 2 statements (JSON)",
          result: proxyPage,
          baseline: proxyFloor,
          note,
        },
        {
          benchmark: "Tracking lookup, order-status extension endpoint (session token + CORS)",
          subject: "Aftercare",
          floor: "node:http + JWT + 2 statements",
          result: extension,
          baseline: extensionFloor,
          note,
        },
        {
          benchmark: "Lookup privacy: a wrong email is answered like an order that does not exist",
          subject: "wrong email",
          floor: "no such order",
          result: wrongEmail,
          baseline: noSuchOrder,
          note: 'Both answer 404 {"error":"notFound"}; a ratio near 1 means timing does not tell them apart.',
        },
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
}
