import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { exportCustomerNotifications, redactCustomerNotifications } from "./compliance.server";
import { NOTIFICATION_JOBS } from "./notify.server";
import { recordCustomerSmsConsent, recordSmsContact } from "./sms/contacts.server";

export const notificationsCapability = defineCapability({
  name: "notifications",
  // Orders carry the shopper's phones and SMS consent: kept per order for the SMS channel, and
  // the customer's later changes to them (a withdrawn consent) follow from customers/update.
  webhooks: {
    "orders/create": [recordSmsContact],
    "orders/updated": [recordSmsContact],
    "orders/paid": [recordSmsContact],
    "orders/fulfilled": [recordSmsContact],
    "orders/partially_fulfilled": [recordSmsContact],
    "customers/update": [recordCustomerSmsConsent],
  },
  jobs: NOTIFICATION_JOBS as JobDefinition<never>[],
  customerData: {
    exportCustomer: exportCustomerNotifications,
    redactCustomer: redactCustomerNotifications,
  },
});
