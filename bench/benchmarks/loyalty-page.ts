import { execFileSync } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "../../scripts/lib/build";
import { TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { createTestDatabase } from "../../tests/support/database";
import { runLoad } from "../lib/load";
import { startBenchApp, withFloor } from "../lib/processes";
import { customerGet } from "../lib/requests";
import type { Comparison } from "../lib/report";
import { BENCH_LOYALTY_SHOP, benchMember, ENTRIES_PER_MEMBER } from "../seeds/loyalty-data";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const CONCURRENCY = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2_000);
const root = path.resolve(import.meta.dirname, "../..");

/** The loyalty page's request for a random member, with their customer-account session token. */
function pageRequest(baseUrl: string) {
  return () => {
    const member = benchMember(Math.floor(Math.random() * MEMBERS));
    return customerGet(`${baseUrl}/api/loyalty`, BENCH_LOYALTY_SHOP, member.customerShopifyId);
  };
}

const load = (serverPid: number, send: () => Promise<number>) =>
  runLoad({
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    warmupMs: WARMUP_MS,
    send,
    serverPid,
  });

export async function loyaltyPageBenchmark(): Promise<Comparison[]> {
  ensureBuild();
  const database = await createTestDatabase("bench_loyalty");
  try {
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "bench/seeds/loyalty.ts"],
      {
        cwd: root,
        stdio: ["ignore", "inherit", "inherit"],
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          MEMBERS: String(MEMBERS),
          SHOPIFY_API_KEY: TEST_API_KEY,
          SHOPIFY_API_SECRET: TEST_API_SECRET,
          SHOPIFY_APP_URL: "http://127.0.0.1:9",
          LOG_LEVEL: "warn",
        },
      },
    );
    const baseline = await withFloor(
      "bench/floor/loyalty-floor.ts",
      { DATABASE_URL: database.url, SHOPIFY_API_SECRET: TEST_API_SECRET },
      (url, pid) => load(pid, pageRequest(url)),
    );
    const app = await startBenchApp(database.url, "bench-loyalty-page");
    try {
      const result = await load(app.process.pid!, pageRequest(app.url));
      return [
        {
          benchmark: "Customer-account loyalty page (GET /api/loyalty)",
          subject: "Aftercare",
          floor: "node:http + token + 2 queries",
          result,
          baseline,
          note: `${MEMBERS.toLocaleString("en")} members × ${ENTRIES_PER_MEMBER} ledger entries in one shop, a random member per request (balance, tier and its 12-month measure, next tier, 25 entries, rewards, codes, referral link), concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up, production build, ${database.provider}.`,
        },
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
}
