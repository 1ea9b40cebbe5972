import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { exportCustomerRecommendations, redactCustomerRecommendations } from "./compliance.server";
import { RECOMMENDATION_JOBS } from "./jobs.server";
import {
  attributeRecommendedOrder,
  finishCatalogImport,
  forgetProduct,
  learnCoPurchases,
  mirrorProduct,
} from "./webhooks.server";

export const recommendationsCapability = defineCapability({
  name: "recommendations",
  webhooks: {
    "orders/create": [learnCoPurchases, attributeRecommendedOrder],
    "products/create": [mirrorProduct],
    "products/update": [mirrorProduct],
    "products/delete": [forgetProduct],
    "bulk_operations/finish": [finishCatalogImport],
  },
  jobs: RECOMMENDATION_JOBS as JobDefinition<never>[],
  customerData: {
    exportCustomer: exportCustomerRecommendations,
    redactCustomer: redactCustomerRecommendations,
  },
});
