import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { paidOrderToday } from "../support/fixtures";
import { appUrl, BROWSER_UA, customerAccountToken, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

const ORDER_ID = "820982911946154508";
const CUSTOMER = "115310627314723954";

describe("survey bonus", () => {
  it("awards the program's survey points once per answer, through the NPS question", async () => {
    const shop = uniqueShop("loyalty-survey");
    await installShop(shop);
    await db.loyaltySettings.create({ data: { shopDomain: shop, surveyBonus: 25 } });
    await sendWebhook({
      shop,
      topic: "orders/paid",
      body: paidOrderToday(),
      webhookId: randomUUID(),
    });
    await waitFor(
      async () =>
        (await db.order.findFirst({ where: { shopDomain: shop, shopifyId: ORDER_ID } })) ??
        undefined,
    );
    const answer = (score: number) =>
      fetch(`${appUrl()}/api/surveys/nps`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${customerAccountToken(shop, CUSTOMER)}`,
          "User-Agent": BROWSER_UA,
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ orderId: ORDER_ID, score }),
      });
    expect((await answer(9)).status).toBe(200);
    // Changing the answer is the same answer: no second bonus.
    expect((await answer(10)).status).toBe(200);
    // The bonus follows the answer's survey.answered event (app/flows/survey-bonus.server.ts).
    const member = await waitFor(async () => {
      const found = await db.loyaltyMember.findFirst({
        where: { shopDomain: shop, customerShopifyId: CUSTOMER },
      });
      return found && found.balance > 0 ? found : undefined;
    });
    const bonuses = await db.loyaltyEntry.findMany({
      where: { memberId: member.id, source: "survey" },
    });
    expect(bonuses.map((entry) => entry.points)).toEqual([25]);
    expect(member.balance).toBe(25);
    // Like every points change, the bonus reaches the balance metafield themes read (the bonus
    // used to forget it: issue #16).
    await waitFor(
      async () => {
        const store = (await (
          await fetch(`${standinUrl()}/__standin/shops/${shop}/stores/metafields`)
        ).json()) as Record<string, Record<string, { value: string }>> | null;
        return store?.[`gid://shopify/Customer/${CUSTOMER}`]?.["$app:loyalty.balance"]?.value ===
          "25"
          ? true
          : undefined;
      },
      { message: "the balance metafield after the survey bonus" },
    );
  });
});
