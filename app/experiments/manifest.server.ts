import { defineCapability } from "../capability";
import { exportCustomerExperiments, redactCustomerExperiments } from "./compliance.server";

export const experimentsCapability = defineCapability({
  name: "experiments",
  customerData: {
    exportCustomer: exportCustomerExperiments,
    redactCustomer: redactCustomerExperiments,
  },
});
