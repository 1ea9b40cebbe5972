/**
 * `npm run demo`: Aftercare running on this machine with nothing but the repository, on the
 * embedded SQLite default. It builds the app, starts the local Shopify stand-in (admin frame,
 * Admin API, app proxy), installs the app on a demo shop the way Shopify-managed installation
 * does, and replays a simulated month of that shop's webhooks through the real, signed webhook
 * path. Then it prints where to look and keeps running until Ctrl-C.
 *
 *   npm run demo -- [--orders 300] [--keep] [--port 3000] [--standin-port 4010]
 */
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { startStandin } from "./standin/server";
import {
  catalogProducts,
  productPayload,
  simulateShop,
  type SimulatedShop,
} from "./standin/simulator/shop";
import {
  CARRIER_PROFILES,
  fulfillmentPayload,
  simulateShipping,
} from "./standin/simulator/shipping";
import { refundPayload } from "./standin/simulator/loyalty";
import { sessionToken } from "./standin/signing";
import { Random } from "./standin/simulator/random";
import { startAppProcess } from "./lib/app-process";
import { ensureBuild } from "./lib/build";
import { startDemoReturn } from "./lib/demo-returns";
import { answerNps } from "./lib/demo-surveys";
import { root } from "./lib/prisma-schema";
import { execFileSync } from "node:child_process";

const DEMO_SHOP = "aftercare-demo.myshopify.com";
const DEMO_API_KEY = "aftercare-demo-api-key";
const DEMO_SECRETS_KEY = Buffer.alloc(32, "aftercare-demo").toString("base64");
const DEMO_API_SECRET = "aftercare-demo-api-secret";
const DEMO_DATABASE = "prisma/demo.sqlite";
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

const { values: args } = parseArgs({
  options: {
    orders: { type: "string", default: "300" },
    keep: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "standin-port": { type: "string", default: "4010" },
  },
});

const step = (text: string) => console.log(`\n▸ ${text}`);

