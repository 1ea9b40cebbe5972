import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { sessionToken } from "../../scripts/standin/signing";
import { TEST_API_KEY, TEST_API_SECRET, uniqueShop } from "../support/constants";
import { paidOrderToday, webhookFixture, withFields } from "../support/fixtures";
import { adminApiCalls, appUrl, BROWSER_UA, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const CUSTOMER = "115310627314723954";

/** Shopify's sample order as a real paid, live order of today. */
function paidOrder(fields: Record<string, unknown> = {}) {
  return paidOrderToday({ financial_status: "paid", cancel_reason: null, ...fields });
}

function refund(fields: Record<string, unknown> = {}) {
  return withFields(webhookFixture("refunds/create"), {
    created_at: new Date(Date.now() + 1000).toISOString(),
    processed_at: new Date(Date.now() + 1000).toISOString(),
    ...fields,
  });
}

async function setupShop(prefix: string, settings: Record<string, unknown> = {}) {
  const shop = uniqueShop(prefix);
  await installShop(shop);
  await db.loyaltySettings.create({ data: { shopDomain: shop, ...settings } });
  return shop;
}

async function memberOf(
  shop: string,
  until: (member: { balance: number; pending: number }) => boolean,
) {
  return waitFor(
    async () => {
      const member = await db.loyaltyMember.findUnique({
        where: { shopDomain_customerShopifyId: { shopDomain: shop, customerShopifyId: CUSTOMER } },
      });
      return member && until(member) ? member : undefined;
    },
    { message: `member of ${shop}` },
  );
}

function customerToken(shop: string, customerId = CUSTOMER) {
  return sessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: TEST_API_SECRET,
    issuer: "shop",
    sub: `gid://shopify/Customer/${customerId}`,
  });
}

