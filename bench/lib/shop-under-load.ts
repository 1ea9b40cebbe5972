/**
 * What the end-to-end benchmarks (processing, soak) share: the bench's own reads of the app's
 * database (the webhook inbox's backlog, the effects the deliveries wrote) and the merchant's
 * first steps (install, loyalty on), for one shop of the stand-in.
 */
import pg from "pg";
import { adminClient, loyaltyProgramForm } from "../../scripts/lib/admin-client";
import type { Standin } from "../../scripts/standin/server";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { connect, type Query } from "../floor/shared";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const WAITING = `"status" IN ('received', 'processing', 'retrying')`;

/** A DateTime column as either driver returns it (Date, ISO text, or epoch milliseconds). */
export function epochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number" || typeof value === "bigint") return Number(value);
  const text = String(value);
  return /^\d+$/.test(text) ? Number(text) : Date.parse(text);
}

/** Deliveries received and not yet processed, and when the oldest of them arrived. */
export async function backlog(query: Query, shop: string) {
  const [row] = await query(
    `SELECT COUNT(*) AS "waiting", MIN("receivedAt") AS "oldest" FROM "WebhookDelivery" WHERE "shopDomain" = ? AND ${WAITING}`,
    [shop],
  );
  return {
    waiting: Number(row?.waiting ?? 0),
    oldest: row?.oldest === null || row?.oldest === undefined ? null : epochMs(row.oldest),
  };
}

/** What the deliveries wrote, to show the effects happened (not only the inbox rows). */
export async function effects(query: Query, shop: string) {
  const tables = {
    orders: "Order",
    customers: "Customer",
    lineItems: "OrderLineItem",
    shipments: "TrackingShipment",
    checkpoints: "TrackingCheckpoint",
    loyaltyEntries: "LoyaltyEntry",
    emailsQueued: "NotificationMessage",
    recommendationOrders: "RecommendationOrder",
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await query(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "shopDomain" = ?`, [
      shop,
    ]);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * The bench's own reads of the app's database (the inbox, the effects), closed before the
 * database is dropped: PostgreSQL ends idle connections to a dropped database.
 */
export function inboxReader(url: string): { query: Query; close(): Promise<void> } {
  if (!url.startsWith("postgres")) return { query: connect(url), close: async () => {} };
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {});
  return {
    async query(sql, args) {
      let position = 0;
      return (
        await pool.query(
          sql.replace(/\?/g, () => `$${++position}`),
          args,
        )
      ).rows as Record<string, unknown>[];
    },
    close: () => pool.end(),
  };
}

/**
 * The merchant installs the app (Shopify-managed installation: they open it) and switches loyalty
 * on with the demo's program (a point per dollar), so paid orders and refunds move points.
 */
export async function installWithLoyalty(
  standin: Standin,
  appUrl: string,
  shop: string,
  query: Query,
) {
  const install = await fetch(standin.embeddedAppUrl(shop), {
    headers: { "User-Agent": BROWSER_UA },
  });
  await install.arrayBuffer();
  if (!install.ok) throw new Error(`Installing failed (${install.status})`);
  for (let tries = 0; ; tries++) {
    const [row] = await query(`SELECT "name" FROM "Shop" WHERE "domain" = ?`, [shop]);
    if (row?.name) break;
    if (tries > 1200) throw new Error("The install did not record the shop within 2 minutes");
    await sleep(100);
  }
  const admin = adminClient({
    appUrl,
    shop,
    apiKey: TEST_API_KEY,
    secret: TEST_API_SECRET,
    userAgent: BROWSER_UA,
  });
  const saved = await admin.post("/app/loyalty/settings.data", loyaltyProgramForm());
  await saved.arrayBuffer();
  if (!saved.ok) throw new Error(`Switching loyalty on failed (${saved.status})`);
}

/** What `npm run worker` needs beside the app's own settings to reach the stand-in as Shopify. */
export function workerEnv(standin: Standin, databaseUrl: string) {
  return {
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_SHOP_ORIGIN: standin.shopOriginTemplate,
    APP_BRIDGE_URL: standin.appBridgeUrl,
    DATABASE_URL: databaseUrl,
  };
}
