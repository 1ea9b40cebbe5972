import { Prisma, db } from "../../db.server";
import { getOrder, parseAddress } from "../../orders/index.server";
import { adminGateway } from "../../platform/shopify/admin.server";
import { fromGid, toGid } from "../../platform/shopify/gid";
import { trackReturnShipment } from "../../tracking/index.server";
import {
  ReturnContextQuery,
  ReturnLocationsQuery,
  ReverseDeliveryCreateWithShippingMutation,
} from "../operations";
import { emailReturnNews } from "../emails.server";
import { easypostLabels } from "./easypost.server";
import { LabelPurchaseError, type LabelAddress, type LabelProvider } from "./types";

/** Label providers in order of preference; the first the shop has connected buys the label. */
const PROVIDERS: LabelProvider[] = [easypostLabels];

/** What a return parcel weighs for the rate quote when nothing better is known: 1 lb per unit. */
const OUNCES_PER_UNIT = 16;

export type LabelOutcome = { ok: true } | { ok: false; message: string };

async function returnLocation(shop: string): Promise<LabelAddress | null> {
  const { locations } = await adminGateway.request(shop, ReturnLocationsQuery, {});
  const location =
    locations.nodes.find((node) => node.isActive && node.fulfillsOnlineOrders) ??
    locations.nodes.find((node) => node.isActive);
  const place = location?.address;
  if (!location || !place?.address1 || !place.city || !place.zip || !place.countryCode) {
    return null;
  }
  return {
    name: location.name,
    company: null,
    street1: place.address1,
    street2: place.address2,
    city: place.city,
    state: place.provinceCode,
    zip: place.zip,
    country: place.countryCode,
    phone: place.phone,
    email: null,
  };
}

async function shopperAddress(shop: string, orderShopifyId: string): Promise<LabelAddress | null> {
  const order = await getOrder(shop, orderShopifyId);
  const address = parseAddress(order?.shippingAddress ?? null);
  if (!address?.address1 || !address.city || !address.zip || !address.country_code) return null;
  return {
    name:
      address.name ?? ([address.first_name, address.last_name].filter(Boolean).join(" ") || null),
    company: address.company ?? null,
    street1: address.address1,
    street2: address.address2 ?? null,
    city: address.city,
    state: address.province_code ?? null,
    zip: address.zip,
    country: address.country_code,
    phone: address.phone ?? null,
    email: order?.email ?? null,
  };
}

/** Gives Shopify the label and tracking (reverseDeliveryCreateWithShipping), once per label. */
async function attachToShopify(
  shop: string,
  returnShopifyId: string,
  label: {
    id: string;
    trackingNumber: string;
    trackingUrl: string | null;
    carrier: string | null;
    labelUrl: string | null;
  },
): Promise<LabelOutcome> {
  const { return: shopifyReturn } = await adminGateway.request(shop, ReturnContextQuery, {
    id: toGid("Return", returnShopifyId),
  });
  const reverseFulfillmentOrder = shopifyReturn?.reverseFulfillmentOrders.nodes[0];
  if (!reverseFulfillmentOrder) {
    return { ok: false, message: "Shopify has no open return to attach the label to" };
  }
  const result = await adminGateway.request(shop, ReverseDeliveryCreateWithShippingMutation, {
    reverseFulfillmentOrderId: reverseFulfillmentOrder.id,
    // Empty: Shopify ships back every line of the reverse fulfillment order.
    reverseDeliveryLineItems: [],
    trackingInput: {
      number: label.trackingNumber,
      url: label.trackingUrl,
      company: label.carrier,
    },
    ...(label.labelUrl ? { labelInput: { fileUrl: label.labelUrl } } : {}),
    // The shopper gets the label from Aftercare's return email.
    notifyCustomer: false,
  });
  const payload = result.reverseDeliveryCreateWithShipping;
  if (!payload?.reverseDelivery) {
    const reasons = payload?.userErrors.map((error) => error.message).join("; ") ?? "no answer";
    return { ok: false, message: `The label is bought, but Shopify refused it: ${reasons}` };
  }
  await db.returnLabel.update({
    where: { id: label.id },
    data: { reverseDeliveryShopifyId: fromGid(payload.reverseDelivery.id) },
  });
  return { ok: true };
}

/**
 * Buys the return's prepaid label from the shop's connected provider, stores it, gives it to
 * Shopify and starts tracking the parcel. A purchase in progress holds the label row with an
 * empty tracking number, so a second click never buys a second label; a label Shopify has not
 * accepted yet is offered to it again on the next call. `actor` is who the timeline says bought
 * it: the merchant's click, or the policy on approval (../automation.server.ts).
 */
