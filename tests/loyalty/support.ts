import { randomUUID } from "node:crypto";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { paidOrderToday } from "../support/fixtures";
import { sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/** A shop whose paid order made its customer a member with 394 confirmed points. */
export async function shopWithMember(prefix: string) {
  const shop = uniqueShop(prefix);
  await installShop(shop);
  await db.loyaltySettings.create({ data: { shopDomain: shop, returnWindowDays: 0 } });
  await sendWebhook({
    shop,
    topic: "orders/paid",
    body: paidOrderToday(),
    webhookId: randomUUID(),
  });
  const member = await waitFor(
    async () =>
      (await db.loyaltyMember.findFirst({ where: { shopDomain: shop, balance: 394 } })) ??
      undefined,
  );
  return { shop, member };
}
