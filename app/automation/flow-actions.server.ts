import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "../config.server";
import { sendDeliverySurvey } from "../flows/index.server";
import { addFlowPoints } from "../loyalty/index.server";
import { log } from "../platform/logging/logger.server";
import { getShop } from "../shops/index.server";
import { flagShipment } from "../tracking/index.server";

/**
 * Shopify Flow actions (extensions/flow-add-loyalty-points, -send-csat-survey, -flag-shipment):
 * Flow POSTs each run to the action's runtime URL, signed like a webhook. Each action's effect is
 * keyed so that Flow retrying a run (same `action_run_id`) has one effect.
 *
 * Flow's answers: 200 done; 4xx the run fails and is not retried (a customer or order we cannot
 * act on); 5xx and timeouts are retried by Flow later.
 * https://shopify.dev/docs/apps/build/flow/actions/endpoints
 */

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body, keyed with the client secret. */
export function isSignedByShopify(rawBody: Uint8Array, header: string | null): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", config().SHOPIFY_API_SECRET).update(rawBody).digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const ShopifyId = z.union([
  z.string().regex(/^[1-9]\d{0,19}$/),
  z.number().int().positive().transform(String),
]);

const ActionRequest = z.object({
  shop_id: z.union([z.string(), z.number()]).transform(String),
  shopify_domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/),
  action_run_id: z.string().min(1).max(200),
  handle: z.string(),
  properties: z.record(z.string(), z.unknown()),
});

const PROPERTIES = {
  "add-loyalty-points": z.object({
    customer_id: ShopifyId,
    points: z.coerce.number().int().min(1).max(1_000_000),
    reason: z.string().max(300).optional().nullable(),
  }),
  "send-csat-survey": z.object({ order_id: ShopifyId }),
  "flag-shipment": z.object({ order_id: ShopifyId, note: z.string().min(1).max(300) }),
};

export type FlowActionHandle = keyof typeof PROPERTIES;
export const FLOW_ACTION_HANDLES = Object.keys(PROPERTIES) as FlowActionHandle[];

export interface FlowActionAnswer {
  status: number;
  body: Record<string, unknown>;
}

const answer = (status: number, body: Record<string, unknown>): FlowActionAnswer => ({
  status,
  body,
});

/**
 * Runs one verified action request: `action` is the route's handle, which must be the payload's
 * too. The shop is the payload's `shopify_domain`, and must have Aftercare installed (and be the
 * shop of `shop_id` when we know its id).
 */
export async function runFlowAction(action: string, payload: unknown): Promise<FlowActionAnswer> {
  const parsed = ActionRequest.safeParse(payload);
  if (!parsed.success) return answer(400, { error: "malformed action request" });
  const run = parsed.data;
  if (!Object.hasOwn(PROPERTIES, action) || run.handle !== action) {
    return answer(404, { error: `unknown action ${run.handle}` });
  }
  const shop = await getShop(run.shopify_domain);
  if (!shop || shop.uninstalledAt || (shop.shopifyId && shop.shopifyId !== run.shop_id)) {
    return answer(404, { error: "shop not installed" });
  }
  const shopDomain = shop.domain;
  const handle = action as FlowActionHandle;
  const properties = PROPERTIES[handle].safeParse(run.properties);
  if (!properties.success) {
    return answer(422, { error: "invalid properties", issues: properties.error.issues });
  }
  log().info({ shop: shopDomain, handle, run: run.action_run_id }, "Shopify Flow action");
  switch (handle) {
    case "add-loyalty-points": {
      const input = properties.data as z.output<(typeof PROPERTIES)["add-loyalty-points"]>;
      const result = await addFlowPoints(shopDomain, {
        customerShopifyId: input.customer_id,
        points: input.points,
        note: input.reason?.trim() || "Added by Shopify Flow",
        runId: run.action_run_id,
      });
      return answer(200, { added: result.added, points: input.points });
    }
    case "send-csat-survey": {
      const input = properties.data as z.output<(typeof PROPERTIES)["send-csat-survey"]>;
      const result = await sendDeliverySurvey(shopDomain, input.order_id);
      if (!result.shipmentId) return answer(422, { error: "the order has no delivered shipment" });
      if (!result.queued && result.reason !== "duplicate") {
        return answer(422, { error: `survey not sent: ${result.reason}` });
      }
      return answer(200, { shipmentId: result.shipmentId, sent: result.queued });
    }
    case "flag-shipment": {
      const input = properties.data as z.output<(typeof PROPERTIES)["flag-shipment"]>;
      const shipmentId = await flagShipment(shopDomain, input.order_id, input.note);
      if (!shipmentId) return answer(422, { error: "the order has no shipment" });
      return answer(200, { shipmentId });
    }
  }
}
