import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { sessionToken } from "../../scripts/standin/signing";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET, uniqueShop } from "../support/constants";
import { adminDocument, appUrl, sendWebhook, standinUrl } from "../support/http";
import { waitFor } from "../support/wait";
import { installShop } from "../support/install";
import { shopWithHistory } from "./history";

function checkoutToken(shop: string, customerId: string | null) {
  return sessionToken({
    shop,
    apiKey: TEST_API_KEY,
    secret: TEST_API_SECRET,
    issuer: "shop",
    sub: customerId ? `gid://shopify/Customer/${customerId}` : "",
  });
}

const asCustomer = (shop: string, customerId: string | null, init: RequestInit = {}) => ({
  ...init,
  headers: {
    Authorization: `Bearer ${checkoutToken(shop, customerId)}`,
    Origin: "https://extensions.shopifycdn.com",
    "User-Agent": BROWSER_UA,
    "Content-Type": "application/json",
  },
});

describe("post-purchase recommendations", () => {
  it("recommends what this shop's shoppers bought together, never what is out of stock, learning each order once", async () => {
    const { shop, products, latestOrderId, firstOrderBody, customerId } =
      await shopWithHistory("recs");
    // A replayed order (a new delivery of the same order) teaches nothing new.
    await sendWebhook({
      shop,
      topic: "orders/create",
      body: firstOrderBody,
      webhookId: randomUUID(),
    });

    const response = await fetch(
      `${appUrl()}/api/recommendations/orders/${latestOrderId}`,
      asCustomer(shop, customerId),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const { products: recommended, nps } = (await response.json()) as {
      products: { productId: string; score: number; reason: string; cartUrl: string }[];
      nps: unknown;
    };
    expect(nps).toBeNull();
    // Support: A 9 orders, B 3, C 2. Cosine: B 3/√(9·3) = 0.577, C 2/√(9·2) = 0.471.
    expect(
      recommended.map(({ productId, score, reason }) => ({ productId, score, reason })),
    ).toEqual([
      { productId: String(products.b.id), score: 0.577, reason: "bought_together" },
      { productId: String(products.c.id), score: 0.471, reason: "bought_together" },
    ]);
    expect(recommended[0]!.cartUrl).toMatch(new RegExp(`^https://${shop}/cart/\\d+:1$`));
    const pair = await db.recommendationPair.findFirst({
      where: {
        shopDomain: shop,
        orders: 3,
        OR: [{ productA: String(products.b.id) }, { productB: String(products.b.id) }],
      },
    });
    expect(pair).not.toBeNull();
  });

  it("refuses another customer's order and another shop's token", async () => {
    const { shop, latestOrderId } = await shopWithHistory("recs-deny");
    const other = uniqueShop("recs-other");
    await installShop(other);
    for (const init of [asCustomer(shop, "1"), asCustomer(other, null)]) {
      const response = await fetch(`${appUrl()}/api/recommendations/orders/${latestOrderId}`, init);
      expect(response.status).toBe(404);
    }
  });
});

describe("NPS on the thank-you page", () => {
  it("keeps one answer per order, alerts the merchant about a detractor and stores comments as text", async () => {
    const { shop, latestOrderId, customerId } = await shopWithHistory("nps");
    const answer = (body: unknown, customer: string | null = customerId, onShop = shop) =>
      fetch(
        `${appUrl()}/api/surveys/nps`,
        asCustomer(onShop, customer, { method: "POST", body: JSON.stringify(body) }),
      );

    const detractor = await answer({
      orderId: latestOrderId,
      score: 3,
      comment: "<script>alert(1)</script> Late parcel",
      reasons: ["delivery"],
    });
    expect(detractor.status).toBe(200);
    expect(((await detractor.json()) as { group: string }).group).toBe("detractor");
    const alert = await db.surveyAlert.findFirst({ where: { shopDomain: shop } });
    expect(alert?.reason).toBe("NPS 3");
    const merchantMail = await waitFor(
      async () => {
        const messages = (await (
          await fetch(
            `${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(ownerEmail(shop))}`,
          )
        ).json()) as { subject: string; text: string }[];
        return messages[0];
      },
      { message: "the merchant's alert email" },
    );
    expect(merchantMail.subject).toBe("An unhappy customer: NPS 3 on #2009");
    expect(merchantMail.text).toContain("Late parcel");
    const stored = await db.surveyResponse.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(stored.comment).toBe("<script>alert(1)</script> Late parcel");
    // The blocks read the answer back with the order's recommendations, to show it.
    const givenNps = async () =>
      (
        (await (
          await fetch(
            `${appUrl()}/api/recommendations/orders/${latestOrderId}`,
            asCustomer(shop, customerId),
          )
        ).json()) as { nps: unknown }
      ).nps;
    expect(await givenNps()).toEqual({
      score: 3,
      comment: "<script>alert(1)</script> Late parcel",
    });

    const admin = await adminDocument(shop, "/app/surveys");
    expect(admin.status).toBe(200);
    const page = await admin.text();
    expect(page).toContain("NPS 3 · #2009");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Late parcel");
    expect(page).not.toContain("<script>alert(1)</script>");
    // The trend's figures as a table (the chart itself is drawn in the browser).
    expect(page).toContain("<caption>NPS by week</caption>");

    const promoter = await answer({ orderId: latestOrderId, score: 10 });
    expect(((await promoter.json()) as { group: string }).group).toBe("promoter");
    expect(await db.surveyResponse.count({ where: { shopDomain: shop } })).toBe(1);
    expect(await givenNps()).toEqual({ score: 10 });
    expect(await db.surveyAlert.count({ where: { shopDomain: shop } })).toBe(0);

    for (const bad of [
      { orderId: latestOrderId, score: 11 },
      { orderId: latestOrderId, score: -1 },
      { orderId: latestOrderId, score: 7.5 },
      { orderId: latestOrderId, score: 5, reasons: ["not-a-reason"] },
      { orderId: "gid://x", score: 5 },
    ]) {
      expect((await answer(bad)).status).toBe(400);
    }
    expect((await answer({ orderId: latestOrderId, score: 5 }, "1")).status).toBe(404);
    const other = uniqueShop("nps-other");
    await installShop(other);
    expect((await answer({ orderId: latestOrderId, score: 5 }, null, other)).status).toBe(404);
    expect(
      (
        await fetch(`${appUrl()}/api/surveys/nps`, {
          method: "POST",
          body: JSON.stringify({ orderId: latestOrderId, score: 5 }),
          headers: { "User-Agent": BROWSER_UA },
        })
      ).status,
    ).toBe(401);
  });
});

/** The stand-in gives each shop an owner address built from its handle. */
function ownerEmail(shop: string) {
  return `owner@${shop.replace(".myshopify.com", "")}.example.com`;
}
