import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { exportCustomerDeliveries, redactCustomerDeliveries } from "./compliance.server";
import { DESTINATION_JOBS } from "./deliveries.server";

export const destinationsCapability = defineCapability({
  name: "destinations",
  jobs: DESTINATION_JOBS as JobDefinition<never>[],
  customerData: {
    exportCustomer: exportCustomerDeliveries,
    redactCustomer: redactCustomerDeliveries,
  },
});
