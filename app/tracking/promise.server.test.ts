import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { shopperBudget } from "../storefront/rate-limit.server";
import { storefrontPromise } from "./promise.server";

// Wednesday 2026-12-02, 10:00 in Los Angeles: before the default 14:00 cut-off, so orders ship today.
const NOW = new Date("2026-12-02T18:00:00Z");

async function shopWithDeliveries() {
  const shopDomain = `promise-${randomUUID().slice(0, 8)}.myshopify.com`;
  await db.shop.create({
    data: { domain: shopDomain, ianaTimezone: "America/Los_Angeles", countryCode: "US" },
  });
  const deliveries = [
    // Monday → Wednesday: 2 business days, 10 Ground parcels to California.
    ...Array.from({ length: 10 }, () => ["US-CA", "Ground", "2026-11-04T20:00:00Z"] as const),
    // Monday → Friday: 4 business days, 10 Ground parcels to New York.
    ...Array.from({ length: 10 }, () => ["US-NY", "Ground", "2026-11-06T20:00:00Z"] as const),
    // Monday → Tuesday: 1 business day, too few Express parcels to trust on their own.
    ...Array.from({ length: 5 }, () => ["US-CA", "Express", "2026-11-03T20:00:00Z"] as const),
  ];
  const fulfillment = await db.trackingFulfillment.create({
    data: {
      shopDomain,
      shopifyId: "1",
      orderShopifyId: "1",
      shopifyUpdatedAt: new Date("2026-11-02T18:00:00Z"),
    },
  });
  await db.trackingShipment.createMany({
    data: deliveries.map(([destinationRegion, service, deliveredAt], index) => ({
      shopDomain,
      fulfillmentId: fulfillment.id,
      trackingNumber: `1Z${index}`,
      trackingKey: `1Z${index}`,
      carrier: "ups",
      service,
      destinationRegion,
      tag: "Delivered",
      subtag: "Delivered_001",
      shippedAt: new Date("2026-11-02T18:00:00Z"),
      deliveredAt: new Date(deliveredAt),
    })),
  });
  return shopDomain;
}

const requests = shopperBudget({ name: "promise-test", perClient: 120 });

async function promiseFor(shopDomain: string, query: Record<string, string>) {
  return storefrontPromise({
    shopDomain,
    searchParams: new URLSearchParams(query),
    spendRequest: () => requests.consume(shopDomain, "203.0.113.7"),
    now: NOW,
  });
}

describe("storefrontPromise", () => {
  it("learns the transit range from the shop's deliveries to the shopper's region and method", async () => {
    const shop = await shopWithDeliveries();
    expect(await promiseFor(shop, { country: "US", province: "CA", method: "Ground" })).toEqual({
      status: 200,
      body: {
        earliest: "2026-12-04",
        latest: "2026-12-04",
        orderBy: "2026-12-02T22:00:00.000Z",
        label: "Fri, Dec 4",
        orderToday: true,
        source: "history",
      },
      maxAgeSeconds: 600,
    });
    const newYork = await promiseFor(shop, { country: "US", province: "NY" });
    expect(newYork.body).toMatchObject({ earliest: "2026-12-08", latest: "2026-12-08" });
    // No province: all 25 deliveries in the country, Express included: 1 to 4 business days.
    const country = await promiseFor(shop, { country: "US", locale: "fr" });
    expect(country.body).toMatchObject({ earliest: "2026-12-03", latest: "2026-12-08" });
    expect((country.body as { label: string }).label).toMatch(/3.*8/);
    // Express to California has 5 deliveries: the region's 15 answer instead.
    const express = await promiseFor(shop, { country: "US", province: "CA", method: "Express" });
    expect(express.body).toMatchObject({ earliest: "2026-12-03", latest: "2026-12-04" });
  });

  it("falls back to default transit days where the shop has no history, international ones abroad", async () => {
    const shop = await shopWithDeliveries();
    expect((await promiseFor(shop, { country: "DE" })).body).toMatchObject({
      earliest: "2026-12-10",
      latest: "2026-12-23",
      source: "default",
    });
  });

  it("applies the block's cut-off, processing days and holidays", async () => {
    const shop = await shopWithDeliveries();
    const answer = await promiseFor(shop, {
      country: "US",
      province: "CA",
      method: "Ground",
      cutoff: "09:30",
      processing: "1",
      holidays: "2026-12-04,2026-12-07",
    });
    // Past 09:30: placed Thursday, one processing day skips the Friday holiday to Monday's, which
    // is one too: handed over Tuesday, delivered two business days later.
    expect(answer).toMatchObject({
      status: 200,
      body: { earliest: "2026-12-10", orderBy: "2026-12-03T17:30:00.000Z", orderToday: false },
    });
    expect((answer as { maxAgeSeconds: number }).maxAgeSeconds).toBe(600);
  });

  it("refuses a query it cannot read and a shop it does not know", async () => {
    const shop = await shopWithDeliveries();
    const invalid = await promiseFor(shop, { country: "usa", cutoff: "25:00", holidays: "soon" });
    expect(invalid).toMatchObject({ status: 400, body: { error: "invalid" } });
    expect((invalid.body as { issues: string[] }).issues).toEqual([
      "country is a two-letter ISO code",
      "cutoff is HH:MM",
      "holidays are YYYY-MM-DD",
    ]);
    expect(await promiseFor("nobody.myshopify.com", { country: "US" })).toMatchObject({
      status: 404,
    });
  });
});
