import { analyticsCapability } from "./analytics/manifest.server";
import type { CapabilityManifest } from "./capability";
import { destinationsCapability } from "./destinations/manifest.server";
import { experimentsCapability } from "./experiments/manifest.server";
import { historyCapability } from "./history/manifest.server";
import { loyaltyCapability } from "./loyalty/manifest.server";
import { notificationsCapability } from "./notifications/manifest.server";
import { ordersCapability } from "./orders/manifest.server";
import { recommendationsCapability } from "./recommendations/manifest.server";
import { returnsCapability } from "./returns/manifest.server";
import { shopsCapability } from "./shops/manifest.server";
import { supportCapability } from "./support/manifest.server";
import { surveysCapability } from "./surveys/manifest.server";
import { trackingCapability } from "./tracking/manifest.server";

/**
 * Every capability of the app, in the order their webhook handlers run for a shared topic and
 * their customer data is exported and erased. A new capability is one folder and one line here.
 */
export const CAPABILITIES: CapabilityManifest[] = [
  shopsCapability,
  ordersCapability,
  trackingCapability,
  notificationsCapability,
  surveysCapability,
  recommendationsCapability,
  loyaltyCapability,
  returnsCapability,
  analyticsCapability,
  supportCapability,
  experimentsCapability,
  destinationsCapability,
  historyCapability,
];