export async function buyReturnLabel(
  shop: string,
  returnId: string,
  actor: "merchant" | "system",
): Promise<LabelOutcome> {
  const request = await db.returnRequest.findFirst({ where: { id: returnId, shopDomain: shop } });
  if (!request) return { ok: false, message: "Return not found" };
  if (!request.shopifyId) {
    return { ok: false, message: "This return is not in Shopify yet; try again in a minute" };
  }
  const existing = await db.returnLabel.findFirst({ where: { shopDomain: shop, returnId } });
  if (existing?.trackingNumber === "") return { ok: true };
  if (existing) {
    return existing.reverseDeliveryShopifyId
      ? { ok: true }
      : attachToShopify(shop, request.shopifyId, existing);
  }

  let provider: LabelProvider | undefined;
  for (const candidate of PROVIDERS) {
    if (await candidate.connected(shop)) {
      provider = candidate;
      break;
    }
  }
  if (!provider) {
    return {
      ok: false,
      message: "Connect EasyPost under Shipments → Tracking settings to buy return labels",
    };
  }
  const [from, to] = await Promise.all([
    shopperAddress(shop, request.orderShopifyId),
    returnLocation(shop),
  ]);
  if (!from) return { ok: false, message: "The order has no complete shipping address" };
  if (!to) return { ok: false, message: "The shop has no location with a complete address" };

  let claim;
  try {
    claim = await db.returnLabel.create({
      data: { shopDomain: shop, returnId, provider: provider.name, trackingNumber: "" },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: true };
    }
    throw error;
  }
  const units = await db.returnLine.aggregate({
    where: { returnId },
    _sum: { quantity: true },
  });
  let bought;
  try {
    bought = await provider.buyReturnLabel({
      shopDomain: shop,
      reference: returnId,
      from,
      to,
      parcel: { weightOz: Math.max(1, units._sum.quantity ?? 1) * OUNCES_PER_UNIT },
    });
  } catch (error) {
    await db.returnLabel.delete({ where: { id: claim.id } });
    if (error instanceof LabelPurchaseError) return { ok: false, message: error.message };
    throw error;
  }
  const label = await db.returnLabel.update({
    where: { id: claim.id },
    data: {
      providerRef: bought.providerRef,
      carrier: bought.carrier,
      service: bought.service,
      trackingNumber: bought.trackingNumber,
      trackingUrl: bought.trackingUrl,
      labelUrl: bought.labelUrl,
      cost: bought.cost,
      currency: bought.currency,
    },
  });
  await db.returnEvent.create({
    data: {
      shopDomain: shop,
      returnId,
      kind: "label_issued",
      actor,
      detail: `${bought.carrier} ${bought.trackingNumber}`,
    },
  });
  await trackReturnShipment(shop, {
    returnId,
    orderShopifyId: request.orderShopifyId,
    orderName: request.orderName,
    email: request.email,
    trackingNumber: bought.trackingNumber,
    carrier: bought.carrier,
    trackingUrl: bought.trackingUrl,
  });
  await emailReturnNews(shop, returnId, "return.label_ready", { labelUrl: bought.labelUrl });
  return attachToShopify(shop, request.shopifyId, label);
}

/**
 * reverse_deliveries/attach_deliverable: our own label coming back gets its Shopify id; a label
 * attached in Shopify's admin is recorded and its parcel tracked.
 */
export async function attachReturnShipment(
  shop: string,
  returnId: string,
  deliverable: {
    reverseDeliveryShopifyId: string;
    trackingNumber: string;
    carrier: string | null;
    trackingUrl: string | null;
    labelUrl: string | null;
  },
) {
  const request = await db.returnRequest.findFirstOrThrow({
    where: { id: returnId, shopDomain: shop },
  });
  const known = await db.returnLabel.findFirst({
    where: { shopDomain: shop, returnId, trackingNumber: deliverable.trackingNumber },
  });
  if (known) {
    if (!known.reverseDeliveryShopifyId) {
      await db.returnLabel.update({
        where: { id: known.id },
        data: { reverseDeliveryShopifyId: deliverable.reverseDeliveryShopifyId },
      });
    }
    return;
  }
  try {
    await db.returnLabel.create({
      data: {
        shopDomain: shop,
        returnId,
        provider: "shopify",
        carrier: deliverable.carrier,
        trackingNumber: deliverable.trackingNumber,
        trackingUrl: deliverable.trackingUrl,
        labelUrl: deliverable.labelUrl,
        reverseDeliveryShopifyId: deliverable.reverseDeliveryShopifyId,
      },
    });
  } catch (error) {
    // A duplicate delivery recorded it a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return;
    throw error;
  }
  await db.returnEvent.create({
    data: {
      shopDomain: shop,
      returnId,
      kind: "label_issued",
      actor: "shopify",
      detail: [deliverable.carrier, deliverable.trackingNumber].filter(Boolean).join(" "),
    },
  });
  await trackReturnShipment(shop, {
    returnId,
    orderShopifyId: request.orderShopifyId,
    orderName: request.orderName,
    email: request.email,
    trackingNumber: deliverable.trackingNumber,
    carrier: deliverable.carrier,
    trackingUrl: deliverable.trackingUrl,
  });
}
