import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture } from "../support/fixtures";
import { adminDocument, adminFetch, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/**
 * The event destinations page through the built app: the session-token admin, the real job
 * workers delivering to a receiver of ours over HTTP, Klaviyo played by the stand-in.
 */

const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiverUrl = "";
let closeReceiver: () => Promise<void>;

beforeAll(async () => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/aftercare`;
  closeReceiver = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(() => closeReceiver());

const PAGE = "/app/settings/endpoints.data";

function post(shop: string, fields: [string, string][]) {
  return adminFetch(shop, PAGE, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

/** The README's five lines, written again here: the receiver's check of a delivery. */
function verified(secret: string, headers: IncomingHttpHeaders, body: string) {
  const timestamp = String(headers["aftercare-timestamp"]);
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  const given = String(headers["aftercare-signature"]);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return (
    fresh &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}

describe("event destinations page", () => {
  it("shows an empty state that says what to do", async () => {
    const shop = uniqueShop("dest-empty");
    await installShop(shop);
    const page = await (await adminDocument(shop, "/app/settings/endpoints")).text();
    expect(page).toContain("No endpoints yet");
    expect(page).toContain("Add an HTTPS URL below");
    expect(page).toContain("No deliveries yet");
  });

  it("adds an endpoint, shows its secret once, and a test event arrives signed with it", async () => {
    const shop = uniqueShop("dest-add");
    await installShop(shop);
    const created = await post(shop, [
      ["intent", "create"],
      ["url", receiverUrl],
      ["events", "shipment.delivered"],
      ["events", "return.approved"],
    ]);
    expect(created.status).toBe(200);
    const secret = /whsec_[A-Za-z0-9_-]{32}/.exec(await created.text())?.[0];
    expect(secret).toBeDefined();
    const page = await (await adminDocument(shop, "/app/settings/endpoints")).text();
    expect(page).toContain(receiverUrl);
    expect(page).not.toContain(secret);

    const endpoint = await db.destinationEndpoint.findFirstOrThrow({ where: { shopDomain: shop } });
    const before = received.length;
    const test = await post(shop, [
      ["intent", "test"],
      ["id", endpoint.id],
      ["type", "shipment.delivered"],
    ]);
    expect(test.status).toBe(200);
    const delivery = await waitFor(
      () => received.slice(before).find((request) => request.body.includes(`"shop":"${shop}"`)),
      { message: "the test event at the receiver" },
    );
    expect(verified(secret!, delivery.headers, delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: "shipment.delivered",
      version: 1,
      shop,
    });
    await waitFor(async () => {
      const row = await db.destinationDelivery.findFirst({ where: { shopDomain: shop } });
      return row?.status === "succeeded" && row.responseStatus === 204;
    });
    const after = await (await adminDocument(shop, "/app/settings/endpoints")).text();
    expect(after).toContain("Delivered: 1 · Pending: 0 · Failed: 0 · Skipped: 0");
  });

  it("delivers the order.created a signed Shopify webhook produces, through the outbox, once", async () => {
    const shop = uniqueShop("dest-order");
    await installShop(shop);
    const created = await post(shop, [
      ["intent", "create"],
      ["url", receiverUrl],
      ["events", "order.created"],
    ]);
    const secret = /whsec_[A-Za-z0-9_-]{32}/.exec(await created.text())![0];
    const body = webhookFixture("orders/create");
    // Shopify's ids pass 2^53: read the order's id from the text, as the app does.
    const orderId = /"id":\s*(\d+)/.exec(body)![1];
    for (const webhookId of [`dest-order-${shop}`, `dest-order-${shop}`]) {
      await sendWebhook({ shop, topic: "orders/create", body, webhookId });
    }
    const delivery = await waitFor(
      () => received.find((request) => request.body.includes(`"shop":"${shop}"`)),
      { message: "order.created at the merchant's endpoint" },
    );
    expect(verified(secret, delivery.headers, delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: "order.created",
      shop,
      data: { orderId, orderName: "#9999" },
    });
    await waitFor(async () => {
      const rows = await db.destinationDelivery.findMany({ where: { shopDomain: shop } });
      return rows.length === 1 && rows[0]?.status === "succeeded";
    });
    expect(received.filter((request) => request.body.includes(`"shop":"${shop}"`))).toHaveLength(1);
  });

  it("answers another shop's endpoint and delivery ids with 404 and changes nothing", async () => {
    const owner = uniqueShop("dest-owner");
    const intruder = uniqueShop("dest-intruder");
    await installShop(owner);
    await installShop(intruder);
    await post(owner, [
      ["intent", "create"],
      ["url", receiverUrl],
      ["events", "order.created"],
    ]);
    const endpoint = await db.destinationEndpoint.findFirstOrThrow({
      where: { shopDomain: owner },
    });
    await post(owner, [
      ["intent", "test"],
      ["id", endpoint.id],
      ["type", "order.created"],
    ]);
    const delivery = await db.destinationDelivery.findFirstOrThrow({
      where: { shopDomain: owner },
    });

    for (const fields of [
      [
        ["intent", "update"],
        ["id", endpoint.id],
        ["url", "https://attacker.example/x"],
        ["events", "order.created"],
      ],
      [
        ["intent", "delete"],
        ["id", endpoint.id],
      ],
      [
        ["intent", "test"],
        ["id", endpoint.id],
        ["type", "order.created"],
      ],
      [
        ["intent", "replay"],
        ["deliveryId", delivery.id],
      ],
    ] as [string, string][][]) {
      expect((await post(intruder, fields)).status).toBe(404);
    }
    expect(
      await db.destinationEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } }),
    ).toMatchObject({
      url: receiverUrl,
      enabled: true,
    });
    expect(await db.destinationDelivery.count({ where: { destinationId: endpoint.id } })).toBe(1);
  });

  it("connects Klaviyo only with a key Klaviyo accepts, and never shows the key again", async () => {
    const shop = uniqueShop("dest-klaviyo");
    await installShop(shop);
    const refused = await post(shop, [
      ["intent", "klaviyo"],
      ["apiKey", "pk_0123456789abcdef0123456789abcdef01"],
      ["events", "shipment.delivered"],
    ]);
    expect(await refused.text()).toContain("Klaviyo refused this key");
    expect(await db.destinationEndpoint.count({ where: { shopDomain: shop } })).toBe(0);

    const { key } = (await (
      await fetch(`${standinUrl()}/__standin/klaviyo/keys`, { method: "POST" })
    ).json()) as {
      key: string;
    };
    const connected = await post(shop, [
      ["intent", "klaviyo"],
      ["apiKey", key],
      ["events", "shipment.delivered"],
    ]);
    expect(await connected.text()).not.toContain(key);
    const page = await (await adminDocument(shop, "/app/settings/endpoints")).text();
    expect(page).toContain("Connected");
    expect(page).not.toContain(key);
    const requests = (await (await fetch(`${standinUrl()}/__standin/klaviyo/requests`)).json()) as {
      path: string;
      apiKey: string;
      status: number;
    }[];
    expect(requests.filter((request) => request.apiKey === key)).toEqual([
      expect.objectContaining({ path: "/api/accounts", status: 200 }),
    ]);
  });
});
