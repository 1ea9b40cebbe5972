import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { AUTOMATION_JOBS, labelOnApproval } from "./automation.server";
import { exportCustomerReturns, redactCustomerReturns } from "./compliance.server";
import { markExchangePaid } from "./shop-now.server";
import { RETURN_JOBS } from "./shopify-returns.server";
import { syncReverseDelivery, syncShopifyReturn } from "./webhooks.server";

const RETURN_TOPICS = [
  "returns/request",
  "returns/approve",
  "returns/decline",
  "returns/cancel",
  "returns/close",
  "returns/reopen",
  "returns/update",
];

export const returnsCapability = defineCapability({
  name: "returns",
  webhooks: {
    ...Object.fromEntries(RETURN_TOPICS.map((topic) => [topic, [syncShopifyReturn]])),
    "reverse_deliveries/attach_deliverable": [syncReverseDelivery],
    "draft_orders/update": [markExchangePaid],
  },
  jobs: [...RETURN_JOBS, ...AUTOMATION_JOBS] as JobDefinition<never>[],
  emits: [
    "return.requested",
    "return.approved",
    "return.declined",
    "return.in_transit",
    "return.received",
    "return.refunded",
    "return.exchange_paid",
    "return.closed",
    "return.cancelled",
    "return.reopened",
  ],
  customerData: { exportCustomer: exportCustomerReturns, redactCustomer: redactCustomerReturns },
  subscribers: [labelOnApproval],
});
