import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { adminDocument, adminFetch } from "../support/http";
import { installShop } from "../support/install";
import { shopWithMember } from "./support";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

describe("loyalty admin", () => {
  it("lists members and shows one with balance, tier and ledger; never another shop's", async () => {
    const { shop, member } = await shopWithMember("loyalty-admin");
    const list = await (await adminDocument(shop, "/app/loyalty")).text();
    expect(list).toContain("john@example.com");
    expect(list).toContain("394");
    const none = await (await adminDocument(shop, "/app/loyalty?query=nobody")).text();
    expect(none).toContain("No members match");

    const page = await (await adminDocument(shop, `/app/loyalty/members/${member.id}`)).text();
    expect(page).toContain("394 points");
    expect(page).toContain("Order earned");
    expect(page).toContain("Return window closed: confirmed");

    const other = uniqueShop("loyalty-admin-other");
    await installShop(other);
    expect((await adminDocument(other, `/app/loyalty/members/${member.id}`)).status).toBe(404);
    const foreign = await adminFetch(
      other,
      `/app/loyalty/members/${member.id}.data`,
      form({ points: "1000", reason: "steal", requestKey: randomUUID() }),
    );
    expect(foreign.status).toBe(404);
  });

  it("adjusts points with a required reason, once per submission, naming the staff member", async () => {
    const { shop, member } = await shopWithMember("loyalty-adjust");
    const path = `/app/loyalty/members/${member.id}.data`;
    const missingReason = await adminFetch(
      shop,
      path,
      form({ points: "50", reason: "", requestKey: randomUUID() }),
    );
    expect(missingReason.status).toBe(400);
    expect(await missingReason.text()).toContain("Say why");

    const requestKey = randomUUID();
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await adminFetch(
        shop,
        path,
        form({ points: "-100", reason: "Goodwill correction", requestKey }),
      );
      expect(response.status).toBe(200);
    }
    const after = await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.balance).toBe(294);
    const adjustments = await db.loyaltyEntry.findMany({
      where: { memberId: member.id, source: "manual" },
    });
    expect(adjustments).toHaveLength(1);
    expect(adjustments[0]).toMatchObject({
      points: -100,
      note: "Goodwill correction",
      actor: "staff:1",
    });
  });

  it("saves the program, previews a sample order and reports the liability as CSV", async () => {
    const { shop } = await shopWithMember("loyalty-settings");
    const invalid = await adminFetch(
      shop,
      "/app/loyalty/settings.data",
      form({
        pointsPerUnit: "0",
        returnWindowDays: "30",
        tierBasis: "points",
        tiers: "[",
        rewards: "[]",
        tagMultipliers: "[]",
      }),
    );
    expect(invalid.status).toBe(400);
    const refusal = await invalid.text();
    expect(refusal).toContain("Points per 1 USD: enter a whole number from 1 to 1,000.");
    expect(refusal).toContain("Tiers (JSON, lowest first): this is not valid JSON.");

    const saved = await adminFetch(
      shop,
      "/app/loyalty/settings.data",
      form({
        enabled: "on",
        pointsPerUnit: "2",
        excludeDiscounts: "on",
        excludeShipping: "on",
        excludeTaxes: "on",
        returnWindowDays: "14",
        firstOrderBonus: "50",
        birthdayBonus: "0",
        surveyBonus: "10",
        referralBonus: "100",
        referralFriendPercent: "15",
        expiryInactiveDays: "365",
        expiryWarningDays: "30",
        tierBasis: "points",
        tagMultipliers: "[]",
        tiers: JSON.stringify([{ name: "Gold", threshold: 300, earnMultiplier: 2 }]),
        rewards: JSON.stringify([
          { id: "five", name: "$5 off", kind: "fixed", points: 250, value: 500, minimumOrder: 0 },
        ]),
      }),
    );
    expect(saved.status).toBe(200);
    expect(
      await db.loyaltySettings.findUniqueOrThrow({ where: { shopDomain: shop } }),
    ).toMatchObject({
      pointsPerUnit: 2,
      returnWindowDays: 14,
      firstOrderBonus: 50,
    });
    // Sample order: 120.00 − 10.00 of discounts = 110.00 at 2 points → 220; Gold doubles it.
    const page = await (await adminDocument(shop, "/app/loyalty/settings")).text();
    expect(page).toContain("This order earns 220 points");
    expect(page).toContain("Gold: 440 points");

    const csv = await (await adminFetch(shop, "/app/loyalty/liability/export")).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("month,issued,reversed,redeemed,expired,adjusted,redeemed_value_USD");
    expect(lines.at(-4)).toMatch(
      new RegExp(`^${new Date().toISOString().slice(0, 7)},394,0,0,0,0,0.00$`),
    );
    // 394 spendable points at $5 per 250 points = $7.88.
    expect(lines.at(-3)).toBe("outstanding,394,,,,,7.88");
    expect(lines.at(-2)).toBe("reward_orders_revenue,0,,,,,0.00");
  });
});
