import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { sessionToken } from "../../scripts/standin/signing";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET, uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { appUrl, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/**
 * Issue #15, finding 3 and item 7: a guest order answered to every checkout token of its shop
 * (recommendations and NPS read and overwritten, impressions faked, a signed-in customer paid the
 * survey bonus for it); customers/redact turned a customer's orders into such guest orders; and
 * any app-signed `sub` counted as a customer. The checkout token is the Checkout Token API's value,
 * which Shopify documents as equal to the order's `checkout_token`.
 */
const ORDER_ID = "820982911946154508";
const CUSTOMER = "115310627314723954";
const CHECKOUT = "f1e2d3c4b5a6978877665544332211aa";

/** The fixture order as a guest's: no customer object, placed by checkout CHECKOUT. */
const guestOrder = withFields(webhookFixture("orders/create"), {
  checkout_token: CHECKOUT,
  cancelled_at: null,
}).replace(/\n {2}"customer": \{[\s\S]*?\n {2}\},/, "");

function token(shop: string, sub: string) {
  return sessionToken({ shop, apiKey: TEST_API_KEY, secret: TEST_API_SECRET, issuer: "shop", sub });
}

/** A thank-you block's request: session token (guest: no `sub`), and its checkout's token. */
function block(
  shop: string,
  path: string,
  as: { sub?: string; checkout?: string },
  body?: unknown,
) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token(shop, as.sub ?? "")}`,
    Origin: "https://extensions.shopifycdn.com",
    "User-Agent": BROWSER_UA,
    "Content-Type": "application/json",
  };
  if (as.checkout) headers["X-Aftercare-Checkout-Token"] = as.checkout;
  return fetch(`${appUrl()}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function shopWithOrder(label: string, body: string) {
  const shop = uniqueShop(label);
  await installShop(shop);
  await db.loyaltySettings.create({ data: { shopDomain: shop, surveyBonus: 25 } });
  expect(
    (await sendWebhook({ shop, topic: "orders/create", body, webhookId: randomUUID() })).status,
  ).toBe(200);
  await waitFor(
    async () =>
      (await db.order.findFirst({ where: { shopDomain: shop, shopifyId: ORDER_ID } })) ?? undefined,
    {
      message: "order stored",
    },
  );
  return shop;
}

const recommendations = `/api/recommendations/orders/${ORDER_ID}`;
const nps = (score: number) => ({ orderId: ORDER_ID, score });
const impression = { orderId: ORDER_ID, kind: "impression", productIds: ["632910392"] };

describe("a guest order answers only to the checkout that placed it", () => {
  it("refuses other checkouts and signed-in customers, and answers its own", async () => {
    const shop = await shopWithOrder("guest-order", guestOrder);
    const strangers = [
      {},
      { checkout: "00000000000000000000000000000000" },
      { sub: `gid://shopify/Customer/${CUSTOMER}` },
      { sub: "gid://shopify/Customer/42" },
    ];
    for (const stranger of strangers) {
      const where = JSON.stringify(stranger);
      expect((await block(shop, recommendations, stranger)).status, where).toBe(404);
      expect((await block(shop, "/api/surveys/nps", stranger, nps(0))).status, where).toBe(404);
      expect(
        (await block(shop, "/api/recommendations/events", stranger, impression)).status,
        where,
      ).toBe(404);
    }
    expect(await db.surveyResponse.count({ where: { shopDomain: shop } })).toBe(0);
    expect(await db.recommendationEvent.count({ where: { shopDomain: shop } })).toBe(0);

    const own = { checkout: CHECKOUT };
    expect((await block(shop, recommendations, own)).status).toBe(200);
    expect((await block(shop, "/api/surveys/nps", own, nps(9))).status).toBe(200);
  });

  it("pays no survey bonus to a signed-in customer answering for a guest's order", async () => {
    const shop = await shopWithOrder("guest-bonus", guestOrder);
    const answered = await block(
      shop,
      "/api/surveys/nps",
      { sub: "gid://shopify/Customer/42", checkout: CHECKOUT },
      nps(10),
    );
    expect(answered.status).toBe(200);
    expect(await db.surveyResponse.findFirstOrThrow({ where: { shopDomain: shop } })).toMatchObject(
      { customerShopifyId: null },
    );
    expect(await db.loyaltyMember.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("keeps a redacted customer's orders from becoming guest orders open to anyone", async () => {
    const shop = await shopWithOrder(
      "guest-redacted",
      withFields(webhookFixture("orders/create"), { cancelled_at: null }),
    );
    const response = await sendWebhook({
      shop,
      topic: "customers/redact",
      body: JSON.stringify({
        shop_id: 954889,
        shop_domain: shop,
        customer: { id: Number(CUSTOMER), email: "john@example.com", phone: null },
        orders_to_redact: [Number(ORDER_ID)],
      })
        .replace(`${Number(CUSTOMER)}`, CUSTOMER)
        .replace(`${Number(ORDER_ID)}`, ORDER_ID),
      webhookId: randomUUID(),
    });
    expect(response.status).toBe(200);
    await waitFor(
      async () =>
        (await db.order.findFirst({ where: { shopDomain: shop, redactedAt: { not: null } } })) ??
        undefined,
      { message: "order redacted" },
    );
    for (const anyone of [{}, { sub: `gid://shopify/Customer/${CUSTOMER}` }]) {
      expect((await block(shop, recommendations, anyone)).status).toBe(404);
      expect((await block(shop, "/api/surveys/nps", anyone, nps(0))).status).toBe(404);
    }
  });

  it("takes a token's subject as a customer only when it is a Customer gid", async () => {
    const shop = await shopWithOrder(
      "guest-subject",
      withFields(webhookFixture("orders/create"), { cancelled_at: null }),
    );
    const asSubject = (sub: string) =>
      fetch(`${appUrl()}/api/tracking/orders/${ORDER_ID}`, {
        headers: {
          Authorization: `Bearer ${sessionToken({ shop, apiKey: TEST_API_KEY, secret: TEST_API_SECRET, issuer: "shop", sub })}`,
          "User-Agent": BROWSER_UA,
        },
      });
    expect((await asSubject(`gid://shopify/Customer/${CUSTOMER}`)).status).toBe(200);
    for (const sub of [
      `gid://shopify/Order/${CUSTOMER}`,
      `gid://shopify/Customer/${CUSTOMER}/x`,
      `gid://shopify/StaffMember/${CUSTOMER}`,
    ]) {
      expect((await asSubject(sub)).status, sub).toBe(404);
    }
  });
});
