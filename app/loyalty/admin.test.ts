import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { liabilityReport, pointValue } from "./admin.server";
import { appendEntry, ensureMember, ledgerTransaction } from "./ledger.server";
import { DEFAULT_PROGRAM } from "./settings";

const newShop = () => `loyalty-${randomUUID().slice(0, 8)}.myshopify.com`;

async function entry(shop: string, memberId: string, kind: string, points: number, at: Date) {
  const created = await ledgerTransaction((tx) =>
    appendEntry(tx, {
      shopDomain: shop,
      memberId,
      idempotencyKey: randomUUID(),
      source: kind === "hold" ? "reward" : kind === "expire" ? "expiry" : "order",
      kind,
      points,
    }),
  );
  await db.loyaltyEntry.update({ where: { id: created!.id }, data: { createdAt: at } });
}

describe("liability report", () => {
  it("values spendable points at the best fixed reward rate, ignoring negative balances", () => {
    expect(pointValue(DEFAULT_PROGRAM)).toBe(1); // 500 points → $5.00
    expect(
      pointValue({
        ...DEFAULT_PROGRAM,
        rewards: [
          { id: "p", name: "10%", kind: "percentage", points: 10, value: 10, minimumOrder: 0 },
        ],
      }),
    ).toBe(0);
  });

  it("sums each month's movements; an ended month is stored once and read after", async () => {
    const shop = newShop();
    await db.loyaltySettings.create({
      data: { shopDomain: shop, rewards: JSON.stringify(DEFAULT_PROGRAM.rewards) },
    });
    const member = await db.$transaction((tx) =>
      ensureMember(tx, shop, { customerShopifyId: "1" }),
    );
    const owing = await db.$transaction((tx) => ensureMember(tx, shop, { customerShopifyId: "2" }));
    const now = new Date("2026-11-20T12:00:00Z");
    await entry(shop, member.id, "earn", 700, new Date("2026-10-03T00:00:00Z"));
    await entry(shop, member.id, "hold", -500, new Date("2026-10-09T00:00:00Z"));
    await entry(shop, member.id, "earn", 100, new Date("2026-11-02T00:00:00Z"));
    await entry(shop, owing.id, "hold", -50, new Date("2026-11-03T00:00:00Z"));

    const report = await liabilityReport(shop, now, 2);
    expect(report.months).toEqual([
      { month: "2026-10", issued: 700, reversed: 0, redeemed: 500, expired: 0, adjusted: 0 },
      { month: "2026-11", issued: 100, reversed: 0, redeemed: 50, expired: 0, adjusted: 0 },
    ]);
    expect(report).toMatchObject({ spendable: 300, liability: 300, members: 2 });

    // October is closed: its stored totals are what the report reads from now on.
    await entry(shop, member.id, "earn", 1, new Date("2026-10-20T00:00:00Z"));
    await entry(shop, member.id, "earn", 5, new Date("2026-11-10T00:00:00Z"));
    const again = await liabilityReport(shop, now, 2);
    expect(again.months.map((month) => month.issued)).toEqual([700, 105]);
  });
});
