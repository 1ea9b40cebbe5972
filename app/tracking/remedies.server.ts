import { db } from "../db.server";
import { getOrder, placeReplacementOrder } from "../orders/index.server";
import { AdminApiError } from "../platform/shopify/admin-gateway.server";
import { storefrontTrackingUrl } from "./lookup.server";
import type { shipmentDetail } from "./queries.server";
import { contactDraft } from "./remedies";
import { isReturnShipment } from "./return-fulfillments";
import { FulfillmentLinesSchema } from "./schemas";
import { resolveAttention } from "./tracking.server";

/**
 * What the merchant can do for a parcel that stalled or failed, in one click from the shipment:
 * reship its items as a no-charge replacement order in Shopify, refund in Shopify's own refund
 * screen (it knows the taxes, duties, shipping and payment gateways of the order), or write to
 * the shopper with a message already drafted (app/tracking/remedies.ts).
 */

export type ReshipResult =
  | { ok: true; order: { shopifyId: string; name: string | null }; repeated: boolean }
  | { ok: false; status: 404 | 409; message: string };

export async function reshipShipment(
  shopDomain: string,
  shipmentId: string,
): Promise<ReshipResult> {
  const shipment = await db.trackingShipment.findFirst({
    where: { id: shipmentId, shopDomain },
    include: { fulfillment: true },
  });
  if (!shipment) return { ok: false, status: 404, message: "Shipment not found" };
  if (shipment.reshipOrderShopifyId) {
    return {
      ok: true,
      order: { shopifyId: shipment.reshipOrderShopifyId, name: shipment.reshipOrderName },
      repeated: true,
    };
  }
  const { fulfillment } = shipment;
  if (isReturnShipment(fulfillment.shopifyId)) {
    return { ok: false, status: 409, message: "A parcel on its way back to you is not reshipped" };
  }
  if (shipment.deliveredAt) {
    return { ok: false, status: 409, message: "The parcel was delivered: nothing to reship" };
  }
  const parsed = FulfillmentLinesSchema.safeParse(JSON.parse(fulfillment.lineItems));
  const lines = (parsed.success ? parsed.data : []).flatMap((line) =>
    line.variantId ? [{ variantId: line.variantId, quantity: line.quantity }] : [],
  );
  if (lines.length === 0) {
    return {
      ok: false,
      status: 409,
      message: "No item of this parcel has a variant to send again",
    };
  }
  // One reship per parcel, even when two clicks race: whoever sets the marker orders.
  const claimed = await db.trackingShipment.updateMany({
    where: { id: shipment.id, reshipRequestedAt: null },
    data: { reshipRequestedAt: new Date() },
  });
  if (claimed.count === 0) {
    return { ok: false, status: 409, message: "A reshipment of this parcel is being ordered" };
  }
  const release = () =>
    db.trackingShipment.update({ where: { id: shipment.id }, data: { reshipRequestedAt: null } });
  const orderName = fulfillment.orderName ?? "the order";
  let placed;
  try {
    placed = await placeReplacementOrder(shopDomain, {
      orderShopifyId: fulfillment.orderShopifyId,
      lines,
      title: "Reshipment",
      description: `Replacement for parcel ${shipment.trackingNumber} of ${orderName}`,
      note: `Reshipped by Aftercare: parcel ${shipment.trackingNumber} of ${orderName} (${shipment.attentionReason ?? shipment.tag})`,
      tag: "aftercare-reship",
      email: fulfillment.email,
      customerShopifyId: fulfillment.customerShopifyId,
    });
  } catch (error) {
    await release();
    if (error instanceof AdminApiError) {
      return { ok: false, status: 409, message: `Shopify could not be reached: ${error.message}` };
    }
    throw error;
  }
  if (!placed.ok) {
    await release();
    return { ok: false, status: 409, message: placed.message };
  }
  await db.trackingShipment.update({
    where: { id: shipment.id },
    data: { reshipOrderShopifyId: placed.order.id, reshipOrderName: placed.order.name },
  });
  // The problem is handled: it leaves the attention queue.
  await resolveAttention(shopDomain, shipment.id);
  return {
    ok: true,
    order: { shopifyId: placed.order.id, name: placed.order.name },
    repeated: false,
  };
}

type Shipment = NonNullable<Awaited<ReturnType<typeof shipmentDetail>>>;

/**
 * The e-mail "Contact customer" opens for a shipment that needs attention, in the shopper's
 * language (the order knows it when the fulfillment does not); null without an address.
 */
export async function shipmentContactDraft(shopDomain: string, shipment: Shipment) {
  if (!shipment.attention) return null;
  const order = await getOrder(shopDomain, shipment.order.shopifyId);
  const email = order?.email ?? shipment.order.email;
  if (!email) return null;
  return {
    email,
    ...contactDraft({
      reason: shipment.attention.reason,
      locale: order?.locale ?? shipment.order.locale,
      orderName: shipment.order.name,
      trackingNumber: shipment.trackingNumber,
      carrierName: shipment.carrierName,
      trackingUrl: storefrontTrackingUrl(shopDomain, shipment.trackingNumber),
    }),
  };
}
