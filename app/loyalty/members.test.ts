import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { appendEntry, ensureMember, ledgerSums, ledgerTransaction } from "./ledger.server";
import {
  expireInactivePoints,
  grantBirthdayBonuses,
  isBirthday,
  pointsExpiringNotification,
  refreshTier,
  setBirthday,
} from "./members.server";
import { judgeReferral, MAX_REFERRALS_PER_MONTH } from "./referrals.server";
import { DEFAULT_PROGRAM, type Program } from "./settings";
import { nextTier, tierFor, tierMove } from "./tiers";

const newShop = () => `loyalty-${randomUUID().slice(0, 8)}.myshopify.com`;
const TIERS = [
  { name: "Silver", threshold: 500, earnMultiplier: 1.25, rewardDiscountPercent: 0 },
  { name: "Gold", threshold: 2000, earnMultiplier: 1.5, rewardDiscountPercent: 10 },
];
const program: Program = { ...DEFAULT_PROGRAM, tiers: TIERS };

async function memberWith(shop: string, points: number, createdAt?: Date) {
  const member = await db.$transaction((tx) =>
    ensureMember(tx, shop, { customerShopifyId: "42", email: "ana@example.com" }),
  );
  if (points) {
    const entry = await ledgerTransaction((tx) =>
      appendEntry(tx, {
        shopDomain: shop,
        memberId: member.id,
        idempotencyKey: `order:${randomUUID()}:earn`,
        source: "order",
        kind: "earn",
        points,
      }),
    );
    if (createdAt) await db.loyaltyEntry.update({ where: { id: entry!.id }, data: { createdAt } });
  }
  return member;
}

describe("tiers", () => {
  it("picks the highest tier reached and says what the next one takes", () => {
    expect(tierFor(program, 499)).toBeNull();
    expect(tierFor(program, 500)?.name).toBe("Silver");
    expect(tierFor(program, 5000)?.name).toBe("Gold");
    expect(nextTier(program, 600)).toMatchObject({ tier: { name: "Gold" }, remaining: 1400 });
    expect(tierMove(program, "Silver", "Gold")).toBe("promotion");
    expect(tierMove(program, "Gold", null)).toBe("demotion");
    expect(tierMove(program, "Gold", "Gold")).toBeNull();
  });

  it("promotes on points of the last 12 months and demotes when they age out, recording both", async () => {
    const shop = newShop();
    await db.loyaltySettings.create({ data: { shopDomain: shop, tiers: JSON.stringify(TIERS) } });
    const member = await memberWith(shop, 2500);
    expect(await refreshTier(shop, member.id)).toMatchObject({
      to: "Gold",
      direction: "promotion",
    });
    expect(await refreshTier(shop, member.id)).toBeNull();
    const inAYear = new Date(Date.now() + 366 * 24 * 3600 * 1000);
    expect(await refreshTier(shop, member.id, inAYear)).toMatchObject({
      from: "Gold",
      to: null,
      direction: "demotion",
    });
    const changes = await db.loyaltyTierChange.findMany({
      where: { memberId: member.id },
      orderBy: { createdAt: "asc" },
    });
    expect(changes.map((change) => change.direction)).toEqual(["promotion", "demotion"]);
  });
});

describe("expiry", () => {
  it("warns before points expire, then expires them after the inactivity period", async () => {
    const shop = newShop();
    await db.loyaltySettings.create({
      data: { shopDomain: shop, expiryInactiveDays: 100, expiryWarningDays: 10 },
    });
    const member = await memberWith(shop, 300);
    const day = 24 * 3600 * 1000;
    const active = await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } });

    expect(
      await expireInactivePoints(shop, new Date(active.lastActivityAt!.getTime() + 50 * day)),
    ).toEqual({ warned: 0, expired: 0 });
    expect(
      await expireInactivePoints(shop, new Date(active.lastActivityAt!.getTime() + 95 * day)),
    ).toEqual({ warned: 1, expired: 0 });
    // The warning is an email queued with the notifications engine, to the member.
    expect(
      await db.notificationMessage.findMany({
        where: { shopDomain: shop, trigger: "loyalty.points_expiring" },
        select: { recipient: true, customerShopifyId: true },
      }),
    ).toEqual([{ recipient: "ana@example.com", customerShopifyId: "42" }]);
    // And an event, in the same transaction as the warning (Shopify Flow's points-expiring trigger).
    const warnings = await db.outboxEvent.findMany({
      where: { shopDomain: shop, type: "loyalty.points_expiring" },
    });
    expect(warnings.map((event) => JSON.parse(event.data))).toEqual([
      {
        memberId: member.id,
        customerId: "42",
        points: active.balance,
        expiresAt: new Date(active.lastActivityAt!.getTime() + 100 * day).toISOString(),
      },
    ]);
    // Warned once per inactivity period.
    expect(
      await expireInactivePoints(shop, new Date(active.lastActivityAt!.getTime() + 96 * day)),
    ).toEqual({ warned: 0, expired: 0 });
    expect(
      await expireInactivePoints(shop, new Date(active.lastActivityAt!.getTime() + 101 * day)),
    ).toEqual({ warned: 0, expired: 1 });
    const expired = await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } });
    expect(expired.balance).toBe(0);
    expect(await ledgerSums(member.id)).toEqual({ balance: 0, pending: 0 });
  });

  it("asks the notifications engine for one warning per member and period", () => {
    const notification = pointsExpiringNotification(
      "shop.myshopify.com",
      {
        id: "m1",
        email: "ana@example.com",
        customerShopifyId: "42",
        balance: 300,
        firstName: "Ana",
      },
      new Date("2027-03-01T00:00:00Z"),
    );
    expect(notification).toEqual({
      shop: "shop.myshopify.com",
      trigger: "loyalty.points_expiring",
      subjectKey: "loyalty-member:m1:2027-03-01",
      recipient: { email: "ana@example.com", customerShopifyId: "42" },
      data: { balance: 300, expiresAt: "2027-03-01T00:00:00.000Z", firstName: "Ana" },
    });
  });
});

