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
import { adminClient, loyaltyProgramForm } from "./lib/admin-client";
import { startAppProcess } from "./lib/app-process";
import { ensureBuild } from "./lib/build";
import { rateDeliveries } from "./lib/demo-csat";
import { refreshDashboardAndSendDigest } from "./lib/demo-digest";
import { DEMO_HOLDOUT_PERCENT, startShipmentEmailHoldout } from "./lib/demo-experiments";
import { followTrackingPageRecommendations, showRecommendations } from "./lib/demo-recommendations";
import { waitForWebhookBacklog } from "./lib/demo-backlog";
import {
  prepareDemoReturns,
  scanSelfMovingReturns,
  startDemoReturn,
  startSelfMovingReturns,
} from "./lib/demo-returns";
import { DEMO_API_KEY, DEMO_API_SECRET, DEMO_DATABASE, DEMO_SHOP } from "./lib/demo-shop";
import { startSupportConversations } from "./lib/demo-support";
import { answerNps } from "./lib/demo-surveys";
import { root } from "./lib/prisma-schema";
import { execFileSync } from "node:child_process";

const DEMO_SECRETS_KEY = Buffer.alloc(32, "aftercare-demo").toString("base64");
/** The stand-in shop's owner (scripts/standin/state.ts), whom the weekly digest goes to. */
const DEMO_OWNER = "owner@aftercare-demo.example.com";
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
      DESTINATIONS_ALLOW_PRIVATE_HOSTS: "true",
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

  step(
    `Starting an experiment: ${DEMO_HOLDOUT_PERCENT} % of customers held out of shipment emails`,
  );
  await startShipmentEmailHoldout((pathname, fields) => adminPost(app.url, pathname, fields));

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

  step("Waiting for the app's workers to apply them");
  const backlog = await waitForWebhookBacklog(
    (pathname) => adminGet(app.url, pathname),
    events.length - rejected,
  );
  if (backlog.waiting) console.warn(`  ${backlog.waiting} still waiting; going on without them`);
  if (backlog.parked) console.warn(`  ${backlog.parked} could not be applied; see ${logFile}`);

  step("Loyalty: earned, pending and confirmed points, a refund reversal and a redemption");
  const loyalty = await showLoyalty(app.url, standin, shop);

  step("Shoppers answer the NPS question on their order-status page (customer session tokens)");
  const nps = await answerNps(app.url, shop.orders, customerToken, BROWSER_UA);
  if (nps.refused) console.warn(`  ${nps.refused} answers were refused; see ${logFile}`);

  step("Connecting EasyPost (played by the stand-in) and shipping three orders live");
  const live = await shipLive(app.url, standin, shop);

  step(
    "A shopper returns two items of a delivered order through the storefront portal; the policy moves returns itself",
  );
  const returnOrders = await prepareDemoReturns(
    standin,
    DEMO_SHOP,
    shop,
    events,
    (pathname, fields) => adminPost(app.url, pathname, fields),
  );
  const demoReturn = await startDemoReturn(standin, DEMO_SHOP, returnOrders.waiting);

  step(
    "Recommendations: shoppers see and follow them on their order page and the tracking page, some buy them",
  );
  const recommended = await showRecommendations({
    appUrl: app.url,
    standin,
    shopDomain: DEMO_SHOP,
    shop,
    customerToken,
    userAgent: BROWSER_UA,
  });
  console.log(
    `  ${recommended.impressions} impressions, ${recommended.clicks} clicks, ${recommended.orders} orders with a recommended product ($${recommended.revenue.toFixed(2)})`,
  );
  const tracked = await followTrackingPageRecommendations({
    appUrl: app.url,
    standin,
    shopDomain: DEMO_SHOP,
    shop,
    customerToken,
    userAgent: BROWSER_UA,
  });
  console.log(
    `  tracking page: ${tracked.lookups} lookups, ${tracked.clicks} recommendations followed, ${tracked.orders} orders ($${tracked.revenue.toFixed(2)})`,
  );

  step("Support: shoppers ask the help center's assistant, then talk to a person; you answer one");
  // The demo goes on without it: the other pages do not depend on the inbox.
  const support = await startSupportConversations(
    standin,
    DEMO_SHOP,
    shippedOrders(shop, events).slice(-2),
    {
      post: (pathname, fields) => adminPost(app.url, pathname, fields),
      get: (pathname) => adminGet(app.url, pathname),
    },
  ).catch((error: unknown) => {
    console.warn(`  ${error instanceof Error ? error.message : String(error)}; see ${logFile}`);
    return null;
  });

  step("Five shoppers return one item each through the storefront portal");
  // After the other shoppers' lookups: all of the demo's shoppers share one address's budget.
  const selfMoving = await startSelfMovingReturns(standin, DEMO_SHOP, returnOrders.selfMoving);
  // Labels, scans and refunds take the app's jobs a while: the demo goes on meanwhile.
  const selfMoved = scanSelfMovingReturns(standin, selfMoving);

  step("Shoppers rate their delivery from the survey in their shipment email (link, then confirm)");
  // Last of the shoppers' steps: the app sends the month's emails while the others run.
  const csat = await rateDeliveries(standin.url, BROWSER_UA);
  console.log(
    `  ${csat.scores.length} of ${csat.surveys} e-mailed surveys answered: ${csat.scores.join(", ") || "none"}`,
  );

  step(
    "Returns that move themselves: labels bought on approval, refunds on the carrier's first scan",
  );
  const moved = await selfMoved;
  for (const entry of moved) {
    console.log(
      `  ${entry.order}: ${entry.item} ${entry.completed ? "refunded by itself after the first scan" : `not completed (${entry.reason}); see ${logFile}`}`,
    );
  }

  step("Dashboard rollups rebuilt; the weekly digest job enqueued as the scheduler does");
  const digest = await refreshDashboardAndSendDigest({
    env: {
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: DEMO_API_KEY,
      SHOPIFY_API_SECRET: DEMO_API_SECRET,
      SHOPIFY_APP_URL: app.url,
    },
    shopDomain: DEMO_SHOP,
    standinUrl: standin.url,
    owner: DEMO_OWNER,
  });
  if (!digest.digest)
    console.warn(`  the digest did not arrive (already sent this week?); see ${logFile}`);

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
    ${moved.filter((entry) => entry.completed).length} of ${moved.length} one-item returns completed with no click of yours (\`npm run returns:autonomy\` counts them)
  Storefront returns portal (App Proxy):              ${standin.storefrontUrl("/returns")}
  Surveys (NPS, delivery CSAT, follow-ups):            ${standin.adminUrl()}&path=/app/surveys
    ${nps.promoter} promoters, ${nps.passive} passives and ${nps.detractor} detractors answered the NPS question
    ${csat.scores.length} shoppers rated their delivery (CSAT) from the survey link in their email
  Recommendations (impressions, clicks, attributed):  ${standin.adminUrl()}&path=/app/recommendations
    ${recommended.clicks} shoppers followed one; ${recommended.orders} came back and bought it
  Experiments (holdout on shipment emails, results):  ${standin.adminUrl()}&path=/app/experiments
  Support inbox (conversations, saved replies):       ${standin.adminUrl()}&path=/app/support/inbox
    ${support ? `${support.answered.order} (${support.answered.email}) got your saved reply "${support.savedReply}"; ${support.waiting.map((c) => c.order).join(", ")} waits for an answer` : "no conversation was opened (see above)"}
  Customers (each with orders, surveys, loyalty):     ${standin.adminUrl()}&path=/app/customers
  Dashboard (every KPI, from fresh rollups):          ${standin.adminUrl()}
  Shoppers' mailbox (emails Aftercare sent, over SMTP): ${standin.url}/__standin/mailbox?format=html
    the weekly digest to ${DEMO_OWNER}: ${digest.digest ?? "not sent"}
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
    // The live orders' parcels; return parcels get their scans with their returns.
    for (const tracker of [...standin.easypost.trackers.values()].filter((t) => !t.is_return)) {
      standin.easypost
        .advance(tracker.id, { ...step, city: "Portland", state: "OR", country: "US" })
        .catch((error: unknown) => console.warn(`  EasyPost webhook failed: ${String(error)}`));
    }
  }, LIVE_STEP_SECONDS * 1000);
  timer.unref();
  return { labels: numbers, example };
}

/** Orders with a parcel on its way or delivered: what shoppers write to support about. */
function shippedOrders(shop: SimulatedShop, events: { topic: string; body: string }[]) {
  const shipped = new Set(
    events
      .filter((event) => event.topic === "fulfillments/create")
      .map((event) => /"order_id":(\d+)/.exec(event.body)?.[1]),
  );
  return shop.orders.filter((order) => !order.cancelledAt && shipped.has(String(order.id)));
}

/** A shopper's customer-account session token, as the checkout and account blocks send it. */
function customerToken(customerId: bigint) {
  return sessionToken({
    shop: DEMO_SHOP,
    apiKey: DEMO_API_KEY,
    secret: DEMO_API_SECRET,
    issuer: "shop",
    sub: `gid://shopify/Customer/${customerId}`,
  });
}

const demoAdmin = (appUrl: string) =>
  adminClient({
    appUrl,
    shop: DEMO_SHOP,
    apiKey: DEMO_API_KEY,
    secret: DEMO_API_SECRET,
    userAgent: BROWSER_UA,
  });
const adminGet = (appUrl: string, pathname: string) => demoAdmin(appUrl).get(pathname);
const adminPost = (appUrl: string, pathname: string, fields: Record<string, string>) =>
  demoAdmin(appUrl).post(pathname, fields);

async function setUpLoyalty(appUrl: string) {
  const saved = await adminPost(
    appUrl,
    "/app/loyalty/settings.data",
    loyaltyProgramForm([
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
  );
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
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${customerToken(customerId)}`);
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
  // A failed fetch says why only in its cause (refused, reset, timed out).
  console.error(
    error instanceof Error
      ? [error.message, error.cause instanceof Error ? error.cause.message : null]
          .filter(Boolean)
          .join(": ")
      : error,
  );
  process.exit(1);
});
