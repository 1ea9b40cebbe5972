import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import {
  exportCustomerConversations,
  redactCustomerConversations,
} from "./conversations/compliance.server";
import { SUPPORT_JOBS } from "./conversations/mail.server";

/**
 * Support's customer data is its conversations (the shopper's words, the order context); a "did
 * this help?" answer keeps only a hash of the shop, the address and the day, and an assistant
 * question only its intent. Everything goes with the shop on shop/redact.
 */
export const supportCapability = defineCapability({
  name: "support",
  jobs: SUPPORT_JOBS as JobDefinition<never>[],
  customerData: {
    exportCustomer: exportCustomerConversations,
    redactCustomer: redactCustomerConversations,
  },
});