async function main() {
  const databaseUrl = process.env.DATABASE_URL ?? `file:./${DEMO_DATABASE}`;
  if (!process.env.DATABASE_URL && !args.keep) {
    for (const suffix of ["", "-wal", "-shm"])
      rmSync(path.join(root, DEMO_DATABASE + suffix), { force: true });
  }

  step(`Preparing the database (${databaseUrl.split("?")[0]})`);
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db.ts", "deploy"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );

  step("Building the app (skipped when the build is current)");
  ensureBuild();

  const port = Number(args.port);
  const standin = await startStandin({
    apiKey: DEMO_API_KEY,
    apiSecret: DEMO_API_SECRET,
    defaultShop: DEMO_SHOP,
    appUrl: `http://127.0.0.1:${port}`,
    port: Number(args["standin-port"]),
  });

  mkdirSync(path.join(root, "logs"), { recursive: true });
  const logFile = "logs/demo-app.log";
  step(`Starting the app on http://127.0.0.1:${port} (its log: ${logFile})`);
  const app = await startAppProcess({
    port,
    output: createWriteStream(path.join(root, logFile), { flags: "a" }),
    outputName: logFile,
    env: {
      SHOPIFY_API_KEY: DEMO_API_KEY,
      SHOPIFY_API_SECRET: DEMO_API_SECRET,
      SHOPIFY_SHOP_ORIGIN: standin.shopOriginTemplate,
      APP_BRIDGE_URL: standin.appBridgeUrl,
      DATABASE_URL: databaseUrl,
      EASYPOST_API_URL: standin.easypostApiUrl,
      TWILIO_API_URL: standin.twilioApiUrl,
      KLAVIYO_API_URL: standin.klaviyoApiUrl,
      DESTINATIONS_ALLOW_LOCAL_HTTP: "true",
      // A fixed key, so a kept demo database's sealed secrets still open on the next run.
      SECRETS_KEY: process.env.SECRETS_KEY ?? DEMO_SECRETS_KEY,
      SMTP_URL: standin.mailbox.smtpUrl,
    },
  });

  const shutdown = async () => {
    await app.stop();
    await standin.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  step(`Installing Aftercare on ${DEMO_SHOP}`);
  const install = await fetch(standin.embeddedAppUrl(), { headers: { "User-Agent": BROWSER_UA } });
  if (!install.ok)
    throw new Error(`Installing failed: the app answered ${install.status}; see ${logFile}`);

  step("Setting up the loyalty program (14-day return window, tiers, rewards)");
  await setUpLoyalty(app.url);

  const shop = simulateShop({ shopDomain: DEMO_SHOP, seed: 2026, orders: Number(args.orders) });
  step(`Sending the shop's catalog (${shop.products.length} products) as products/create webhooks`);
  const catalogContext = {
    shopDomain: DEMO_SHOP,
    timeZone: shop.timeZone,
    currency: shop.currency,
  };
  // Shopify's own catalog (variants in every size), for the Admin API the app asks.
  await fetch(`${standin.url}/__standin/shops/${DEMO_SHOP}/stores/catalog`, {
    method: "POST",
    body: JSON.stringify(catalogProducts(shop.products, new Date())),
  });
  for (const product of shop.products) {
    await standin.deliverWebhook(
      DEMO_SHOP,
      "products/create",
      productPayload(product, catalogContext, new Date()),
    );
  }
  const events = [...shop.events, ...simulateShipping(shop, { seed: 2026 })].sort(
    (a, b) => a.at.getTime() - b.at.getTime(),
  );
  step(
    `Sending ${events.length} webhooks for ${shop.orders.length} orders and their shipments, signed as Shopify signs them`,
  );
  const bar = new SingleBar(
    { format: "  {bar} {percentage}% | {value}/{total} webhooks | {topic}", hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(events.length, 0, { topic: "" });
  let rejected = 0;
  for (const event of events) {
    const response = await standin.deliverWebhook(DEMO_SHOP, event.topic, event.body, {
      triggeredAt: event.at,
    });
    if (!response.ok) rejected += 1;
    bar.increment({ topic: event.topic });
  }
  bar.stop();
  if (rejected) console.warn(`  ${rejected} webhooks were refused; see ${logFile}`);

  step("Loyalty: earned, pending and confirmed points, a refund reversal and a redemption");
  const loyalty = await showLoyalty(app.url, standin, shop);

  step("Shoppers answer the NPS question on their order-status page (customer session tokens)");
  const nps = await answerNps(
    app.url,
    shop.orders,
    (customerId) =>
      sessionToken({
        shop: DEMO_SHOP,
        apiKey: DEMO_API_KEY,
        secret: DEMO_API_SECRET,
        issuer: "shop",
        sub: `gid://shopify/Customer/${customerId}`,
      }),
    BROWSER_UA,
  );
  if (nps.refused) console.warn(`  ${nps.refused} answers were refused; see ${logFile}`);

  step("Connecting EasyPost (played by the stand-in) and shipping three orders live");
  const live = await shipLive(app.url, standin, shop);

  step("A shopper returns two items of a delivered order through the storefront portal");
  const demoReturn = await startDemoReturn(standin, DEMO_SHOP, shop, events, (pathname, fields) =>
    adminPost(app.url, pathname, fields),
  );

  console.log(`
Aftercare is running.

  Shopify admin (stand-in), with Aftercare embedded:  ${standin.adminUrl()}
  Shipments, with what needs attention:               ${standin.adminUrl()}&path=/app/shipments
  Webhook inbox and job queue in the admin:           ${standin.adminUrl()}&path=/app/operations
  Storefront tracking page (App Proxy, in the theme): ${standin.storefrontUrl("/track")}
    try order ${live.example.order} with ${live.example.email}, or ${standin.storefrontUrl(`/track?tracking=${live.example.tracking}`)}
    the same as JSON for headless storefronts:        ${standin.storefrontUrl(`/track?format=json&tracking=${live.example.tracking}`)}
  Returns queue (approve, label, receive, process):   ${standin.adminUrl()}&path=/app/returns
    ${demoReturn.order} (${demoReturn.email}) returned ${demoReturn.items}; it waits for your approval
    the shopper follows it at ${demoReturn.statusUrl}
  Storefront returns portal (App Proxy):              ${standin.storefrontUrl("/returns")}
  Surveys (NPS, delivery CSAT, follow-ups):            ${standin.adminUrl()}&path=/app/surveys
    ${nps.promoter} promoters, ${nps.passive} passives and ${nps.detractor} detractors answered the NPS question
  Shoppers' mailbox (emails Aftercare sent, over SMTP): ${standin.url}/__standin/mailbox?format=html
  Loyalty members, liability, settings with preview:  ${standin.adminUrl()}&path=/app/loyalty
    open ${loyalty.customer} there to see the earning, confirmation, refund and redemption in their ledger
  The app itself:                                     ${app.url}

The app processes the webhooks in the background; the admin shows them as they land.
Live: ${live.labels.join(", ")} move one carrier scan every ${LIVE_STEP_SECONDS} s (EasyPost webhooks),
and each new status is written back to Shopify.
Press Ctrl-C to stop.`);
}

const LIVE_STEP_SECONDS = 20;
const LIVE_STEPS = [
  {
    status: "in_transit",
    status_detail: "arrived_at_facility",
    message: "Arrived at a sorting facility",
  },
  {
    status: "in_transit",
    status_detail: "departed_facility",
    message: "Departed the sorting facility",
  },
  { status: "out_for_delivery", status_detail: "out_for_delivery", message: "Out for delivery" },
  { status: "delivered", status_detail: "arrived_at_destination", message: "Delivered" },
];

/**
 * Switches the demo shop to EasyPost through the admin's own settings form, fulfills the newest
 * orders again (a second parcel each), then moves their trackers along on a timer.
 */
async function shipLive(
  appUrl: string,
  standin: Awaited<ReturnType<typeof startStandin>>,
  shop: SimulatedShop,
): Promise<{ labels: string[]; example: { order: string; email: string; tracking: string } }> {
  const token = sessionToken({ shop: DEMO_SHOP, apiKey: DEMO_API_KEY, secret: DEMO_API_SECRET });
  const saved = await fetch(`${appUrl}/app/shipments/settings.data`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "User-Agent": BROWSER_UA,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      provider: "easypost",
      easypostApiKey: "EZTKdemo0000000000000000",
      writeBack: "on",
    }),
  });
  if (!saved.ok) throw new Error(`Connecting EasyPost failed (${saved.status})`);

  const random = new Random(99);
  const orders = shop.orders.filter((order) => !order.cancelledAt).slice(-3);
  const numbers: string[] = [];
  let example = { order: "", email: "", tracking: "" };
  for (const [index, order] of orders.entries()) {
    const carrier = CARRIER_PROFILES[index % CARRIER_PROFILES.length]!;
    const trackingNumber = carrier.number(random);
    numbers.push(`${order.name} (${trackingNumber})`);
    example = { order: order.name, email: order.customer.email, tracking: trackingNumber };
    const body = fulfillmentPayload(order, shop, {
      id: 9_100_000_000_000n + BigInt(index),
      carrier,
      trackingNumber,
      at: new Date(),
    }).replace(`"name":"${order.name}.1"`, `"name":"${order.name}.2"`);
    await standin.deliverWebhook(DEMO_SHOP, "fulfillments/create", body);
  }

  let stepIndex = 0;
  const timer = setInterval(() => {
    const step = LIVE_STEPS[stepIndex++];
    if (!step) return clearInterval(timer);
    for (const tracker of standin.easypost.trackers.values()) {
      standin.easypost
        .advance(tracker.id, { ...step, city: "Portland", state: "OR", country: "US" })
        .catch((error: unknown) => console.warn(`  EasyPost webhook failed: ${String(error)}`));
    }
  }, LIVE_STEP_SECONDS * 1000);
  timer.unref();
  return { labels: numbers, example };
}

