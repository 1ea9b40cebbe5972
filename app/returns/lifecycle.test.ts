import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import {
  approveReturn,
  declineReturn,
  markReceived,
  nextActions,
  processReturn,
} from "./lifecycle.server";

async function aReturn(status: string) {
  const shop = `lifecycle-${randomUUID().slice(0, 8)}.myshopify.com`;
  const created = await db.returnRequest.create({
    data: {
      shopDomain: shop,
      orderShopifyId: "820982911946154508",
      orderName: "#9999",
      email: "jon@example.com",
      idempotencyKey: randomUUID(),
      status,
      currency: "USD",
      totalAmount: 8999,
      lines: {
        create: {
          shopDomain: shop,
          lineItemShopifyId: "487817672276298554",
          title: "Aviator sunglasses",
          quantity: 1,
          reason: "unwanted",
          resolution: "refund",
          unitPrice: 8999,
          amount: 8999,
        },
      },
    },
  });
  return { shop, id: created.id };
}

const events = (id: string) =>
  db.returnEvent.findMany({ where: { returnId: id }, orderBy: { occurredAt: "asc" } });

/** The domain events written to the outbox for the return, oldest first. */
async function domainEvents(id: string) {
  const rows = await db.outboxEvent.findMany({
    where: { aggregate: "return", aggregateId: id },
    orderBy: { sequence: "asc" },
  });
  return rows.map((row) => ({ type: row.type, shop: row.shopDomain, data: JSON.parse(row.data) }));
}

describe("the actions a return's page offers", () => {
  it("are the transitions that move it on from its status, and none once it is settled", () => {
    expect(nextActions("requested")).toEqual(["approve"]);
    expect(nextActions("open")).toEqual(["issue_label", "receive", "process"]);
    expect(nextActions("in_transit")).toEqual(["receive", "process"]);
    expect(nextActions("received")).toEqual(["process"]);
    for (const settled of ["closed", "declined", "cancelled"]) {
      expect(nextActions(settled)).toEqual([]);
    }
  });
});

describe("the merchant's actions on a return", () => {
  it("approves a requested return once, however often it is asked", async () => {
    const { shop, id } = await aReturn("requested");
    expect(await approveReturn(shop, id)).toEqual({ ok: true, status: "open" });
    expect(await approveReturn(shop, id)).toEqual({ ok: true, status: "open" });
    const row = await db.returnRequest.findUniqueOrThrow({ where: { id } });
    expect(row.approvedAt).not.toBeNull();
    expect((await events(id)).map((event) => [event.kind, event.actor])).toEqual([
      ["approved", "merchant"],
    ]);
    expect(await domainEvents(id)).toEqual([
      {
        type: "return.approved",
        shop,
        data: { returnId: id, orderId: "820982911946154508" },
      },
    ]);
  });

  it("approves exactly once when two approvals race", async () => {
    const { shop, id } = await aReturn("requested");
    const results = await Promise.all([approveReturn(shop, id), approveReturn(shop, id)]);
    expect(results).toEqual([
      { ok: true, status: "open" },
      { ok: true, status: "open" },
    ]);
    expect(await events(id)).toHaveLength(1);
    expect((await domainEvents(id)).map((event) => event.type)).toEqual(["return.approved"]);
  });

  it("declines with the reason the customer sees", async () => {
    const { shop, id } = await aReturn("requested");
    expect(await declineReturn(shop, id, "  Worn items cannot be returned ")).toEqual({
      ok: true,
      status: "declined",
    });
    expect(await db.returnRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      declineReason: "Worn items cannot be returned",
    });
    expect(await declineReturn(shop, id, "again")).toEqual({ ok: true, status: "declined" });
    const timeline = await events(id);
    expect(timeline.map((event) => [event.kind, event.detail])).toEqual([
      ["declined", "Worn items cannot be returned"],
    ]);
    expect((await domainEvents(id)).map((event) => event.type)).toEqual(["return.declined"]);
  });

  it("needs a reason to decline", async () => {
    const { shop, id } = await aReturn("requested");
    expect(await declineReturn(shop, id, "   ")).toEqual({
      ok: false,
      message: "Tell the customer why the return is declined",
    });
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id } })).status).toBe("requested");
  });

  it.each([
    [
      "approve a declined return",
      "declined",
      (s: string, i: string) => approveReturn(s, i),
      "This return is declined and cannot be approved",
    ],
    [
      "decline an open return",
      "open",
      (s: string, i: string) => declineReturn(s, i, "no"),
      "This return is open and cannot be declined",
    ],
    [
      "receive a requested return",
      "requested",
      (s: string, i: string) => markReceived(s, i),
      "This return is waiting for approval and cannot be received",
    ],
    [
      "process a cancelled return",
      "cancelled",
      (s: string, i: string) => processReturn(s, i),
      "This return is cancelled and cannot be processed",
    ],
  ])(
    "refuses to %s with a clear message and records nothing",
    async (_case, status, act, message) => {
      const { shop, id } = await aReturn(status);
      expect(await act(shop, id)).toEqual({ ok: false, message });
      expect((await db.returnRequest.findUniqueOrThrow({ where: { id } })).status).toBe(status);
      expect(await events(id)).toHaveLength(0);
      expect(await domainEvents(id)).toEqual([]);
    },
  );

  it("receives an open return once, and counts a closed one as received", async () => {
    const { shop, id } = await aReturn("open");
    expect(await markReceived(shop, id)).toEqual({ ok: true, status: "received" });
    expect(await markReceived(shop, id)).toEqual({ ok: true, status: "received" });
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id } })).receivedAt).not.toBeNull();
    expect((await events(id)).map((event) => event.kind)).toEqual(["received"]);
    expect((await domainEvents(id)).map((event) => event.type)).toEqual(["return.received"]);
    const closed = await aReturn("closed");
    expect(await markReceived(closed.shop, closed.id)).toEqual({ ok: true, status: "closed" });
    expect(await processReturn(closed.shop, closed.id)).toEqual({ ok: true, status: "closed" });
  });

  it("processes only once Shopify knows the return, since the refund is issued there", async () => {
    const { shop, id } = await aReturn("received");
    expect(await processReturn(shop, id)).toEqual({
      ok: false,
      message: "This return is not in Shopify yet; try again in a minute",
    });
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id } })).status).toBe("received");
  });

  it("does not touch another shop's return", async () => {
    const { id } = await aReturn("requested");
    const other = `lifecycle-${randomUUID().slice(0, 8)}.myshopify.com`;
    expect(await approveReturn(other, id)).toEqual({ ok: false, message: "Return not found" });
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id } })).status).toBe("requested");
  });
});
