import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import {
  BROWSER_UA,
  appProxyFetch,
  appUrl,
  customerAccountToken,
  sendWebhook,
  storefrontFetch,
} from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";
const TRACKING = "1Z999AA10123456784";

/** A shop with the fixture order (#9999, jon@example.com) shipped in one UPS parcel, in transit. */
async function shopWithShippedOrder(label: string) {
  const shop = uniqueShop(label);
  await installShop(shop);
  expect(
    (await sendWebhook({ shop, topic: "orders/create", body: webhookFixture("orders/create") }))
      .status,
  ).toBe(200);
  const fulfillment = withFields(webhookFixture("fulfillments/create"), {
    shipment_status: "in_transit",
    status: "success",
  }).replaceAll("1z827wk74630", TRACKING);
  expect(
    (await sendWebhook({ shop, topic: "fulfillments/create", body: fulfillment })).status,
  ).toBe(200);
  await waitFor(
    async () => {
      const order = await db.order.findFirst({ where: { shopDomain: shop, shopifyId: ORDER_ID } });
      const shipment = await db.trackingShipment.findFirst({
        where: { shopDomain: shop, trackingKey: TRACKING, tag: "InTransit" },
      });
      return order && shipment ? shipment : undefined;
    },
    { message: "order and shipment stored" },
  );
  return shop;
}

const lookupForm = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

