import { defineCapability } from "../capability";
import type { JobDefinition } from "../platform/jobs/types";
import { SHOP_JOBS } from "./shops.server";
import { appUninstalled, scopesUpdated } from "./webhooks.server";

export const shopsCapability = defineCapability({
  name: "shops",
  webhooks: { "app/uninstalled": [appUninstalled], "app/scopes_update": [scopesUpdated] },
  jobs: SHOP_JOBS as JobDefinition<never>[],
});
