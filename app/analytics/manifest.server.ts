import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { ANALYTICS_JOBS } from "./jobs.server";

export const analyticsCapability = defineCapability({
  name: "analytics",
  jobs: ANALYTICS_JOBS as JobDefinition<never>[],
});
