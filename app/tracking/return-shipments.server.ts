import { db } from "../db.server";
import { jobs } from "../platform/jobs/queue.server";
import { registerTracker } from "./jobs.server";
import {
  isReturnShipment,
  RETURN_FULFILLMENT_PREFIX,
  returnIdOfShipment,
} from "./return-fulfillments";
import { applyFulfillment } from "./shipments.server";

/**
 * A return's parcel, travelling from the shopper back to the shop, followed like any shipment
 * (carrier detection, the aggregator, checkpoints, attention). It has no Shopify fulfillment,
 * so it is kept under a fulfillment of its own whose id names the return: its news is neither
 * emailed to the shopper as a delivery nor written back to a Shopify fulfillment.
 */
export interface ReturnShipmentInput {
  /** Our return's id: one return shipment per return and tracking number. */
  returnId: string;
  orderShopifyId: string;
  orderName: string;
  email: string | null;
  trackingNumber: string;
  carrier: string | null;
  trackingUrl: string | null;
}

/** Starts following a return shipment; the same return and number again changes nothing. */
export async function trackReturnShipment(shopDomain: string, input: ReturnShipmentInput) {
  const now = new Date().toISOString();
  const { createdShipmentIds } = await applyFulfillment(
    shopDomain,
    {
      id: `${RETURN_FULFILLMENT_PREFIX}${input.returnId}`,
      order_id: input.orderShopifyId,
      status: "success",
      tracking_company: input.carrier,
      tracking_number: input.trackingNumber,
      tracking_numbers: [input.trackingNumber],
      tracking_url: input.trackingUrl,
      tracking_urls: input.trackingUrl ? [input.trackingUrl] : [],
      line_items: [],
      created_at: now,
      updated_at: now,
    },
    {
      orderName: input.orderName,
      email: input.email,
      locale: null,
      customerShopifyId: null,
      destination: null,
    },
  );
  for (const shipmentId of createdShipmentIds) {
    await jobs.send(
      registerTracker,
      { shop: shopDomain, shipmentId },
      { idempotencyKey: `register:${shipmentId}` },
    );
  }
  return createdShipmentIds;
}

/** The return whose parcel a shipment is, or null for a shipment to the shopper. */
export async function returnOfShipment(
  shopDomain: string,
  shipmentId: string,
): Promise<string | null> {
  const shipment = await db.trackingShipment.findFirst({
    where: { id: shipmentId, shopDomain },
    select: { fulfillment: { select: { shopifyId: true } } },
  });
  if (!shipment || !isReturnShipment(shipment.fulfillment.shopifyId)) return null;
  return returnIdOfShipment(shipment.fulfillment.shopifyId);
}
