import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { webhookHeaders } from "../../scripts/standin/signing";
import { startAppServer, type AppServer } from "../support/app-server";
import { TEST_API_SECRET, uniqueShop } from "../support/constants";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { webhookFixture, withFields } from "../support/fixtures";
import { adminDocument } from "../support/http";
import { waitFor } from "../support/wait";

// A burst of deliveries, the process killed (SIGKILL, no shutdown) in the middle of it, a new
// process on the same database: every delivery that was acknowledged must still take effect,
// exactly once.

const BURST = 240;
const KILL_AFTER_ACKS = 80;
const CONCURRENCY = 16;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function countRows(database: TestDatabase, sql: string, params: unknown[]) {
  if (database.provider === "sqlite") {
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url: database.url });
    const result = await client.execute({ sql, args: params as string[] });
    client.close();
    return Number(result.rows[0]?.[0] ?? 0);
  }
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const result = await client.query(
    sql.replace(/\?/g, (_match, index: number) => `$${sql.slice(0, index).split("?").length}`),
    params,
  );
  await client.end();
  return Number(result.rows[0]?.count ?? 0);
}

describe("killing the app in the middle of a webhook burst", () => {
  it("loses nothing it acknowledged", async () => {
    const database = await createTestDatabase("crash");
    cleanup.push(() => database.drop());
    const serverOptions = {
      databaseUrl: database.url,
      shopOrigin: inject("shopOriginTemplate"),
      appBridgeUrl: inject("appBridgeUrl"),
      logName: `crash-recovery-${database.provider}`,
      env: { JOBS_LEASE_MS: "2000" },
    };
    const first: AppServer = await startAppServer(serverOptions);

    const shop = uniqueShop("crash");
    // Installed first: deliveries for a shop never installed are held, not processed.
    const install = await adminDocument(shop, "/app", first.url);
    expect(install.status).toBe(200);
    await install.text();
    await waitFor(
      async () =>
        (await countRows(database, `SELECT count(*) AS count FROM "Shop" WHERE domain = ?`, [
          shop,
        ])) === 1,
      { message: `${shop} installed` },
    );
    const template = webhookFixture("orders/create");
    const deliveries = Array.from({ length: BURST }, (_, index) => ({
      webhookId: randomUUID(),
      body: withFields(template, { id: 5_000_000_000_000 + index, name: `#${10_000 + index}` }),
    }));

    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const sender = async () => {
      while (next < deliveries.length) {
        const delivery = deliveries[next++]!;
        try {
          const response = await fetch(`${first.url}/webhooks`, {
            method: "POST",
            headers: webhookHeaders(delivery.body, {
              shop,
              topic: "orders/create",
              secret: TEST_API_SECRET,
              apiVersion: "2026-10",
              webhookId: delivery.webhookId,
            }),
            body: delivery.body,
          });
          if (response.status === 200) acknowledged.push(delivery.webhookId);
        } catch {
          // the server is gone: this delivery was never acknowledged, Shopify would retry it
        }
        if (!killed && acknowledged.length >= KILL_AFTER_ACKS) {
          killed = true;
          first.process.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    await first.stop();
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const second = await startAppServer({
      ...serverOptions,
      logName: `${serverOptions.logName}-restart`,
    });
    cleanup.push(() => second.stop());

    const placeholders = acknowledged.map(() => "?").join(",");
    const total = acknowledged.length;
    await waitFor(
      async () =>
        (await countRows(
          database,
          `SELECT count(*) AS count FROM "WebhookDelivery" WHERE status = 'processed' AND "webhookId" IN (${placeholders})`,
          acknowledged,
        )) === total,
      { timeout: 90_000, interval: 500, message: `all ${total} acknowledged deliveries processed` },
    );
    const ordersForAcknowledged = await countRows(
      database,
      `SELECT count(*) AS count FROM "Order" WHERE "shopDomain" = ?`,
      [shop],
    );
    expect(ordersForAcknowledged).toBeGreaterThanOrEqual(total);
    const duplicates = await countRows(
      database,
      `SELECT count(*) AS count FROM (SELECT "shopifyId" FROM "Order" WHERE "shopDomain" = ? GROUP BY "shopifyId" HAVING count(*) > 1) AS d`,
      [shop],
    );
    expect(duplicates).toBe(0);
  }, 180_000);
});
