import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { paidOrderToday } from "../support/fixtures";
import { appUrl, BROWSER_UA, customerAccountToken, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const REFERRER = "115310627314723954";

function paidOrder(orderId: string, customerId: string, email: string, code: string | null) {
  let body = paidOrderToday({ id: Number(orderId) })
    .replace('"id": 115310627314723954', `"id": ${customerId}`)
    .replaceAll("john@example.com", email);
  if (code)
    body = body.replace(
      '"discount_codes": []',
      `"discount_codes": [{"code": "${code}", "amount": "0.00", "type": "percentage"}]`,
    );
  return body;
}

async function referralUrl(shop: string) {
  const response = await fetch(`${appUrl()}/api/loyalty`, {
    headers: {
      Authorization: `Bearer ${customerAccountToken(shop, REFERRER)}`,
      "User-Agent": BROWSER_UA,
    },
  });
  return ((await response.json()) as { referral: { code: string; url: string } | null }).referral;
}

describe("referrals", () => {
  it("gives the friend a discount and the referrer points once the friend's order is confirmed; refuses self-referral", async () => {
    const shop = uniqueShop("loyalty-referral");
    await installShop(shop);
    await db.loyaltySettings.create({
      data: {
        shopDomain: shop,
        returnWindowDays: 0,
        referralBonus: 200,
        referralFriendPercent: 15,
      },
    });
    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrder("1001", REFERRER, "john@example.com", null),
      webhookId: randomUUID(),
    });
    const referrer = await waitFor(
      async () =>
        (await db.loyaltyMember.findFirst({
          where: { shopDomain: shop, customerShopifyId: REFERRER, balance: 394 },
        })) ?? undefined,
    );

    const referral = await referralUrl(shop);
    expect(referral?.url).toBe(`https://${shop}/discount/${referral?.code}`);
    expect(referral?.code).toMatch(/^REF-[0-9A-F]{10}$/);
    // Asking again reuses the same Shopify discount.
    expect((await referralUrl(shop))?.code).toBe(referral?.code);
    const discounts = (await (
      await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/discounts`)
    ).json()) as {
      code: string;
      value: { percentage?: number };
    }[];
    expect(discounts).toEqual([
      expect.objectContaining({ code: referral!.code, value: { percentage: 0.15 } }),
    ]);

    // The referrer's own order with their code: refused.
    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrder("1002", REFERRER, "john@example.com", referral!.code),
      webhookId: randomUUID(),
    });
    await waitFor(
      async () =>
        (
          await db.loyaltyReferral.findFirst({
            where: { shopDomain: shop, orderShopifyId: "1002" },
          })
        )?.state === "refused",
    );

    // A friend's first order: the referrer earns when it is confirmed.
    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrder("1003", "5550001", "friend@example.com", referral!.code),
      webhookId: randomUUID(),
    });
    await waitFor(
      async () =>
        (
          await db.loyaltyReferral.findFirst({
            where: { shopDomain: shop, orderShopifyId: "1003" },
          })
        )?.state === "rewarded",
    );
    const bonus = await db.loyaltyEntry.findMany({
      where: { memberId: referrer.id, source: "referral" },
    });
    expect(bonus).toEqual([expect.objectContaining({ points: 200 })]);

    // The same friend again: no second reward.
    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrder("1004", "5550001", "friend@example.com", referral!.code),
      webhookId: randomUUID(),
    });
    await waitFor(
      async () =>
        (await db.loyaltyOrder.findFirst({
          where: { shopDomain: shop, orderShopifyId: "1004", confirmedAt: { not: null } },
        })) ?? undefined,
    );
    expect(
      await db.loyaltyEntry.count({ where: { memberId: referrer.id, source: "referral" } }),
    ).toBe(1);
  });
});

describe("the referral discount in Shopify", () => {
  /** A shopper enters the code at checkout and orders (the stand-in applies Shopify's rules). */
  async function checkout(shop: string, code: string, customerId: string, numberOfOrders: number) {
    const response = await fetch(`${standinUrl()}/__standin/shops/${shop}/checkout-discount`, {
      method: "POST",
      body: JSON.stringify({
        code,
        customerId: `gid://shopify/Customer/${customerId}`,
        numberOfOrders,
      }),
    });
    return ((await response.json()) as { applied: boolean }).applied;
  }

  // Issue #15, item 7: a REF- code posted publicly was a discount for every customer of the shop.
  it("is for new customers only, once each, so a code posted publicly gives existing customers nothing", async () => {
    const shop = uniqueShop("referral-once");
    await installShop(shop);
    await db.loyaltySettings.create({
      data: { shopDomain: shop, referralBonus: 200, referralFriendPercent: 15 },
    });
    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrder("2001", REFERRER, "john@example.com", null),
      webhookId: randomUUID(),
    });
    await waitFor(
      async () =>
        (await db.loyaltyMember.findFirst({
          where: { shopDomain: shop, customerShopifyId: REFERRER },
        })) ?? undefined,
    );
    const { code } = (await referralUrl(shop))!;

    expect(await checkout(shop, code, REFERRER, 1)).toBe(false);
    expect(await checkout(shop, code, "5550101", 3)).toBe(false);
    expect(await checkout(shop, code, "5550102", 0)).toBe(true);
    expect(await checkout(shop, code, "5550102", 0)).toBe(false);
    expect(await checkout(shop, code, "5550103", 0)).toBe(true);

    // Another member's code reuses the shop's segment instead of making a second one.
    const segments = (await (
      await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/segments`)
    ).json()) as { query: string }[];
    expect(segments).toEqual([expect.objectContaining({ query: "number_of_orders = 0" })]);
  });
});
