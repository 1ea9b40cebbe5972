import { execFileSync } from "node:child_process";
import path from "node:path";
import { ensureBuild } from "../../scripts/lib/build";
import { TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { createTestDatabase } from "../../tests/support/database";
import { runChatLoad, type ChatLoadResult } from "../lib/chat-load";
import { startBenchApp, withFloor } from "../lib/processes";
import type { Comparison } from "../lib/report";
import { BENCH_SHOP, benchOrder } from "../seeds/tracking-data";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200);
/**
 * The app lets one conversation post 10 messages per 10 minutes and one address make 60 chat
 * requests a minute: after its opening message and the warm-up's, a shopper posting at most once a
 * second for 5 s stays within both, as every real shopper must.
 */
const WINDOW_MS = 5_000;
const MIN_INTERVAL_MS = 1_000;
const TIMEOUT_MS = 30_000;
const root = path.resolve(import.meta.dirname, "../..");

async function seededDatabase(name: string) {
  const database = await createTestDatabase(name);
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "bench/seeds/chat.ts"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        CONVERSATIONS: String(CONVERSATIONS),
        SHOPIFY_API_KEY: TEST_API_KEY,
        SHOPIFY_API_SECRET: TEST_API_SECRET,
        SHOPIFY_APP_URL: "http://127.0.0.1:9",
        LOG_LEVEL: "warn",
      },
    },
  );
  return database;
}

const load = (baseUrl: string, serverPid: number) =>
  runChatLoad({
    baseUrl,
    shop: BENCH_SHOP,
    orders: Array.from({ length: CONVERSATIONS }, (_, index) => benchOrder(index)),
    windowMs: WINDOW_MS,
    minIntervalMs: MIN_INTERVAL_MS,
    timeoutMs: TIMEOUT_MS,
    serverPid,
  });

export async function chatBenchmark(): Promise<Comparison[]> {
  ensureBuild();
  // Each side writes conversations of its own: each gets its own database.
  const floorDatabase = await seededDatabase("bench_chat_floor");
  let baseline: ChatLoadResult;
  try {
    baseline = await withFloor(
      "bench/floor/chat-floor.ts",
      { DATABASE_URL: floorDatabase.url, SHOPIFY_API_SECRET: TEST_API_SECRET },
      load,
    );
  } finally {
    await floorDatabase.drop();
  }
  const database = await seededDatabase("bench_chat");
  try {
    // One load balancer in front, as in production: each shopper's address reaches the app in
    // X-Forwarded-For, so each has its own rate-limit budgets.
    const app = await startBenchApp(database.url, "bench-chat", { TRUSTED_PROXY_COUNT: "1" });
    try {
      const result = await load(app.url, app.process.pid!);
      const failures = (side: typeof result) =>
        `${side.openErrors} conversations not opened, ${side.replyErrors} merchant replies refused, shopper posts by status ${JSON.stringify(side.statuses)}`;
      return [
        {
          benchmark:
            "Storefront chat: message round trip (App Proxy POST → inbox stream → merchant reply → shopper's stream)",
          subject: "Aftercare",
          floor: "node:http + signatures + 2 writes, NOTIFY, 1 read per stream",
          unit: "answered message",
          result,
          baseline,
          note: [
            `${CONVERSATIONS} concurrent conversations in one shop, each a shopper with its own address and Server-Sent Events stream; one merchant follows the inbox stream and answers each message as soon as it shows there. Round trip = the shopper posting a message until the merchant's answer to it arrives on the shopper's stream (what a shopper waits for, less a person's typing). Each shopper posts at most once a second; ${WINDOW_MS / 1000} s measured after every conversation completed its first round trip; production build, ${database.provider}.`,
            `Client-side errors: Aftercare ${failures(result)}; floor ${failures(baseline)}.`,
            `An answered message is one round trip (the shopper's message and the merchant's answer). The simulated clients used ${result.clientCpuMsPerMessage.toFixed(2)} ms of CPU per answered message against Aftercare, ${baseline.clientCpuMsPerMessage.toFixed(2)} ms against the floor.`,
          ].join("\n"),
        },
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
  }
}
