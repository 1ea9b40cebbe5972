import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { experimentResults } from "../analytics/index.server";
import { db } from "../db.server";
import { armOf } from "./assignment";
import {
  isHeldOut,
  redactCustomerExperiments,
  startExperiment,
  stopExperiment,
} from "./index.server";

const newShop = () => `experiments-${randomUUID().slice(0, 8)}.myshopify.com`;

describe("isHeldOut", () => {
  it("holds out nobody and records nothing without a running experiment", async () => {
    const shop = newShop();
    expect(await isHeldOut(shop, "shipment_emails", "1001")).toBe(false);
    expect(await db.experimentAssignment.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("answers with the customer's hashed arm and records it once, at first exposure", async () => {
    const shop = newShop();
    const started = await startExperiment(shop, "shipment_emails", 50);
    if (!started.started) throw new Error("not started");
    const customers = Array.from({ length: 40 }, (_, i) => String(5_000 + i));
    const first = [];
    for (const id of customers) first.push(await isHeldOut(shop, "shipment_emails", id));
    expect(first).toEqual(customers.map((id) => armOf(started.id, id, 50) === "holdout"));
    // Both arms show up among 40 customers at 50 % (the hash is fixed: this cannot flake).
    expect(first).toContain(true);
    expect(first).toContain(false);
    for (const id of customers) await isHeldOut(shop, "shipment_emails", id);
    const rows = await db.experimentAssignment.findMany({ where: { shopDomain: shop } });
    expect(rows).toHaveLength(40);
    expect(rows.filter((row) => row.arm === "holdout")).toHaveLength(first.filter(Boolean).length);
    // Another touch has no experiment: everyone gets it.
    expect(await isHeldOut(shop, "recommendations", customers[first.indexOf(true)])).toBe(false);
  });

  it("leaves guests outside the experiment", async () => {
    const shop = newShop();
    await startExperiment(shop, "loyalty_bonus", 90);
    expect(await isHeldOut(shop, "loyalty_bonus", null)).toBe(false);
    expect(await db.experimentAssignment.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("runs one experiment per touch, and a stopped one holds out nobody", async () => {
    const shop = newShop();
    // Read before the start, so the start must replace what this process keeps.
    expect(await isHeldOut(shop, "recommendations", "1")).toBe(false);
    const started = await startExperiment(shop, "recommendations", 90);
    expect(started.started).toBe(true);
    expect(await startExperiment(shop, "recommendations", 10)).toEqual({
      started: false,
      reason: "running",
    });
    const held = ["1", "2", "3", "4", "5", "6", "7", "8"].find(
      (id) => started.started && armOf(started.id, id, 90) === "holdout",
    )!;
    expect(await isHeldOut(shop, "recommendations", held)).toBe(true);
    expect(started.started && (await stopExperiment(shop, started.id))).toBe(true);
    expect(await isHeldOut(shop, "recommendations", held)).toBe(false);
    expect(await isHeldOut(shop, "recommendations", "999")).toBe(false);
    expect(await db.experimentAssignment.count({ where: { shopDomain: shop } })).toBe(1);
    expect((await startExperiment(shop, "recommendations", 10)).started).toBe(true);
  });

  it.each([0, 91, 12.5])("refuses a holdout of %f %", async (percent) => {
    await expect(startExperiment(newShop(), "shipment_emails", percent)).rejects.toThrow(
      RangeError,
    );
  });
});

async function customerWithOrders(
  shop: string,
  customerShopifyId: string,
  orders: { at: Date; total: number; current?: number; cancelled?: boolean; test?: boolean }[],
) {
  const customer = await db.customer.create({
    data: { shopDomain: shop, shopifyId: customerShopifyId },
  });
  const ids = [];
  for (const order of orders) {
    const shopifyId = String(Math.floor(Math.random() * 1e12));
    ids.push(shopifyId);
    await db.order.create({
      data: {
        shopDomain: shop,
        shopifyId,
        name: `#${shopifyId}`,
        customerId: customer.id,
        currency: "EUR",
        presentmentCurrency: "EUR",
        totalPrice: order.total,
        currentTotalPrice: order.current ?? null,
        subtotalPrice: order.total,
        totalDiscounts: 0,
        totalShipping: 0,
        totalTax: 0,
        presentmentTotalPrice: order.total,
        cancelledAt: order.cancelled ? order.at : null,
        test: order.test ?? false,
        processedAt: order.at,
        shopifyCreatedAt: order.at,
        shopifyUpdatedAt: order.at,
      },
    });
  }
  return ids;
}

describe("experimentResults", () => {
  it("counts each arm's orders, tracking lookups and support contacts after assignment, until the stop", async () => {
    const shop = newShop();
    const startedAt = new Date("2026-10-01T00:00:00Z");
    const assignedAt = new Date("2026-10-02T00:00:00Z");
    const stoppedAt = new Date("2026-11-01T00:00:00Z");
    const experiment = await db.experiment.create({
      data: {
        shopDomain: shop,
        touch: "shipment_emails",
        holdoutPercent: 50,
        startedAt,
        stoppedAt,
      },
    });
    const before = new Date("2026-09-20T00:00:00Z");
    const during = new Date("2026-10-15T00:00:00Z");
    const after = new Date("2026-11-15T00:00:00Z");
    // Treated: t1 reorders for 30.00 (refunded down to 20.00), t2 for 50.00, t3 only before.
    // Held out: h1 reorders for 10.00; h2's only later order is cancelled, h3's a test, h4's
    // after the stop.
    const [t1First] = await customerWithOrders(shop, "t1", [
      { at: before, total: 4000 },
      { at: during, total: 3000, current: 2000 },
    ]);
    const [t2Order] = await customerWithOrders(shop, "t2", [{ at: during, total: 5000 }]);
    await customerWithOrders(shop, "t3", [{ at: before, total: 7000 }]);
    const [h1First] = await customerWithOrders(shop, "h1", [
      { at: before, total: 2000 },
      { at: during, total: 1000 },
    ]);
    await customerWithOrders(shop, "h2", [{ at: during, total: 9000, cancelled: true }]);
    await customerWithOrders(shop, "h3", [{ at: during, total: 9000, test: true }]);
    await customerWithOrders(shop, "h4", [{ at: after, total: 9000 }]);
    for (const [id, arm] of [
      ["t1", "treated"],
      ["t2", "treated"],
      ["t3", "treated"],
      ["h1", "holdout"],
      ["h2", "holdout"],
      ["h3", "holdout"],
      ["h4", "holdout"],
    ]) {
      await db.experimentAssignment.create({
        data: {
          shopDomain: shop,
          experimentId: experiment.id,
          customerShopifyId: id!,
          arm: arm!,
          assignedAt,
        },
      });
    }
    // Tracking lookups: t1 once during, h1 twice during and once before its assignment.
    for (const [order, at] of [
      [t1First, during],
      [h1First, during],
      [h1First, during],
      [h1First, before],
    ] as const) {
      await db.analyticsTrackingView.create({
        data: { shopDomain: shop, orderShopifyId: order!, surface: "page", createdAt: at },
      });
    }

    // Support conversations: t2 asks twice during; h1 once during and once after the stop.
    for (const [order, at] of [
      [t2Order, during],
      [t2Order, during],
      [h1First, during],
      [h1First, after],
    ] as const) {
      await db.supportConversation.create({
        data: {
          shopDomain: shop,
          orderShopifyId: order!,
          orderName: "#1001",
          email: "shopper@example.com",
          context: "{}",
          createdAt: at,
        },
      });
    }

    const [result] = await experimentResults(shop, new Date("2026-12-01T00:00:00Z"));
    const { outcomes } = result!;
    expect(outcomes.customers).toEqual({ treated: 3, holdout: 4 });
    // Repeat: treated 2/3, held out 1/4.
    expect(outcomes.repeatRate.treated).toBeCloseTo(2 / 3, 10);
    expect(outcomes.repeatRate.heldOut).toBeCloseTo(1 / 4, 10);
    expect(outcomes.repeatRate.difference).toBeCloseTo(2 / 3 - 1 / 4, 10);
    // Revenue per customer: treated (2000 + 5000 + 0) / 3, held out (1000 + 0 + 0 + 0) / 4.
    expect(outcomes.revenuePerCustomer.treated).toBeCloseTo(7000 / 3, 6);
    expect(outcomes.revenuePerCustomer.heldOut).toBe(250);
    // WISMO: treated 1/3 lookups per customer, held out 2/4.
    expect(outcomes.wismoPerCustomer.treated).toBeCloseTo(1 / 3, 10);
    expect(outcomes.wismoPerCustomer.heldOut).toBe(0.5);
    // Support contacts: treated 2/3 per customer, held out 1/4.
    expect(outcomes.supportContactsPerCustomer.treated).toBeCloseTo(2 / 3, 10);
    expect(outcomes.supportContactsPerCustomer.heldOut).toBe(0.25);
    // Seven customers conclude nothing, whatever the intervals say.
    expect(outcomes.repeatRate.verdict).toBe("too_small");
    expect(outcomes.revenuePerCustomer.verdict).toBe("too_small");
  });

  it("has no experiments for a new shop", async () => {
    expect(await experimentResults(newShop())).toEqual([]);
  });
});

describe("customers/redact", () => {
  it("erases the customer's assignments only", async () => {
    const shop = newShop();
    await startExperiment(shop, "shipment_emails", 50);
    await isHeldOut(shop, "shipment_emails", "77");
    await isHeldOut(shop, "shipment_emails", "78");
    const erased = await redactCustomerExperiments({
      shopDomain: shop,
      customerShopifyId: "77",
      email: null,
      orderShopifyIds: [],
    });
    expect(erased).toEqual({ assignmentsDeleted: 1 });
    const left = await db.experimentAssignment.findMany({ where: { shopDomain: shop } });
    expect(left.map((row) => row.customerShopifyId)).toEqual(["78"]);
  });
});
