import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OrderPayloadSchema } from "../../../app/orders/schemas";
import { parseShopifyJson } from "../../../app/platform/shopify/json";
import { simulateShop } from "./shop";
import { shopifyTime } from "./shopify-json";

const fixture = (topic: string) =>
  parseShopifyJson(
    readFileSync(
      path.resolve(
        import.meta.dirname,
        `../../../tests/fixtures/shopify/webhooks/${topic.replace("/", "__")}.json`,
      ),
      "utf8",
    ),
  );

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const kind = (value: Json) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

/** Where `ours` has a field Shopify's payload lacks, or of another JSON type (null matches any). */
function shapeMismatches(ours: Json, theirs: Json, at = "$"): string[] {
  if (ours === null || theirs === null) return [];
  // Big ids come back from parseShopifyJson as strings; Shopify's numbers may be small or big.
  const bigNumber = (value: Json) => kind(value) === "string" && /^\d+$/.test(value as string);
  const sameKind =
    kind(ours) === kind(theirs) ||
    (bigNumber(ours) && kind(theirs) === "number") ||
    (kind(ours) === "number" && bigNumber(theirs));
  if (!sameKind) return [`${at}: ${kind(ours)} where Shopify sends ${kind(theirs)}`];
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    return ours.length && theirs.length ? shapeMismatches(ours[0]!, theirs[0]!, `${at}[0]`) : [];
  }
  if (typeof ours === "object" && typeof theirs === "object" && !Array.isArray(theirs)) {
    return Object.entries(ours as Record<string, Json>).flatMap(([key, value]) =>
      key in theirs
        ? shapeMismatches(value, theirs[key]!, `${at}.${key}`)
        : [`${at}.${key}: not in Shopify's payload`],
    );
  }
  return [];
}

describe("the shop simulator", () => {
  const now = new Date("2026-11-20T12:00:00Z");

  it("gives the same shop for the same seed and another for another seed", () => {
    const one = simulateShop({ shopDomain: "sim.myshopify.com", seed: 7, orders: 20, now });
    const again = simulateShop({ shopDomain: "sim.myshopify.com", seed: 7, orders: 20, now });
    const other = simulateShop({ shopDomain: "sim.myshopify.com", seed: 8, orders: 20, now });
    expect(again.events.map((event) => event.body)).toEqual(one.events.map((event) => event.body));
    expect(other.events[0]!.body).not.toEqual(one.events[0]!.body);
  });

  it("sends orders/create then orders/paid for every order, in time order, all before now", () => {
    const shop = simulateShop({ shopDomain: "sim.myshopify.com", seed: 3, orders: 30, now });
    expect(shop.orders).toHaveLength(30);
    const times = shop.events.map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    for (const order of shop.orders) {
      const topics = shop.events
        .filter((event) => event.body.includes(`"id":${order.id},`))
        .map((event) => event.topic);
      expect(topics.slice(0, 2)).toEqual(["orders/create", "orders/paid"]);
    }
    expect(new Set(shop.orders.map((order) => order.customer.id)).size).toBeLessThan(30);
  });

  it("writes payloads our order schema accepts, in the shape and types Shopify sends", () => {
    const shop = simulateShop({ shopDomain: "sim.myshopify.com", seed: 5, orders: 10, now });
    const shopify = fixture("orders/create") as Json;
    for (const event of shop.events) {
      const payload = parseShopifyJson(event.body) as Json;
      expect(OrderPayloadSchema.safeParse(payload).success).toBe(true);
      expect(shapeMismatches(payload, shopify)).toEqual([]);
    }
  });

  it("keeps ids above 2^53 exact", () => {
    const shop = simulateShop({ shopDomain: "sim.myshopify.com", seed: 9, orders: 1, now });
    const order = shop.orders[0]!;
    expect(order.id).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    const payload = parseShopifyJson(shop.events[0]!.body) as { id: string };
    expect(payload.id).toBe(order.id.toString());
  });

  it("writes times in the shop's zone with its offset, as Shopify does", () => {
    expect(shopifyTime(new Date("2022-01-01T00:00:00Z"), "America/New_York")).toBe(
      "2021-12-31T19:00:00-05:00",
    );
    expect(shopifyTime(new Date("2026-07-01T10:30:00Z"), "Europe/Paris")).toBe(
      "2026-07-01T12:30:00+02:00",
    );
    expect(shopifyTime(new Date("2026-07-01T10:30:00Z"), "UTC")).toBe("2026-07-01T10:30:00+00:00");
  });
});
