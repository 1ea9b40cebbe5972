import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import {
  RETURNS_PAGE_SIZE,
  exportReturnLines,
  listReturns,
  parseReturnFilter,
  returnCounts,
} from "./admin.server";

const STATUSES = ["requested", "open", "in_transit", "received", "closed", "declined", "cancelled"];

/** Returns as the portal stores them, one line each, a day apart, statuses in turn. */
async function seed(shopDomain: string, count: number) {
  const start = Date.UTC(2026, 0, 1);
  for (let index = 0; index < count; index++) {
    await db.returnRequest.create({
      data: {
        shopDomain,
        orderShopifyId: String(1000 + index),
        orderName: `#${1000 + index}`,
        email: `shopper${index}@example.com`,
        idempotencyKey: randomUUID(),
        status: STATUSES[index % STATUSES.length]!,
        currency: "USD",
        requestedAt: new Date(start + index * 86_400_000),
        lines: {
          create: {
            shopDomain,
            lineItemShopifyId: String(index),
            title: `Item ${index}`,
            quantity: 1,
            reason: index % 2 ? "damaged" : "size-too-small",
            resolution: index % 3 ? "refund" : "exchange",
            unitPrice: 1000,
            amount: 1000,
          },
        },
      },
    });
  }
}

const filter = (query: Record<string, string>) => parseReturnFilter(new URLSearchParams(query));

describe("the returns queue", () => {
  it("pages newest first, counts each tab and keeps to the shop", async () => {
    const shop = `returns-admin-${randomUUID().slice(0, 8)}.myshopify.com`;
    const other = `returns-admin-${randomUUID().slice(0, 8)}.myshopify.com`;
    await seed(shop, RETURNS_PAGE_SIZE + 3);
    await seed(other, 2);

    const first = await listReturns(shop, filter({}));
    expect(first.total).toBe(RETURNS_PAGE_SIZE + 3);
    expect(first.rows).toHaveLength(RETURNS_PAGE_SIZE);
    expect(first.rows[0]?.orderName).toBe(`#${1000 + RETURNS_PAGE_SIZE + 2}`);
    const second = await listReturns(shop, filter({ page: "2" }));
    expect(second.rows.map((row) => row.orderName)).toEqual(["#1002", "#1001", "#1000"]);

    const counts = await returnCounts(shop);
    expect(counts.total).toBe(RETURNS_PAGE_SIZE + 3);
    // 28 returns over 7 statuses: 4 each; declined and cancelled share a tab.
    expect(counts.byTab).toEqual({
      requested: 4,
      open: 4,
      in_transit: 4,
      received: 4,
      closed: 4,
      declined: 8,
    });
    expect(counts.reasons).toEqual(["damaged", "size-too-small"]);
    const declined = await listReturns(shop, filter({ tab: "declined" }));
    expect(new Set(declined.rows.map((row) => row.status))).toEqual(
      new Set(["declined", "cancelled"]),
    );

    const damagedExchanges = await listReturns(
      shop,
      filter({ reason: "damaged", resolution: "exchange" }),
    );
    // Odd indexes that are multiples of 3: 3, 9, 15, 21, 27.
    expect(damagedExchanges.rows.map((row) => row.orderName).sort()).toEqual([
      "#1003",
      "#1009",
      "#1015",
      "#1021",
      "#1027",
    ]);
    expect((await listReturns(shop, filter({ query: "SHOPPER4@example.com" }))).total).toBe(1);
    expect((await listReturns(other, filter({}))).total).toBe(2);
    // A malformed filter falls back to everything rather than failing the page.
    expect(filter({ tab: "bogus", page: "-1", resolution: "cash" })).toEqual({ page: 1 });

    const exported = [];
    for await (const row of exportReturnLines(shop, filter({ tab: "open" }))) exported.push(row);
    expect(exported.map((row) => row.request.status)).toEqual(["open", "open", "open", "open"]);
  });
});
