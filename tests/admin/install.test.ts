import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { sessionToken } from "../../scripts/standin/signing";
import { TEST_API_KEY, uniqueShop } from "../support/constants";
import { webhookFixture } from "../support/fixtures";
import {
  adminApiCalls,
  adminDocument,
  adminFetch,
  appUrl,
  BROWSER_UA,
  sendWebhook,
} from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

describe("installing the app (Shopify-managed install, token exchange)", () => {
  it("creates the shop with Shopify's details and an expiring offline session", async () => {
    const shop = uniqueShop("install");
    const record = await installShop(shop);
    expect(record).toMatchObject({
      domain: shop,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      primaryLocale: "en",
    });
    expect(record.name).toMatch(/Install/);
    const session = await db.session.findUnique({ where: { id: `offline_${shop}` } });
    expect(session?.accessToken).toMatch(/^shpat_/);
    expect(session?.refreshToken).toMatch(/^shprt_/);
    expect(session?.expires?.getTime()).toBeGreaterThan(Date.now());
    expect((await adminApiCalls(shop)).map((call) => call.operationName)).toContain("ShopDetails");
  });

  it("renders the admin home as the dashboard, with the shop's latest orders once they arrive", async () => {
    const shop = uniqueShop("home");
    await installShop(shop);
    let page = await (await adminDocument(shop)).text();
    expect(page).toContain("Your dashboard fills as orders arrive");
    expect(page).not.toContain("#9999");

    const webhookId = randomUUID();
    await sendWebhook({
      shop,
      topic: "orders/create",
      body: webhookFixture("orders/create"),
      webhookId,
    });
    await waitFor(async () => (await db.order.count({ where: { shopDomain: shop } })) === 1);
    page = await (await adminDocument(shop)).text();
    expect(page).toContain("#9999");
    expect(page).toContain("jon@example.com");
  });

  it("sends a document request without a session token to the bounce page", async () => {
    const shop = uniqueShop("bounce");
    const host = Buffer.from(`admin.shopify.com/store/${shop}`).toString("base64url");
    const response = await fetch(`${appUrl()}/app?embedded=1&shop=${shop}&host=${host}`, {
      headers: { "User-Agent": BROWSER_UA },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/session-token/);
  });

  it("refuses a session token signed with another secret", async () => {
    const shop = uniqueShop("forged");
    const forged = sessionToken({ shop, apiKey: TEST_API_KEY, secret: "someone-elses-secret" });
    const response = await fetch(`${appUrl()}/app/operations.data`, {
      headers: { Authorization: `Bearer ${forged}`, "User-Agent": BROWSER_UA },
    });
    expect(response.status).toBe(401);
    expect(await db.shop.findUnique({ where: { domain: shop } })).toBeNull();
  });
});

describe("app/uninstalled", () => {
  it("deletes the shop's sessions and marks it uninstalled", async () => {
    const shop = uniqueShop("uninstall");
    await installShop(shop);
    const webhookId = randomUUID();
    await sendWebhook({
      shop,
      topic: "app/uninstalled",
      body: webhookFixture("app/uninstalled"),
      webhookId,
    });
    await waitFor(
      async () =>
        (await db.webhookDelivery.findUnique({ where: { webhookId } }))?.status === "processed",
    );
    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect((await db.shop.findUnique({ where: { domain: shop } }))?.uninstalledAt).toBeInstanceOf(
      Date,
    );
  });

  it("ignores an uninstall older than a reinstall", async () => {
    const shop = uniqueShop("reinstall");
    await installShop(shop);
    const webhookId = randomUUID();
    await sendWebhook({
      shop,
      topic: "app/uninstalled",
      body: webhookFixture("app/uninstalled"),
      webhookId,
      triggeredAt: new Date(Date.now() - 3600_000),
    });
    await waitFor(
      async () =>
        (await db.webhookDelivery.findUnique({ where: { webhookId } }))?.status === "processed",
    );
    expect(await db.session.count({ where: { shop } })).toBe(1);
    expect((await db.shop.findUnique({ where: { domain: shop } }))?.uninstalledAt).toBeNull();
  });
});

describe("privacy requests in the admin", () => {
  it("offers the customer's data export to its own shop only", async () => {
    const shop = uniqueShop("privacy");
    const other = uniqueShop("privacy-other");
    await installShop(shop);
    await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") });
    await waitFor(async () => (await db.order.count({ where: { shopDomain: shop } })) === 1);
    const request = webhookFixture("customers/data_request")
      .replace('"id": 191167', '"id": 115310627314723954')
      .replace("{shop}.myshopify.com", shop);
    await sendWebhook({ shop, topic: "customers/data_request", body: request });
    const exported = await waitFor(() =>
      db.complianceRequest
        .findFirst({ where: { shopDomain: shop, topic: "customers/data_request" } })
        .then((row) => row ?? undefined),
    );

    const download = await adminFetch(shop, `/app/privacy/${exported.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/attachment/);
    const body = await download.json();
    expect(body.data.orders.customer.shopifyId).toBe("115310627314723954");
    expect(body.data.orders.orders[0].name).toBe("#9999");

    expect((await adminFetch(other, `/app/privacy/${exported.id}`)).status).toBe(404);
  });
});

describe("health", () => {
  it("reports the database and the queue", async () => {
    const response = await fetch(`${appUrl()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: "ok", queue: "ok" });
  });
});

describe("the app's icon", () => {
  it("is served from public/ and named by every page", async () => {
    const icon = await fetch(`${appUrl()}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    expect(await icon.text()).toContain("<svg");
    const shop = uniqueShop("icon");
    await installShop(shop);
    expect(await (await adminDocument(shop)).text()).toContain(
      '<link rel="icon" href="/favicon.svg"',
    );
  });
});
