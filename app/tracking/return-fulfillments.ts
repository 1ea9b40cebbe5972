/**
 * A return's parcel has no Shopify fulfillment: it is kept under a fulfillment of its own whose
 * id names the return, so its news is neither emailed to the shopper as a delivery nor written
 * back to a Shopify fulfillment.
 */
export const RETURN_FULFILLMENT_PREFIX = "return-";

export function isReturnShipment(fulfillmentShopifyId: string): boolean {
  return fulfillmentShopifyId.startsWith(RETURN_FULFILLMENT_PREFIX);
}

/** The return a return shipment's fulfillment id names. */
export function returnIdOfShipment(fulfillmentShopifyId: string): string {
  return fulfillmentShopifyId.slice(RETURN_FULFILLMENT_PREFIX.length);
}
