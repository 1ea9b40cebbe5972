import { z } from "zod";
import { db } from "../../db.server";
import { memberSummary } from "../../loyalty/index.server";
import type { ShopperShipment } from "../../tracking/index.server";
import { storefrontTrackingUrl } from "../../tracking/index.server";

/**
 * What the merchant sees next to a conversation: the order as it stood when the shopper asked
 * for a person, so the first answer needs no digging. Kept as JSON on the conversation (the
 * database never queries it) and read back through this schema.
 */
export const OrderContextSchema = z.object({
  order: z.object({
    shopifyId: z.string(),
    name: z.string(),
    processedAt: z.string(),
    currency: z.string(),
    totalPrice: z.number().int(),
    financialStatus: z.string().nullable(),
    fulfillmentStatus: z.string().nullable(),
    cancelled: z.boolean(),
  }),
  shipments: z.array(
    z.object({
      trackingNumber: z.string(),
      carrier: z.string().nullable(),
      tag: z.string(),
      deliveredAt: z.string().nullable(),
      trackingUrl: z.string(),
    }),
  ),
  returns: z.array(z.object({ id: z.string(), status: z.string(), requestedAt: z.string() })),
  points: z
    .object({ balance: z.number(), pending: z.number(), tier: z.string().nullable() })
    .nullable(),
  lastNps: z
    .object({ score: z.number().int(), comment: z.string().nullable(), at: z.string() })
    .nullable(),
});
export type OrderContext = z.infer<typeof OrderContextSchema>;

export async function orderContext(
  shopDomain: string,
  orderShopifyId: string,
  customerShopifyId: string | null,
  shipments: ShopperShipment[],
): Promise<OrderContext> {
  const [order, returns, nps, member] = await Promise.all([
    db.order.findFirstOrThrow({ where: { shopDomain, shopifyId: orderShopifyId } }),
    db.returnRequest.findMany({
      where: { shopDomain, orderShopifyId },
      orderBy: { requestedAt: "desc" },
      select: { id: true, status: true, requestedAt: true },
      take: 20,
    }),
    db.surveyResponse.findFirst({
      where: {
        shopDomain,
        kind: "nps",
        OR: [{ orderShopifyId }, ...(customerShopifyId ? [{ customerShopifyId }] : [])],
      },
      orderBy: { updatedAt: "desc" },
    }),
    customerShopifyId ? memberSummary(shopDomain, customerShopifyId, 0) : null,
  ]);
  return {
    order: {
      shopifyId: order.shopifyId,
      name: order.name,
      processedAt: order.processedAt.toISOString(),
      currency: order.currency,
      totalPrice: order.totalPrice,
      financialStatus: order.financialStatus,
      fulfillmentStatus: order.fulfillmentStatus,
      cancelled: order.cancelledAt !== null,
    },
    shipments: shipments.map((shipment) => ({
      trackingNumber: shipment.trackingNumber,
      carrier: shipment.carrierName ?? shipment.carrier,
      tag: shipment.tag,
      deliveredAt: shipment.deliveredAt,
      trackingUrl: storefrontTrackingUrl(shopDomain, shipment.trackingNumber),
    })),
    returns: returns.map((entry) => ({
      id: entry.id,
      status: entry.status,
      requestedAt: entry.requestedAt.toISOString(),
    })),
    points:
      member?.enabled && member.member
        ? { balance: member.balance, pending: member.pending, tier: member.tier }
        : null,
    lastNps: nps
      ? { score: nps.score, comment: nps.comment, at: nps.updatedAt.toISOString() }
      : null,
  };
}

export function parseContext(json: string): OrderContext | null {
  try {
    const parsed = OrderContextSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
