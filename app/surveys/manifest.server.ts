import { defineCapability } from "../capability";
import { exportCustomerSurveys, redactCustomerSurveys } from "./compliance.server";

export const surveysCapability = defineCapability({
  name: "surveys",
  customerData: { exportCustomer: exportCustomerSurveys, redactCustomer: redactCustomerSurveys },
  emits: ["survey.answered", "survey.detractor"],
});
