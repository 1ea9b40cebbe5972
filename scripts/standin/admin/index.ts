import { draftOrderHandlers } from "./draft-orders";
import { flowHandlers } from "./flow";
import { loyaltyHandlers } from "./loyalty";
import { productHandlers } from "./products";
import { bulkHandlers } from "./bulk";
import { returnsHandlers } from "./returns";
import { shopHandlers } from "./shop";
import { trackingHandlers } from "./tracking";
import type { AdminHandler } from "./types";

/** Every Admin GraphQL operation the app uses, by operation name (one module per capability). */
export const ADMIN_HANDLERS: Record<string, AdminHandler> = {
  ...shopHandlers,
  ...trackingHandlers,
  ...loyaltyHandlers,
  ...bulkHandlers,
  ...productHandlers,
  ...returnsHandlers,
  ...draftOrderHandlers,
  ...flowHandlers,
};
