import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseProvider } from "../../app/platform/db/provider";
import { signAppProxyQuery } from "../../scripts/standin/signing";
import { startAppServer, type AppServer } from "../support/app-server";
import { BROWSER_UA, TEST_API_SECRET, uniqueShop } from "../support/constants";
import { appUrl, customerAccountToken } from "../support/http";

/**
 * Shopper budgets (issue #15, item 7 and Deliver 6): shared by every process when more than one
 * runs, counted per address as our trusted proxies report it, and never spendable by one address
 * for a whole shop. Each case is an attack from the issue, tried from outside over HTTP.
 */

const PER_ADDRESS = 3;
const PER_SHOP = 30;

/** A shopper's order lookup on the tracking page as Shopify's App Proxy forwards it to `base`. */
function lookup(base: string, shop: string, forwardedFor: string) {
  const query = signAppProxyQuery(
    new URLSearchParams({ format: "json", order: "9999", email: "guess@example.com" }),
    { shop, pathPrefix: "/apps/aftercare", secret: TEST_API_SECRET },
  );
  return fetch(`${base}/proxy/track?${query}`, {
    headers: { "User-Agent": BROWSER_UA, "X-Forwarded-For": forwardedFor },
  });
}

/** A client that makes up a new leftmost X-Forwarded-For entry for every request. */
const spoofed = (realAddress: string) =>
  `${randomInt(1, 255)}.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}, ${realAddress}`;

/** Two more production processes on the suite's database, with small budgets to spend. */
async function twoApps(label: string, env: Record<string, string> = {}): Promise<AppServer[]> {
  return Promise.all(
    ["a", "b"].map((name) =>
      startAppServer({
        databaseUrl: inject("databaseUrl"),
        shopOrigin: inject("shopOriginTemplate"),
        appBridgeUrl: inject("appBridgeUrl"),
        logName: `rate-limits-${label}-${name}`,
        env: {
          WORKERS_IN_WEB_PROCESS: "false",
          TRACKING_LOOKUPS_PER_IP: String(PER_ADDRESS),
          TRACKING_LOOKUPS_PER_SHOP: String(PER_SHOP),
          ...env,
        },
      }),
    ),
  );
}

async function statuses(requests: (() => Promise<Response>)[]) {
  const seen: number[] = [];
  for (const request of requests) seen.push((await request()).status);
  return seen;
}

/** Alternates one address's lookups between two processes: one budget means PER_ADDRESS in all. */
async function expectOneBudget(apps: AppServer[]) {
  const shop = uniqueShop("shared-budget");
  const seen = await statuses(
    Array.from(
      { length: PER_ADDRESS * 2 },
      (_, index) => () => lookup(apps[index % 2]!.url, shop, "198.51.100.40"),
    ),
  );
  expect(seen.filter((status) => status !== 429)).toHaveLength(PER_ADDRESS);
  expect(seen.slice(PER_ADDRESS)).toEqual(Array(PER_ADDRESS).fill(429));
}

describe("shopper budgets shared through Redis (REDIS_URL)", () => {
  let apps: AppServer[] = [];
  beforeAll(async () => {
    apps = await twoApps("redis", { REDIS_URL: "redis://127.0.0.1:6379" });
  }, 180_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
  });

  it("gives two app processes one budget per address", async () => {
    await expectOneBudget(apps);
  });

  it("lets no address spend a shop's budget: a flood from one leaves the others their lookups", async () => {
    const shop = uniqueShop("flood");
    const flood = await statuses(
      Array.from(
        { length: PER_SHOP + 5 },
        (_, index) => () => lookup(apps[index % 2]!.url, shop, spoofed("198.51.100.66")),
      ),
    );
    expect(flood.filter((status) => status !== 429)).toHaveLength(PER_ADDRESS);
    for (const other of ["198.51.100.1", "198.51.100.2", "2001:db8::7"]) {
      const response = await lookup(apps[0]!.url, shop, other);
      expect(response.status).toBe(404);
    }
  });
});

describe.runIf(databaseProvider(inject("databaseUrl")) === "postgresql")(
  "shopper budgets shared through PostgreSQL",
  () => {
    let apps: AppServer[] = [];
    beforeAll(async () => {
      apps = await twoApps("postgresql");
    }, 180_000);
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.stop()));
    });

    it("gives two app processes one budget per address", async () => {
      await expectOneBudget(apps);
    });
  },
);

describe("the client address comes from our proxies, never from what the client wrote", () => {
  it("limits an App Proxy lookup by the address Shopify appended, whatever the shopper prepended", async () => {
    const shop = uniqueShop("spoof-proxy");
    // The suite's app runs with the default budget of 30 lookups per address and minute.
    const seen = await statuses(
      Array.from({ length: 31 }, () => () => lookup(appUrl(), shop, spoofed("198.51.100.90"))),
    );
    expect(seen.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(seen[30]).toBe(429);
  });

  it("limits a direct request (extension endpoint) by the TCP peer when no proxy is trusted", async () => {
    const shop = uniqueShop("spoof-direct");
    // An anonymous thank-you page answers NPS: 10 a minute per address, keyed by the peer.
    const answer = () =>
      fetch(`${appUrl()}/api/surveys/nps`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${customerAccountToken(shop, null)}`,
          "Content-Type": "application/json",
          "User-Agent": BROWSER_UA,
          "X-Forwarded-For": spoofed("198.51.100.91"),
        },
        body: JSON.stringify({ orderId: "1", score: 11 }),
      });
    const seen = await statuses(Array.from({ length: 11 }, () => answer));
    expect(seen.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(seen[10]).toBe(429);
  });
});