function loyaltyApi(shop: string, init: RequestInit = {}, customerId = CUSTOMER) {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${customerToken(shop, customerId)}`);
  headers.set("User-Agent", BROWSER_UA);
  headers.set("Origin", "https://extensions.shopifycdn.com");
  return fetch(`${appUrl()}/api/loyalty`, { ...init, headers });
}

const redeem = (shop: string, rewardId: string, requestKey = randomUUID()) =>
  loyaltyApi(shop, {
    method: "POST",
    body: JSON.stringify({ rewardId, requestKey }),
    headers: { "Content-Type": "application/json" },
  });

describe("loyalty from Shopify's webhooks", () => {
  it("earns pending points on a paid order once, however often Shopify delivers it", async () => {
    const shop = await setupShop("loyalty-earn", { returnWindowDays: 30 });
    const body = paidOrder();
    const first = await sendWebhook({ shop, topic: "orders/paid", body, webhookId: randomUUID() });
    expect(first.status).toBe(200);
    // A retry (same delivery id) and a duplicate delivery of the same event (new id).
    const webhookId = randomUUID();
    await sendWebhook({ shop, topic: "orders/paid", body, webhookId });
    await sendWebhook({ shop, topic: "orders/paid", body, webhookId });
    await sendWebhook({ shop, topic: "orders/paid", body, webhookId: randomUUID() });

    // 414.95 of lines − 20.00 of discounts = 394.95 → 394 points, pending for 30 days.
    const member = await memberOf(shop, (m) => m.pending === 394);
    await waitFor(
      async () =>
        (await db.webhookDelivery.count({
          where: { shopDomain: shop, topic: "orders/paid", status: "processed" },
        })) === 3,
    );
    const entries = await db.loyaltyEntry.findMany({ where: { memberId: member.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      source: "order",
      kind: "earn",
      pendingPoints: 394,
      points: 0,
    });
    expect((await db.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } })).balance).toBe(
      0,
    );

    // The balance is mirrored to the customer's metafields for themes.
    const metafields = await waitFor(async () => {
      const store = (await (
        await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/metafields`)
      ).json()) as Record<string, Record<string, { value: string }>> | null;
      return store?.[`gid://shopify/Customer/${CUSTOMER}`]?.["$app:loyalty.pending"]?.value ===
        "394"
        ? store
        : undefined;
    });
    expect(metafields[`gid://shopify/Customer/${CUSTOMER}`]!["$app:loyalty.balance"]!.value).toBe(
      "0",
    );
  });

  it("confirms after the return window and reverses a partial refund from spendable points", async () => {
    const shop = await setupShop("loyalty-confirm", { returnWindowDays: 0 });
    await sendWebhook({ shop, topic: "orders/paid", body: paidOrder(), webhookId: randomUUID() });
    // The confirmation job runs at once with a zero-day window.
    const confirmed = await memberOf(shop, (m) => m.balance === 394 && m.pending === 0);
    expect(confirmed.balance).toBe(394);

    // Refund of the sunglasses only (89.99 of 394.95 earnable): round(394 × 8999 / 39495) = 90.
    await sendWebhook({
      shop,
      topic: "refunds/create",
      body: singleLineRefund(),
      webhookId: randomUUID(),
    });
    await sendWebhook({
      shop,
      topic: "refunds/create",
      body: singleLineRefund(),
      webhookId: randomUUID(),
    });
    const after = await memberOf(shop, (m) => m.balance === 394 - 90);
    const reversals = await db.loyaltyEntry.findMany({
      where: { memberId: after.id, kind: "reverse" },
    });
    expect(reversals).toHaveLength(1);
    expect(reversals[0]).toMatchObject({
      source: "refund",
      points: -90,
      refundShopifyId: "890088186047892319",
    });
  });

  it("keeps a refund that arrives before the order, and settles to the same state", async () => {
    const shop = await setupShop("loyalty-early-refund", { returnWindowDays: 30 });
    await sendWebhook({ shop, topic: "refunds/create", body: refund(), webhookId: randomUUID() });
    await waitFor(
      async () => (await db.loyaltyRefund.count({ where: { shopDomain: shop } })) === 1,
    );
    await sendWebhook({ shop, topic: "orders/paid", body: paidOrder(), webhookId: randomUUID() });
    // Every line was refunded: nothing is left pending.
    const member = await waitFor(async () => {
      const m = await db.loyaltyMember.findFirst({ where: { shopDomain: shop } });
      return m && (await db.loyaltyEntry.count({ where: { memberId: m.id } })) > 0 ? m : undefined;
    });
    expect(member).toMatchObject({ balance: 0, pending: 0 });
  });

  it("multiplies points by product tag, with the tags Shopify holds for the products", async () => {
    const shop = await setupShop("loyalty-tags", {
      returnWindowDays: 30,
      tagMultipliers: JSON.stringify([{ tag: "eyewear", multiplier: 3 }]),
    });
    await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/productTags`, {
      method: "POST",
      body: JSON.stringify({ "788032119674292922": ["Eyewear", "summer"] }),
    });
    await sendWebhook({ shop, topic: "orders/paid", body: paidOrder(), webhookId: randomUUID() });
    // Three lines are that product (369.97 of 414.95, less their 17.83 share of the discount)
    // and count three times: floor(352.14 × 3 + 42.81) = 1099.
    const member = await memberOf(shop, (m) => m.pending > 394);
    expect(member.pending).toBe(1099);
    const calls = await adminApiCalls(shop);
    expect(calls.find((call) => call.operationName === "LoyaltyProductTags")?.variables).toEqual({
      ids: expect.arrayContaining(["gid://shopify/Product/788032119674292922"]),
    });
  });

  it("takes back everything on cancellation", async () => {
    const shop = await setupShop("loyalty-cancel", { returnWindowDays: 30 });
    await sendWebhook({ shop, topic: "orders/paid", body: paidOrder(), webhookId: randomUUID() });
    await memberOf(shop, (m) => m.pending === 394);
    const cancelled = withFields(webhookFixture("orders/cancelled"), {
      test: false,
      updated_at: new Date(Date.now() + 5000).toISOString(),
      cancelled_at: new Date(Date.now() + 5000).toISOString(),
    });
    await sendWebhook({
      shop,
      topic: "orders/cancelled",
      body: cancelled,
      webhookId: randomUUID(),
    });
    await memberOf(shop, (m) => m.pending === 0 && m.balance === 0);
  });
});

/** Shopify's refund sample cut down to its first line (the 89.99 sunglasses). */
function singleLineRefund() {
  const text = refund();
  const start = text.indexOf('"refund_line_items": [');
  const secondLine = text.indexOf("\n    {", text.indexOf("\n    {", start) + 1);
  const end = text.indexOf("\n  ],", start);
  return text.slice(0, secondLine).replace(/,\s*$/, "") + text.slice(end);
}

describe("redeeming points", () => {
  async function shopWithPoints(prefix: string) {
    const shop = await setupShop(prefix, {
      returnWindowDays: 0,
      rewards: JSON.stringify([
        {
          id: "three-off",
          name: "$3 off",
          kind: "fixed",
          points: 300,
          value: 300,
          minimumOrder: 2000,
        },
      ]),
    });
    await sendWebhook({ shop, topic: "orders/paid", body: paidOrder(), webhookId: randomUUID() });
    await memberOf(shop, (m) => m.balance === 394);
    return shop;
  }

  it("creates a single-use discount only this customer can use, holding the points", async () => {
    const shop = await shopWithPoints("loyalty-redeem");
    const requestKey = randomUUID();
    const response = await redeem(shop, "three-off", requestKey);
    expect(response.status).toBe(200);
    const { code } = (await response.json()) as { code: string };
    expect(code).toMatch(/^AC-[A-Z2-9]{8}$/);
    // The same request again (a double click) redeems nothing more.
    expect((await (await redeem(shop, "three-off", requestKey)).json()) as object).toMatchObject({
      code,
    });

    const calls = (await adminApiCalls(shop)).filter(
      (call) => call.operationName === "LoyaltyDiscountCodeBasicCreate",
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.variables.basicCodeDiscount).toMatchObject({
      code,
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: [`gid://shopify/Customer/${CUSTOMER}`] } },
      customerGets: {
        value: { discountAmount: { amount: "3.00", appliesOnEachItem: false } },
        items: { all: true },
      },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "20.00" } },
    });
    const member = await memberOf(shop, (m) => m.balance === 94);
    expect(member.balance).toBe(94);

    // Not enough points left for another.
    const refused = await redeem(shop, "three-off");
    expect(refused.status).toBe(409);

    const page = (await (await loyaltyApi(shop)).json()) as {
      balance: number;
      codes: { code: string }[];
    };
    expect(page.balance).toBe(94);
    expect(page.codes.map((c) => c.code)).toEqual([code]);

    // The shopper uses the code on their next order: the program's report counts its revenue.
    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrder({ id: 820982911946154600 }).replace(
        '"discount_codes": []',
        `"discount_codes": [{"code": "${code.toLowerCase()}", "amount": "3.00", "type": "fixed_amount"}]`,
      ),
      webhookId: randomUUID(),
    });
    const used = await waitFor(
      async () =>
        (await db.loyaltyRedemption.findFirst({
          where: { shopDomain: shop, code, usedOrderShopifyId: { not: null } },
        })) ?? undefined,
    );
    expect(used).toMatchObject({
      usedOrderShopifyId: "820982911946154600",
      usedOrderTotal: 40_495,
    });
  });

  it("releases the held points when Shopify refuses the discount", async () => {
    const shop = await shopWithPoints("loyalty-refuse");
    await fetch(
      `${standinUrl()}/__standin/shops/${shop}/stores/refuse:LoyaltyDiscountCodeBasicCreate`,
      {
        method: "POST",
        body: JSON.stringify({
          code: "INVALID",
          message: "Discounts are unavailable",
          field: ["basicCodeDiscount"],
        }),
      },
    );
    const response = await redeem(shop, "three-off");
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: "refused",
      message: "Discounts are unavailable",
    });
    const member = await memberOf(shop, (m) => m.balance === 394);
    const entries = await db.loyaltyEntry.findMany({
      where: { memberId: member.id, source: "reward" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => [e.kind, e.points])).toEqual([
      ["hold", -300],
      ["release", 300],
    ]);
    const redemption = await db.loyaltyRedemption.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(redemption).toMatchObject({ state: "released", error: "Discounts are unavailable" });
  });

  it("redeems points for store credit", async () => {
    const shop = await setupShop("loyalty-credit", {
      returnWindowDays: 0,
      rewards: JSON.stringify([
        {
          id: "credit",
          name: "$2 credit",
          kind: "store_credit",
          points: 200,
          value: 200,
          minimumOrder: 0,
        },
      ]),
    });
    await sendWebhook({ shop, topic: "orders/paid", body: paidOrder(), webhookId: randomUUID() });
    await memberOf(shop, (m) => m.balance === 394);
    const response = await redeem(shop, "credit");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: null, kind: "store_credit" });
    const credit = (await adminApiCalls(shop)).find(
      (call) => call.operationName === "LoyaltyStoreCreditAccountCredit",
    );
    expect(credit?.variables).toEqual({
      id: `gid://shopify/Customer/${CUSTOMER}`,
      creditInput: { creditAmount: { amount: "2.00", currencyCode: "USD" } },
    });
    await memberOf(shop, (m) => m.balance === 194);
  });

  it("lets a refund take back points already spent: the balance goes negative and the shopper is told", async () => {
    const shop = await shopWithPoints("loyalty-negative");
    expect((await redeem(shop, "three-off")).status).toBe(200);
    await sendWebhook({ shop, topic: "refunds/create", body: refund(), webhookId: randomUUID() });
    await memberOf(shop, (m) => m.balance === 94 - 394);
    const page = (await (await loyaltyApi(shop)).json()) as { balance: number; negative: boolean };
    expect(page).toMatchObject({ balance: -300, negative: true });
    // The theme's mirror follows.
    await waitFor(async () => {
      const store = (await (
        await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/metafields`)
      ).json()) as Record<string, Record<string, { value: string }>> | null;
      return (
        store?.[`gid://shopify/Customer/${CUSTOMER}`]?.["$app:loyalty.balance"]?.value === "-300"
      );
    });
  });

  it("lets the shopper tell their birthday once", async () => {
    const shop = await shopWithPoints("loyalty-birthday");
    const tell = (birthday: string) =>
      loyaltyApi(shop, {
        method: "POST",
        body: JSON.stringify({ birthday }),
        headers: { "Content-Type": "application/json" },
      });
    expect((await tell("02-30")).status).toBe(409);
    expect((await tell("07-14")).status).toBe(200);
    expect((await tell("08-01")).status).toBe(409);
    expect(((await (await loyaltyApi(shop)).json()) as { birthday: string }).birthday).toBe(
      "07-14",
    );
  });

  it("never shows or spends another customer's points", async () => {
    const shop = await shopWithPoints("loyalty-isolation");
    const other = await loyaltyApi(shop, {}, "999");
    expect(((await other.json()) as { balance: number }).balance).toBe(0);
    const stolen = await loyaltyApi(
      shop,
      {
        method: "POST",
        body: JSON.stringify({ rewardId: "three-off", requestKey: randomUUID() }),
        headers: { "Content-Type": "application/json" },
      },
      "999",
    );
    expect(stolen.status).toBe(409);
    const unsigned = await fetch(`${appUrl()}/api/loyalty`, {
      headers: { "User-Agent": BROWSER_UA },
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
  });
});