function adminPost(appUrl: string, pathname: string, fields: Record<string, string>) {
  const token = sessionToken({ shop: DEMO_SHOP, apiKey: DEMO_API_KEY, secret: DEMO_API_SECRET });
  return fetch(`${appUrl}${pathname}`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "User-Agent": BROWSER_UA,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields),
  });
}

async function setUpLoyalty(appUrl: string) {
  const saved = await adminPost(appUrl, "/app/loyalty/settings.data", {
    enabled: "on",
    pointsPerUnit: "1",
    excludeDiscounts: "on",
    excludeShipping: "on",
    excludeTaxes: "on",
    returnWindowDays: "14",
    firstOrderBonus: "0",
    birthdayBonus: "0",
    surveyBonus: "25",
    referralBonus: "200",
    referralFriendPercent: "10",
    expiryInactiveDays: "365",
    expiryWarningDays: "30",
    tierBasis: "points",
    tagMultipliers: "[]",
    tiers: JSON.stringify([
      { name: "Silver", threshold: 150, earnMultiplier: 1.25, rewardDiscountPercent: 0 },
      { name: "Gold", threshold: 400, earnMultiplier: 1.5, rewardDiscountPercent: 10 },
    ]),
    rewards: JSON.stringify([
      {
        id: "five-off",
        name: "$5 off",
        kind: "fixed",
        points: 100,
        value: 500,
        minimumOrder: 2500,
      },
      {
        id: "ten-percent",
        name: "10% off",
        kind: "percentage",
        points: 250,
        value: 10,
        minimumOrder: 0,
      },
      {
        id: "credit",
        name: "$10 store credit",
        kind: "store_credit",
        points: 200,
        value: 1000,
        minimumOrder: 0,
      },
    ]),
  });
  if (!saved.ok) throw new Error(`Saving the loyalty program failed (${saved.status})`);
}

