import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { automaticLabel } from "./automation.server";

/** A portal return as Shopify knows it, in `status`, with one line resolved as `resolution`. */
async function aReturn(status: string, resolution: string) {
  const shop = `auto-label-${randomUUID().slice(0, 8)}.myshopify.com`;
  const created = await db.returnRequest.create({
    data: {
      shopDomain: shop,
      shopifyId: "945000954",
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
          resolution,
          unitPrice: 8999,
          amount: 8999,
        },
      },
    },
  });
  return { shop, id: created.id };
}

const run = (shop: string, returnId: string) =>
  automaticLabel.run(
    { shop, returnId },
    { jobId: randomUUID(), retryCount: 0, isLastAttempt: false },
  );

const timeline = (returnId: string) =>
  db.returnEvent.findMany({
    where: { returnId },
    select: { kind: true, actor: true, detail: true },
  });

describe("the label the policy buys on approval", () => {
  it("tells the merchant on the timeline when it cannot be bought, and buys nothing", async () => {
    const { shop, id } = await aReturn("open", "refund");
    await run(shop, id);
    expect(await timeline(id)).toEqual([
      {
        kind: "note",
        actor: "system",
        detail:
          "Return label not bought automatically: Connect EasyPost under Shipments → Tracking settings to buy return labels",
      },
    ]);
    expect(await db.returnLabel.count({ where: { returnId: id } })).toBe(0);
  });

  it("is not bought for a return that moved on, or whose items all stay with the shopper", async () => {
    for (const [status, resolution] of [
      ["declined", "refund"],
      ["in_transit", "refund"],
      ["open", "keep"],
    ]) {
      const { shop, id } = await aReturn(status!, resolution!);
      await run(shop, id);
      expect(await timeline(id)).toEqual([]);
    }
  });
});
