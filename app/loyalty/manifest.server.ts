import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { exportCustomerLoyalty, redactCustomerLoyalty } from "./compliance.server";
import { followBalance, LOYALTY_JOBS } from "./jobs.server";
import { earnOnPaidOrder, reverseOnCancel, reverseOnRefund } from "./webhooks.server";

export const loyaltyCapability = defineCapability({
  name: "loyalty",
  webhooks: {
    "orders/paid": [earnOnPaidOrder],
    "orders/cancelled": [reverseOnCancel],
    "refunds/create": [reverseOnRefund],
  },
  jobs: LOYALTY_JOBS as JobDefinition<never>[],
  customerData: { exportCustomer: exportCustomerLoyalty, redactCustomer: redactCustomerLoyalty },
  emits: [
    "loyalty.points_changed",
    "loyalty.tier_changed",
    "loyalty.points_expiring",
    "loyalty.reward_redeemed",
  ],
  subscribers: [followBalance],
});