describe("storefront tracking page (App Proxy)", () => {
  it("shows an order's shipments, status and timeline inside the theme to whoever knows its email", async () => {
    const shop = await shopWithShippedOrder("track-page");
    const response = await storefrontFetch(
      shop,
      "/track",
      lookupForm({ order: "9999", email: " Jon@Example.com " }),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("theme stand-in");
    expect(html).toContain("Order #9999");
    expect(html).toContain(TRACKING);
    expect(html).toMatch(/data-status="InTransit">In transit</);
    expect(html).toContain('aria-current="step"');
    expect(html).toContain("Tracking history");
  });

  it("answers a wrong email exactly as it answers an order that does not exist", async () => {
    const shop = await shopWithShippedOrder("track-privacy");
    const ask = async (fields: Record<string, string>) => {
      const response = await storefrontFetch(shop, "/track?format=json", lookupForm(fields));
      return { status: response.status, body: await response.text() };
    };
    const wrongEmail = await ask({ order: "#9999", email: "someone@else.com" });
    const noOrder = await ask({ order: "#4242", email: "jon@example.com" });
    expect(wrongEmail).toEqual({ status: 404, body: '{"error":"notFound"}' });
    expect(noOrder).toEqual(wrongEmail);
    // Refused lookups are not views: the dashboard counts shoppers who saw their tracking.
    expect(await db.analyticsTrackingView.count({ where: { shopDomain: shop } })).toBe(0);
    const right = await ask({ order: "#9999", email: "jon@example.com" });
    expect(right.status).toBe(200);
    expect(
      await db.analyticsTrackingView.count({ where: { shopDomain: shop, surface: "page" } }),
    ).toBe(1);
    expect(JSON.parse(right.body)).toMatchObject({
      orderName: "#9999",
      shipments: [{ trackingNumber: TRACKING, carrier: "ups", tag: "InTransit" }],
    });
  });

  it("finds a shipment by tracking number without revealing the order", async () => {
    const shop = await shopWithShippedOrder("track-number");
    const response = await storefrontFetch(
      shop,
      `/track?format=json&tracking=${encodeURIComponent(TRACKING.toLowerCase())}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      orderName: unknown;
      shipments: { items: unknown[] }[];
    };
    expect(body.orderName).toBeNull();
    expect(body.shipments).toHaveLength(1);
    expect(body.shipments[0]!.items).toEqual([]);
    expect(JSON.stringify(body)).not.toContain("jon@example.com");
  });

  it("speaks the shopper's language: the storefront's locale first, then Accept-Language", async () => {
    const shop = await shopWithShippedOrder("track-i18n");
    const french = await (
      await storefrontFetch(shop, `/track?locale=fr&tracking=${TRACKING}`)
    ).text();
    expect(french).toContain('lang="fr"');
    expect(french).toContain("En transit");
    expect(french).toContain("Historique du suivi");
    const german = await (
      await storefrontFetch(shop, `/track?tracking=${TRACKING}`, {
        headers: { "Accept-Language": "de-DE,de;q=0.9,en;q=0.5" },
      })
    ).text();
    expect(german).toContain("Unterwegs");
    const spanish = await (await storefrontFetch(shop, "/track?locale=es-MX")).text();
    expect(spanish).toContain("Sigue tu pedido");
  });

  it("refuses a request Shopify did not sign and one for another shop's order", async () => {
    const shop = await shopWithShippedOrder("track-sign");
    const forged = await appProxyFetch(shop, "/track", {
      query: { format: "json", tracking: TRACKING },
      secret: "not-the-app-secret",
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).not.toContain(TRACKING);

    const other = uniqueShop("track-other");
    await installShop(other);
    const response = await storefrontFetch(
      other,
      "/track?format=json",
      lookupForm({ order: "#9999", email: "jon@example.com" }),
    );
    expect(response.status).toBe(404);
    const byNumber = await storefrontFetch(other, `/track?format=json&tracking=${TRACKING}`);
    expect(byNumber.status).toBe(404);
  });

  it("asks for both order number and email, and rate-limits guessing per address", async () => {
    const shop = await shopWithShippedOrder("track-limit");
    const missing = await appProxyFetch(shop, "/track", {
      query: { format: "json", order: "9999" },
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "missingFields" });

    const guess = (ip: string, index: number) =>
      appProxyFetch(shop, "/track", {
        ip,
        query: { format: "json", order: "9999", email: `guess${index}@example.com` },
      });
    const statuses: number[] = [];
    for (let index = 0; index < 31; index++)
      statuses.push((await guess("198.51.100.1", index)).status);
    expect(statuses.filter((status) => status === 404)).toHaveLength(30);
    expect(statuses.slice(-1)).toEqual([429]);
    const limited = await guess("198.51.100.1", 99);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await guess("198.51.100.2", 0)).status).toBe(404);
  });
});

describe("order-status extension endpoint", () => {
  const orderUrl = (orderId: string) => `${appUrl()}/api/tracking/orders/${orderId}`;
  const asCustomer = (shop: string, customerId: string | null) => ({
    headers: {
      Authorization: `Bearer ${customerAccountToken(shop, customerId)}`,
      Origin: "https://extensions.shopifycdn.com",
      "User-Agent": BROWSER_UA,
    },
  });

  it("gives the signed-in customer their order's shipments, with CORS for the extension", async () => {
    const shop = await shopWithShippedOrder("ext-own");
    const before = Date.now();
    const response = await fetch(
      orderUrl(encodeURIComponent(`gid://shopify/Order/${ORDER_ID}`)),
      asCustomer(shop, CUSTOMER_ID),
    );
    expect(response.status).toBe(200);
    const views = await db.analyticsTrackingView.findMany({
      where: { shopDomain: shop, createdAt: { gte: new Date(before - 1000) } },
      select: { surface: true, orderShopifyId: true, createdAt: true },
    });
    expect(views).toEqual([
      { surface: "widget", orderShopifyId: ORDER_ID, createdAt: expect.any(Date) },
    ]);
    // Written in raw SQL: Prisma must read back the instant it was taken, in either database.
    expect(Math.abs(views[0]!.createdAt.getTime() - before)).toBeLessThan(60_000);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toMatchObject({
      orderName: "#9999",
      shipments: [
        {
          trackingNumber: TRACKING,
          tag: "InTransit",
          items: expect.arrayContaining([expect.objectContaining({ title: "Aviator sunglasses" })]),
        },
      ],
    });

    const preflight = await fetch(orderUrl(ORDER_ID), {
      method: "OPTIONS",
      headers: {
        Origin: "https://extensions.shopifycdn.com",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
        "User-Agent": BROWSER_UA,
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain(
      "authorization",
    );
  });

  it("refuses other customers, other shops, guests and requests without a token", async () => {
    const shop = await shopWithShippedOrder("ext-deny");
    const other = uniqueShop("ext-deny-other");
    await installShop(other);
    const cases = [
      await fetch(orderUrl(ORDER_ID), asCustomer(shop, "999")),
      await fetch(orderUrl(ORDER_ID), asCustomer(other, CUSTOMER_ID)),
      await fetch(orderUrl(ORDER_ID), asCustomer(shop, null)),
      await fetch(orderUrl("not-an-id"), asCustomer(shop, CUSTOMER_ID)),
    ];
    for (const response of cases) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not_found" });
    }
    const anonymous = await fetch(orderUrl(ORDER_ID), { headers: { "User-Agent": BROWSER_UA } });
    expect(anonymous.status).toBe(401);
  });
});
