import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { getShopSettings } from "../../app/shops/shops.server";
import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import {
  adminApiCalls,
  appUrl,
  BROWSER_UA,
  customerAccountToken,
  sendWebhook,
  standinUrl,
} from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { saveShopSettings, shopWithHistory } from "./history";

const REVIEW_URL = "https://reviews.example.com/aftercare-shop";

/** An NPS answer from the order-status block, with the customer-account session token. */
function answerNps(shop: string, customerId: string | null, body: unknown) {
  return fetch(`${appUrl()}/api/surveys/nps?source=order_status`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: {
      Authorization: `Bearer ${customerAccountToken(shop, customerId)}`,
      Origin: "https://extensions.shopifycdn.com",
      "User-Agent": BROWSER_UA,
      "Content-Type": "application/json",
    },
  });
}

type Offer = { kind: string; url: string; friendPercent?: number };

describe("closed loop on the shopper's side", { timeout: 120_000 }, () => {
  it("offers a return or support after NPS 0–6, a review and the referral link after 9–10, nothing in between", async () => {
    const { shop, latestOrderId, customerId } = await shopWithHistory("loop-nps");
    const support = `help@${shop.replace(".myshopify.com", "")}.example.com`;

    const refused = await saveShopSettings(shop, { reviewUrl: "javascript:alert(1)" });
    expect(await refused.text()).toContain("an https:// address");
    expect((await getShopSettings(shop)).reviewUrl).toBeNull();
    await saveShopSettings(shop, { reviewUrl: REVIEW_URL, supportEmail: support });
    expect(await getShopSettings(shop)).toMatchObject({
      reviewUrl: REVIEW_URL,
      supportEmail: support,
    });

    const detractor = await answerNps(shop, customerId, { orderId: latestOrderId, score: 2 });
    expect(detractor.status).toBe(200);
    expect(await detractor.json()).toEqual({
      group: "detractor",
      offers: [
        // The portal opens with the answered order's name filled in.
        { kind: "return", url: `https://${shop}/apps/aftercare/returns?order=%232009` },
        { kind: "contact", url: `mailto:${support}` },
      ],
    });

    const passive = await answerNps(shop, customerId, { orderId: latestOrderId, score: 8 });
    expect(await passive.json()).toEqual({ group: "passive", offers: [] });

    const promoter = (await (
      await answerNps(shop, customerId, { orderId: latestOrderId, score: 10 })
    ).json()) as { group: string; offers: Offer[] };
    expect(promoter.group).toBe("promoter");
    expect(promoter.offers).toEqual([
      { kind: "review", url: REVIEW_URL },
      {
        kind: "referral",
        url: expect.stringMatching(new RegExp(`^https://${shop}/discount/REF-[0-9A-F]{10}$`)),
        friendPercent: 10,
      },
    ]);
    // The referral link is the loyalty program's: its friend discount exists in Shopify, once.
    const again = (await (
      await answerNps(shop, customerId, { orderId: latestOrderId, score: 9 })
    ).json()) as { offers: Offer[] };
    expect(again.offers[1]?.url).toBe(promoter.offers[1]?.url);
    const discounts = (await adminApiCalls(shop)).filter(
      (call) => call.operationName === "LoyaltyDiscountCodeBasicCreate",
    );
    expect(discounts).toHaveLength(1);
    // One answer per order, updated by each new one.
    expect(
      await db.surveyResponse.findMany({
        where: { shopDomain: shop, kind: "nps" },
        select: { score: true, source: true },
      }),
    ).toEqual([{ score: 9, source: "order_status" }]);

    for (const score of [11, -1, 6.5]) {
      const response = await answerNps(shop, customerId, { orderId: latestOrderId, score });
      expect(response.status).toBe(400);
    }
    const other = uniqueShop("loop-other");
    await installShop(other);
    const foreign = await answerNps(other, customerId, { orderId: latestOrderId, score: 1 });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: "not_found" });
    const stranger = await answerNps(shop, "424242", { orderId: latestOrderId, score: 1 });
    expect(stranger.status).toBe(404);
    expect(await db.surveyResponse.count({ where: { shopDomain: other } })).toBe(0);
    expect(
      await db.surveyResponse.findFirst({ where: { shopDomain: shop }, select: { score: true } }),
    ).toEqual({ score: 9 });
  });

  it("offers the same on the delivery survey page: a return or support after 1–2, a review and the referral link after 5", async () => {
    const { shop, latestOrderId, email } = await shopWithHistory("loop-csat");
    await saveShopSettings(shop, { reviewUrl: REVIEW_URL });
    const seen = new Set<string>();
    /** The rating links of the next delivery survey sent for this shop (the mailbox is shared). */
    const surveyLinks = async (trackingNumber: string, fulfillmentId: number) => {
      await sendWebhook({
        shop,
        topic: "fulfillments/create",
        body: withFields(webhookFixture("fulfillments/create"), {
          id: fulfillmentId,
          order_id: latestOrderId,
          status: "success",
          shipment_status: "delivered",
          updated_at: new Date().toISOString(),
        }).replaceAll("1z827wk74630", trackingNumber),
      });
      return waitFor(
        async () => {
          const response = await fetch(
            `${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(email)}`,
          );
          for (const message of (await response.json()) as ReceivedEmail[]) {
            if (message.headers["x-aftercare-trigger"] !== "survey.csat") continue;
            const links = [...message.html.matchAll(/href="([^"]+\/surveys\/csat\?[^"]+)"/g)].map(
              (match) => match[1]!.replaceAll("&amp;", "&"),
            );
            const token = new URL(links[0]!).searchParams.get("token")!;
            const [forShop] = JSON.parse(
              Buffer.from(token.split(".")[1]!, "base64url").toString(),
            ) as string[];
            if (forShop !== shop || seen.has(token)) continue;
            seen.add(token);
            return links;
          }
          return undefined;
        },
        { message: `the delivery survey for ${trackingNumber}`, timeout: 60_000 },
      );
    };

    const first = await surveyLinks("1Z999AA10123456784", 5001);
    expect(first).toHaveLength(5);
    for (const score of ["0", "6", "4.5"]) {
      const outside = await fetch(first[0]!.replace(/score=\d/, `score=${score}`));
      expect(outside.status).toBe(400);
    }
    /** The shopper's click on the rating page's button (opening the link alone records nothing). */
    const confirm = async (link: string, language = "en") => {
      const headers = { "Accept-Language": language };
      const page = await (await fetch(link, { headers })).text();
      const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page)![1]!;
      const rated = await fetch(link.split("?")[0]!, {
        method: "POST",
        headers,
        body: new URLSearchParams({ token: field("token"), score: field("score") }),
      });
      expect(rated.status).toBe(200);
      return rated.text();
    };
    const unhappy = await confirm(first[0]!, "fr");
    expect(unhappy).toContain("votre livraison 1 sur 5.");
    expect(unhappy).toContain(
      `<a href="https://${shop}/apps/aftercare/returns?order=%232009">Lancer un retour</a>`,
    );
    expect(unhappy).toMatch(/<a href="mailto:[^"]+">Nous contacter<\/a>/);
    expect(unhappy).not.toContain(REVIEW_URL);

    const second = await surveyLinks("1Z999AA10123456793", 5002);
    const happy = await confirm(second[4]!);
    expect(happy).toContain("Thanks for rating your delivery 5 out of 5.");
    expect(happy).toContain(`<a href="${REVIEW_URL}">Write a review</a>`);
    expect(happy).toMatch(
      new RegExp(
        `<a href="https://${shop}/discount/REF-[0-9A-F]{10}">Share your referral link: 10% off for a friend</a>`,
      ),
    );
    expect(happy).not.toContain("/apps/aftercare/returns");
    // A later click shows the rating already given, with the same offers.
    const later = await (await fetch(second[0]!)).text();
    expect(later).toContain("You already rated this delivery 5 out of 5.");
    expect(later).toContain(REVIEW_URL);

    expect(
      await db.surveyResponse.findMany({
        where: { shopDomain: shop, kind: "csat" },
        select: { score: true },
        orderBy: { score: "asc" },
      }),
    ).toEqual([{ score: 1 }, { score: 5 }]);
  });
});
