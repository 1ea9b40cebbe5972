import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { percentOf, returnsAutonomy } from "./autonomy.server";

/**
 * Timelines as the app writes them (actors from lifecycle.server.ts: "merchant";
 * automation.server.ts: "system"; returns.server.ts: "shopper"; webhooks.server.ts: "shopify",
 * a change made in Shopify's admin), each step minutes after the request.
 */
type Step = [kind: string, actor: string, minute: number];

const START = new Date("2026-11-20T10:00:00Z");
const at = (minute: number) => new Date(START.getTime() + minute * 60_000);

async function aReturn(shop: string, status: string, timeline: Step[], closedMinute?: number) {
  await db.returnRequest.create({
    data: {
      shopDomain: shop,
      orderShopifyId: "820982911946154508",
      orderName: "#9999",
      email: "jon@example.com",
      idempotencyKey: randomUUID(),
      status,
      currency: "USD",
      totalAmount: 8999,
      requestedAt: START,
      closedAt: closedMinute === undefined ? null : at(closedMinute),
      events: {
        create: timeline.map(([kind, actor, minute]) => ({
          shopDomain: shop,
          kind,
          actor,
          occurredAt: at(minute),
        })),
      },
    },
  });
}

const shopNamed = (label: string) => `${label}-${randomUUID().slice(0, 8)}.myshopify.com`;

describe("how many returns completed without the merchant", () => {
  it("counts a completed return only when nobody acted for the merchant before it closed", async () => {
    const shop = shopNamed("autonomy");
    // Label on approval, refund on the first scan: the shopper and the system only.
    await aReturn(
      shop,
      "closed",
      [
        ["requested", "shopper", 0],
        ["label_issued", "system", 1],
        ["in_transit", "system", 60],
        ["refund_scheduled", "system", 60],
        ["processed", "system", 61],
      ],
      61,
    );
    // The merchant bought the label: one click.
    await aReturn(
      shop,
      "closed",
      [
        ["requested", "shopper", 0],
        ["label_issued", "merchant", 5],
        ["in_transit", "system", 60],
        ["processed", "system", 61],
      ],
      61,
    );
    // Approved in Shopify's admin, then refunded automatically on receipt.
    await aReturn(
      shop,
      "closed",
      [
        ["requested", "shopper", 0],
        ["approved", "shopify", 30],
        ["received", "system", 90],
        ["processed", "system", 91],
      ],
      91,
    );
    // Refunded by itself; the merchant inspected what came back afterwards.
    await aReturn(
      shop,
      "closed",
      [
        ["requested", "shopper", 0],
        ["in_transit", "system", 60],
        ["processed", "system", 61],
        ["inspected", "merchant", 600],
      ],
      61,
    );
    // Still on its way: not completed.
    await aReturn(shop, "in_transit", [
      ["requested", "shopper", 0],
      ["in_transit", "system", 60],
    ]);
    // Another shop's hands-free return is not this shop's.
    await aReturn(
      shopNamed("autonomy-other"),
      "closed",
      [
        ["requested", "shopper", 0],
        ["processed", "system", 61],
      ],
      61,
    );

    expect(await returnsAutonomy(shop)).toEqual({
      shopDomain: shop,
      total: 5,
      completed: 4,
      completedWithoutMerchant: 2,
    });
  });

  it("counts a declined return, or one processed by the merchant, as not completed by itself", async () => {
    const shop = shopNamed("autonomy-merchant");
    await aReturn(shop, "declined", [
      ["requested", "shopper", 0],
      ["declined", "merchant", 10],
    ]);
    await aReturn(
      shop,
      "closed",
      [
        ["requested", "shopper", 0],
        ["received", "system", 90],
        ["processed", "merchant", 120],
      ],
      120,
    );
    expect(await returnsAutonomy(shop)).toEqual({
      shopDomain: shop,
      total: 2,
      completed: 1,
      completedWithoutMerchant: 0,
    });
  });

  it("says the share in whole percent, and nothing of a shop without returns", async () => {
    expect(await returnsAutonomy(shopNamed("autonomy-empty"))).toMatchObject({
      total: 0,
      completed: 0,
      completedWithoutMerchant: 0,
    });
    expect(percentOf(5, 6)).toBe(83);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBeNull();
  });
});
