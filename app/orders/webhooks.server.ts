import { log } from "../platform/logging/logger.server";
import { webhookHandler } from "../webhooks/types";
import { applyOrderPayload } from "./orders.server";
import { OrderPayloadSchema } from "./schemas";

/** orders/create, orders/updated, orders/paid, … all carry the whole order: mirror it. */
export const mirrorOrder = webhookHandler(
  "orders.mirror",
  OrderPayloadSchema,
  async ({ shop, topic, payload }) => {
    const result = await applyOrderPayload(shop, payload);
    log().debug({ topic, order: payload.name, result }, "Order mirrored");
  },
);