describe("referrals", () => {
  const base = {
    referrer: { customerShopifyId: "1", email: "a@example.com" },
    friend: { customerShopifyId: "2", email: "b@example.com" },
    friendHadEarlierOrders: false,
    friendAlreadyReferred: false,
    referrerRecentReferrals: 0,
  };
  it("accepts a new friend's first order", () => {
    expect(judgeReferral(base)).toEqual({ ok: true });
  });
  it("refuses self-referral by customer or email, repeat friends and too many referrals", () => {
    expect(
      judgeReferral({ ...base, friend: { customerShopifyId: "1", email: null } }),
    ).toMatchObject({ ok: false, reason: "self-referral" });
    expect(
      judgeReferral({ ...base, friend: { customerShopifyId: "3", email: "a@example.com" } }),
    ).toMatchObject({ ok: false, reason: "self-referral" });
    expect(judgeReferral({ ...base, friendHadEarlierOrders: true })).toMatchObject({ ok: false });
    expect(judgeReferral({ ...base, friendAlreadyReferred: true })).toMatchObject({ ok: false });
    expect(
      judgeReferral({ ...base, referrerRecentReferrals: MAX_REFERRALS_PER_MONTH }),
    ).toMatchObject({ ok: false });
  });
});

describe("abandoned redemptions", () => {
  it("gives back points held for a reward Shopify never answered about", async () => {
    const shop = newShop();
    await db.loyaltySettings.create({ data: { shopDomain: shop, rewards: JSON.stringify([]) } });
    const member = await memberWith(shop, 500);
    const { redeemReward, releaseAbandonedHolds } = await import("./rewards.server");
    await db.loyaltySettings.update({
      where: { shopDomain: shop },
      data: {
        rewards: JSON.stringify([
          { id: "r", name: "R", kind: "fixed", points: 300, value: 300, minimumOrder: 0 },
        ]),
      },
    });
    // The process "dies" while Shopify is being asked: the issuer never returns.
    void redeemReward(
      { shopDomain: shop, customerShopifyId: "42", rewardId: "r", requestKey: "crash-1" },
      () => new Promise(() => {}),
    );
    const held = await (async () => {
      for (;;) {
        const row = await db.loyaltyRedemption.findFirst({ where: { shopDomain: shop } });
        if (row) return row;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    expect((await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } })).balance).toBe(
      200,
    );
    await releaseAbandonedHolds(new Date());
    expect((await db.loyaltyRedemption.findUniqueOrThrow({ where: { id: held.id } })).state).toBe(
      "holding",
    );
    await releaseAbandonedHolds(new Date(held.createdAt.getTime() + 16 * 60_000));
    expect((await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } })).balance).toBe(
      500,
    );
    expect(await db.loyaltyRedemption.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({
      state: "released",
    });
  });
});

describe("birthdays", () => {
  it("accepts real month-days only, once per member, and grants the bonus once a year", async () => {
    expect(["07-14", "02-29", "12-31"].every(isBirthday)).toBe(true);
    expect(["7-14", "02-30", "13-01", "00-10", "04-31"].some(isBirthday)).toBe(false);
    const shop = newShop();
    await db.loyaltySettings.create({ data: { shopDomain: shop, birthdayBonus: 100 } });
    const member = await memberWith(shop, 0);
    expect(await setBirthday(shop, member.id, "02-29")).toBe(true);
    expect(await setBirthday(shop, member.id, "03-01")).toBe(false);
    // Not a leap year: celebrated on 02-28.
    expect(await grantBirthdayBonuses(shop, new Date("2027-02-27T10:00:00Z"))).toBe(0);
    expect(await grantBirthdayBonuses(shop, new Date("2027-02-28T10:00:00Z"))).toBe(1);
    expect(await grantBirthdayBonuses(shop, new Date("2027-02-28T18:00:00Z"))).toBe(0);
    expect(await grantBirthdayBonuses(shop, new Date("2028-02-29T10:00:00Z"))).toBe(1);
    expect((await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } })).balance).toBe(
      200,
    );
  });
});
