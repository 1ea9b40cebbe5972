import { z } from "zod";
import { db } from "../db.server";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob, PermanentJobError } from "../platform/jobs/types";
import { defineSubscriber } from "../platform/events/index.server";
import { log } from "../platform/logging/logger.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { toGid } from "../platform/shopify/gid";
import { expireInactivePoints, grantBirthdayBonuses, refreshTier } from "./members.server";
import { LoyaltyMetafieldsSetMutation } from "./operations";
import { confirmOrder, ordersDueForConfirmation } from "./orders.server";
import { rewardReferral } from "./referrals.server";
import { releaseAbandonedHolds } from "./rewards.server";

/** The namespace themes read the balance from (`customer.metafields["$app:loyalty"]`). */
export const METAFIELD_NAMESPACE = "$app:loyalty";

/** Mirrors a member's balance, pending points and tier to their customer metafields. */
export const mirrorBalance = defineJob({
  name: "loyalty.mirror-balance",
  schema: z.object({ shop: z.string(), memberId: z.string() }),
  retryLimit: 6,
  async run({ shop, memberId }) {
    const member = await db.loyaltyMember.findFirst({ where: { id: memberId, shopDomain: shop } });
    if (!member) return;
    const ownerId = toGid("Customer", member.customerShopifyId);
    const field = (key: string, type: string, value: string) => ({
      ownerId,
      namespace: METAFIELD_NAMESPACE,
      key,
      type,
      value,
    });
    const result = await adminGateway.request(shop, LoyaltyMetafieldsSetMutation, {
      metafields: [
        field("balance", "number_integer", String(member.balance)),
        field("pending", "number_integer", String(member.pending)),
        field("tier", "single_line_text_field", member.tier ?? ""),
      ].filter((metafield) => metafield.value !== ""),
    });
    const errors = result.metafieldsSet?.userErrors ?? [];
    if (errors.length) {
      throw new PermanentJobError(
        `metafieldsSet refused: ${errors.map((e) => e.message).join("; ")}`,
      );
    }
  },
});

/**
 * Any change of a member's points, whoever made it (an order, a refund, a reward, a survey
 * bonus, a birthday, expiry, the merchant): the tier is re-derived, then the theme's mirror.
 * Both are safe to repeat: the tier only moves when the rule says so, the mirror sets values.
 */
export const followBalance = defineSubscriber({
  name: "loyalty.follow-balance",
  events: ["loyalty.points_changed"],
  async handle({ shop, data }) {
    await refreshTier(shop, data.memberId);
    await jobs.send(mirrorBalance, { shop, memberId: data.memberId });
  },
});

const ConfirmJob = z.object({ shop: z.string(), orderShopifyId: z.string() });

/** The order's return window closed: its pending points become spendable. */
export const confirmOrderPoints = defineJob({
  name: "loyalty.confirm-order",
  schema: ConfirmJob,
  async run({ shop, orderShopifyId }) {
    const settled = await confirmOrder(shop, orderShopifyId);
    if (settled) await rewardReferral(shop, orderShopifyId);
  },
});

export async function scheduleConfirmation(shop: string, orderShopifyId: string, at: Date) {
  await jobs.send(
    confirmOrderPoints,
    { shop, orderShopifyId },
    { startAfter: at, idempotencyKey: `loyalty-confirm:${shop}:${orderShopifyId}` },
  );
}

/**
 * Hourly: confirms orders whose scheduled job was lost or whose window closed while the app was
 * down, and gives back points held by redemptions that never finished.
 */
export const confirmSweep = defineJob({
  name: "loyalty.confirm-sweep",
  schema: z.object({}).passthrough(),
  cron: "23 * * * *",
  retryLimit: 1,
  concurrency: 1,
  async run() {
    const now = new Date();
    for (const order of await ordersDueForConfirmation(now)) {
      const settled = await confirmOrder(order.shopDomain, order.orderShopifyId, now);
      if (settled) await rewardReferral(order.shopDomain, order.orderShopifyId);
    }
    await releaseAbandonedHolds(now);
  },
});

/** Daily: inactivity expiry with its warning, birthday bonuses, and tiers re-measured over the rolling 12 months. */
export const dailyMaintenance = defineJob({
  name: "loyalty.daily",
  schema: z.object({ shop: z.string().optional() }).passthrough(),
  cron: "41 3 * * *",
  retryLimit: 1,
  concurrency: 1,
  async run({ shop }) {
    const shops = shop
      ? [shop]
      : (await db.loyaltySettings.findMany({ select: { shopDomain: true } })).map(
          (row) => row.shopDomain,
        );
    for (const shopDomain of shops) {
      const result = await expireInactivePoints(shopDomain);
      const birthdays = await grantBirthdayBonuses(shopDomain);
      log().info({ shop: shopDomain, ...result, birthdays }, "Loyalty daily");
      const members = await db.loyaltyMember.findMany({
        where: { shopDomain, tier: { not: null } },
        select: { id: true },
      });
      for (const member of members) await refreshTier(shopDomain, member.id);
    }
  },
});

export const LOYALTY_JOBS = [mirrorBalance, confirmOrderPoints, confirmSweep, dailyMaintenance];
