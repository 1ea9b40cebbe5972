import { log } from "../platform/logging/logger.server";
import { webhookHandler } from "../webhooks/types";
import { scheduleConfirmation } from "./jobs.server";
import { shopMinor } from "./earning";
import { grantBonus } from "./members.server";
import { recordOrderCancelled, recordOrderPaid, recordRefund } from "./orders.server";
import { productTagsOf } from "./products.server";
import { loadProgram } from "./program.server";
import { creditReferral } from "./referrals.server";
import { recordRewardUse } from "./rewards.server";
import { LoyaltyOrderPayloadSchema, RefundPayloadSchema } from "./schemas";

/** orders/paid: the order earns points, pending until its return window closes. */
export const earnOnPaidOrder = webhookHandler(
  "loyalty.earn",
  LoyaltyOrderPayloadSchema,
  async ({ shop, payload }) => {
    const program = await loadProgram(shop);
    await recordRewardUse(shop, {
      id: payload.id,
      codes: (payload.discount_codes ?? []).map((discount) => discount.code),
      total: shopMinor(payload.total_price_set, payload.total_price, payload.currency),
      at: new Date(payload.processed_at ?? payload.created_at),
    });
    const productTags =
      program.enabled && program.tagMultipliers.length > 0 && payload.customer
        ? await productTagsOf(shop, payload)
        : undefined;
    const result = await recordOrderPaid(shop, payload, { program, productTags });
    if (!result?.memberId) return;
    if (result.firstOrder && program.firstOrderBonus > 0) {
      await grantBonus(shop, result.memberId, {
        key: `bonus:first-order:${result.memberId}`,
        source: "bonus",
        points: program.firstOrderBonus,
        note: "First order",
        orderShopifyId: payload.id,
      });
    }
    await creditReferral(shop, payload);
    if (result.confirmAfter) await scheduleConfirmation(shop, payload.id, result.confirmAfter);
    log().debug({ shop, order: payload.name, points: result.points }, "Loyalty points earned");
  },
);

/** orders/cancelled: what the order earned goes back. */
export const reverseOnCancel = webhookHandler(
  "loyalty.cancel",
  LoyaltyOrderPayloadSchema,
  async ({ shop, payload }) => {
    await recordOrderCancelled(shop, payload);
  },
);

/** refunds/create: the refunded share goes back (store-credit returns included). */
export const reverseOnRefund = webhookHandler(
  "loyalty.refund",
  RefundPayloadSchema,
  async ({ shop, payload }) => {
    await recordRefund(shop, payload);
  },
);