interface ShopperLoyalty {
  balance: number;
  pending: number;
  tier: string | null;
  rewards: { id: string; name: string; points: number; affordable: boolean }[];
}

/** The customer-account page's own backend call, with the customer's session token. */
async function shopperLoyalty(appUrl: string, customerId: bigint, init: RequestInit = {}) {
  const token = sessionToken({
    shop: DEMO_SHOP,
    apiKey: DEMO_API_KEY,
    secret: DEMO_API_SECRET,
    issuer: "shop",
    sub: `gid://shopify/Customer/${customerId}`,
  });
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  headers.set("User-Agent", BROWSER_UA);
  return fetch(`${appUrl}/api/loyalty`, { ...init, headers });
}

async function waitForLoyalty(
  appUrl: string,
  customerId: bigint,
  until: (loyalty: ShopperLoyalty) => boolean,
): Promise<ShopperLoyalty> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const loyalty = (await (await shopperLoyalty(appUrl, customerId)).json()) as ShopperLoyalty;
    if (until(loyalty) || Date.now() > deadline) return loyalty;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function showLoyalty(
  appUrl: string,
  standin: Awaited<ReturnType<typeof startStandin>>,
  shop: SimulatedShop,
) {
  const live = shop.orders.filter((order) => !order.cancelledAt);
  const windowStart = Date.now() - 14 * 24 * 3600 * 1000;
  const recent = live.at(-1)!;
  const confirmed = live.find((order) => order.createdAt.getTime() < windowStart) ?? live[0]!;
  const recentState = await waitForLoyalty(appUrl, recent.customer.id, (l) => l.pending > 0);
  console.log(
    `  ${recent.name} (${recent.customer.email}, paid today): ${recentState.pending} points pending until the 14-day return window closes`,
  );
  const before = await waitForLoyalty(appUrl, confirmed.customer.id, (l) => l.balance > 0);
  console.log(
    `  ${confirmed.customer.email}: ${before.balance} points confirmed (orders past the window), ${before.pending} pending, tier ${before.tier ?? "none"}`,
  );

  const line = confirmed.lines[0]!;
  await standin.deliverWebhook(
    DEMO_SHOP,
    "refunds/create",
    refundPayload(confirmed, line, {
      id: 9_200_000_000_000n,
      at: new Date(),
      timeZone: shop.timeZone,
      currency: shop.currency,
    }),
  );
  const after = await waitForLoyalty(
    appUrl,
    confirmed.customer.id,
    (l) => l.balance + l.pending < before.balance + before.pending,
  );
  console.log(
    `  refund of one ${line.product.title} on ${confirmed.name}: ${before.balance + before.pending - after.balance - after.pending} points taken back → ${after.balance} spendable`,
  );

  const reward = after.rewards.find((candidate) => candidate.affordable);
  if (reward) {
    const response = await shopperLoyalty(appUrl, confirmed.customer.id, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rewardId: reward.id, requestKey: `demo-${Date.now()}` }),
    });
    const redeemed = (await response.json()) as { code?: string | null; message?: string };
    const discounts = (await (
      await fetch(`${standin.url}/__standin/shops/${DEMO_SHOP}/stores/discounts`)
    ).json()) as { id: string; code: string; customerIds: string[] }[] | null;
    const created = discounts?.find((discount) => discount.code === redeemed.code);
    console.log(
      response.ok
        ? `  redeemed "${reward.name}" for ${reward.points} points: discount ${redeemed.code} ${created ? `created in Shopify (${created.id}) for ${created.customerIds.join(", ")}` : "issued"}`
        : `  redemption refused: ${redeemed.message}`,
    );
  }
  return { customer: confirmed.customer.email };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
