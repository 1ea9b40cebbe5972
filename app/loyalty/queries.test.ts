import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { appendEntry, ensureMember, ledgerTransaction } from "./ledger.server";
import { saveProgram } from "./program.server";
import { memberSummary, shopperLoyaltyPage } from "./queries.server";
import { DEFAULT_PROGRAM } from "./settings";

const newShop = () => `loyalty-page-${randomUUID().slice(0, 8)}.myshopify.com`;
const TIERS = [
  { name: "Silver", threshold: 100, earnMultiplier: 1.25, rewardDiscountPercent: 0 },
  { name: "Gold", threshold: 1000, earnMultiplier: 1.5, rewardDiscountPercent: 10 },
];
const DAY_MS = 86_400_000;

/** A member with entries inside and outside the 12 months tiers look at, and two redemptions. */
async function seededMember(shop: string) {
  await db.shop.create({ data: { domain: shop, currencyCode: "EUR" } });
  await db.loyaltySettings.create({ data: { shopDomain: shop, tiers: JSON.stringify(TIERS) } });
  const member = await db.$transaction((tx) =>
    ensureMember(tx, shop, { customerShopifyId: "7001", email: "ana@example.com" }),
  );
  const entry = async (kind: "earn" | "reverse" | "bonus", points: number, ageDays: number) => {
    const created = await ledgerTransaction((tx) =>
      appendEntry(tx, {
        shopDomain: shop,
        memberId: member.id,
        idempotencyKey: `test:${randomUUID()}`,
        source: kind === "reverse" ? "refund" : kind === "bonus" ? "bonus" : "order",
        kind: kind === "bonus" ? "earn" : kind,
        points,
        note: kind === "bonus" ? "Welcome" : null,
      }),
    );
    await db.loyaltyEntry.update({
      where: { id: created!.id },
      data: { createdAt: new Date(Date.now() - ageDays * DAY_MS) },
    });
  };
  await entry("earn", 500, 400); // older than 12 months: not in the tier measure
  await entry("earn", 120, 30);
  await entry("reverse", -20, 20);
  await entry("bonus", 50, 10);
  for (const [state, code] of [
    ["issued", "LOYAL-1"],
    ["released", null],
  ] as const) {
    await db.loyaltyRedemption.create({
      data: {
        shopDomain: shop,
        memberId: member.id,
        rewardId: "five-off",
        requestKey: randomUUID(),
        kind: "fixed",
        points: 500,
        value: 500,
        currency: "EUR",
        state,
        code,
      },
    });
  }
  return member;
}

describe("the customer-account loyalty page", () => {
  it("shows what the member summary shows: balances, tier measure, history and issued codes", async () => {
    const shop = newShop();
    await seededMember(shop);
    const page = await shopperLoyaltyPage(shop, "7001", 3);
    const summary = await memberSummary(shop, "7001", 3);

    expect(page.currency).toBe("EUR");
    expect(page.balance).toBe(summary.balance);
    expect(page.pending).toBe(summary.pending);
    expect(page.tier).toBe(summary.tier);
    // 120 - 20 + 50 in the last 12 months: Silver is reached, Gold is 850 away.
    expect(summary.qualifying).toBe(150);
    expect(page.next).toEqual(summary.next);
    expect(page.next).toMatchObject({ tier: { name: "Gold" }, remaining: 850 });
    expect(page.entries).toEqual(
      summary.entries.map(({ id, createdAt, source, kind, points, pendingPoints, note }) => ({
        id,
        createdAt,
        source,
        kind,
        points,
        pendingPoints,
        note,
      })),
    );
    expect(page.entries.map((entry) => entry.note)).toEqual(["Welcome", null, null]);
    expect(page.redemptions).toEqual(
      summary.redemptions.map(({ code, kind, value, createdAt }) => ({
        code,
        kind,
        value,
        createdAt,
      })),
    );
    expect(page.redemptions.map((redemption) => redemption.code)).toEqual(["LOYAL-1"]);
    expect(page.rewards).toEqual(summary.rewards);
  });

  it("shows a program saved in this process at once", async () => {
    const shop = newShop();
    await seededMember(shop);
    expect(await shopperLoyaltyPage(shop, "7001")).toMatchObject({
      next: { tier: { name: "Gold" } },
      rewards: [],
    });
    const only = { id: "tote", name: "Tote bag", kind: "fixed", points: 50, value: 900 } as const;
    await saveProgram(shop, {
      ...DEFAULT_PROGRAM,
      tiers: [],
      rewards: [{ ...only, minimumOrder: 0 }],
    });
    const page = await shopperLoyaltyPage(shop, "7001");
    expect(page.rewards).toEqual([{ ...only, minimumOrder: 0, affordable: true }]);
    expect(page.next).toBeNull();
  });

  it("shows an empty page to a customer who is not a member yet", async () => {
    const shop = newShop();
    await seededMember(shop);
    const page = await shopperLoyaltyPage(shop, "9999");
    expect(page).toMatchObject({ member: null, balance: 0, pending: 0, entries: [] });
    expect(page.next).toMatchObject({ tier: { name: "Silver" }, remaining: 100 });
  });
});
