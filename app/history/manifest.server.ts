import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { HISTORY_JOBS } from "./jobs.server";
import { finishHistoryImport } from "./webhooks.server";

/** Day-one history: the shop's past orders, customers and fulfillments, imported in bulk. */
export const historyCapability = defineCapability({
  name: "history",
  webhooks: {
    "bulk_operations/finish": [finishHistoryImport],
  },
  jobs: HISTORY_JOBS as JobDefinition<never>[],
});
