import { detectCarrier } from "../../../app/tracking/carriers/detect";
import { Random } from "./random";
import type { SimulatedEvent, SimulatedOrder, SimulatedShop } from "./shop";
import { shopifyTime, stringifyShopifyJson } from "./shopify-json";

/**
 * The shop's shipping as Shopify reports it: a fulfillment with a tracking number for each order
 * that was not cancelled, then the carrier's progress as fulfillment events — mostly on time,
 * some slow, some stalled, some failed attempts and exceptions — all in the past of `now`.
 */

export interface CarrierProfile {
  company: string;
  /** Transit days from pickup to delivery. */
  days: [number, number];
  number(random: Random): string;
  url(number: string): string;
}

/** A number of the carrier's format whose check digit is right, found by trying each digit. */
function withCheckDigit(base: string, carrier: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${base}${digit}`;
    const detection = detectCarrier(candidate);
    if (detection.carrier === carrier && detection.valid) return candidate;
  }
  throw new Error(`No check digit makes ${base} a ${carrier} number`);
}

const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => random.int(0, 9)).join("");

export const CARRIER_PROFILES: CarrierProfile[] = [
  {
    company: "UPS",
    days: [2, 4],
    number: (random) => withCheckDigit(`1Z5R8939${digits(random, 9)}`, "ups"),
    url: (number) => `https://www.ups.com/track?tracknum=${number}`,
  },
  {
    company: "USPS",
    days: [3, 6],
    number: (random) => withCheckDigit(`9400111899${digits(random, 11)}`, "usps"),
    url: (number) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`,
  },
  {
    company: "Amazon Logistics US",
    days: [1, 3],
    number: (random) => `TBA${digits(random, 12)}`,
    url: (number) => `https://track.amazon.com/tracking/${number}`,
  },
];

type Outcome = "delivered" | "stalled" | "attempt" | "exception";

export interface ShippingOptions {
  seed?: number;
  now?: Date;
}

export function simulateShipping(shop: SimulatedShop, options: ShippingOptions = {}) {
  const random = new Random(options.seed ?? 7);
  const now = options.now ?? new Date();
  const events: SimulatedEvent[] = [];
  let fulfillmentId = 5_000_000_000_000n;
  let eventId = 7_000_000_000_000n;
  const time = (at: Date) => shopifyTime(at, shop.timeZone);

  for (const order of shop.orders) {
    if (order.cancelledAt) continue;
    const fulfilledAt = new Date(order.createdAt.getTime() + random.int(6, 30) * 3600_000);
    if (fulfilledAt >= now) continue;
    const carrier = random.pick(CARRIER_PROFILES);
    const trackingNumber = carrier.number(random);
    const id = (fulfillmentId += BigInt(random.int(1, 50)));
    const fulfillment = fulfillmentPayload(order, shop, {
      id,
      carrier,
      trackingNumber,
      at: fulfilledAt,
    });
    events.push({ topic: "fulfillments/create", at: fulfilledAt, body: fulfillment });

    const outcome: Outcome = random.chance(0.06)
      ? "stalled"
      : random.chance(0.04)
        ? "attempt"
        : random.chance(0.03)
          ? "exception"
          : "delivered";
    const transitDays = random.int(carrier.days[0], carrier.days[1]) + (random.chance(0.1) ? 3 : 0);
    const pickedUp = new Date(fulfilledAt.getTime() + random.int(4, 20) * 3600_000);
    const arrival = new Date(pickedUp.getTime() + transitDays * 86_400_000);
    const where = order.customer.address;
    const steps: { status: string; at: Date; message: string; city: string | null }[] = [
      { status: "in_transit", at: pickedUp, message: "Picked up by the carrier", city: null },
    ];
    if (outcome === "stalled") {
      // Nothing after the pickup scan.
    } else if (outcome === "exception") {
      steps.push({
        status: "failure",
        at: new Date(pickedUp.getTime() + 2 * 86_400_000),
        message: "Damaged in transit; the carrier has opened an investigation",
        city: null,
      });
    } else {
      steps.push({
        status: "in_transit",
        at: new Date(arrival.getTime() - 20 * 3600_000),
        message: "Arrived at the destination facility",
        city: where.city,
      });
      steps.push({
        status: "out_for_delivery",
        at: new Date(arrival.getTime() - 6 * 3600_000),
        message: "Out for delivery",
        city: where.city,
      });
      steps.push(
        outcome === "attempt"
          ? {
              status: "attempted_delivery",
              at: arrival,
              message: "Delivery attempted: no one available",
              city: where.city,
            }
          : {
              status: "delivered",
              at: arrival,
              message: "Delivered, front door",
              city: where.city,
            },
      );
    }
    for (const step of steps) {
      if (step.at >= now) break;
      events.push({
        topic: "fulfillment_events/create",
        at: step.at,
        body: stringifyShopifyJson({
          id: (eventId += BigInt(random.int(1, 50))),
          fulfillment_id: id,
          status: step.status,
          message: step.message,
          happened_at: time(step.at),
          city: step.city,
          province: step.city ? where.province : null,
          country: where.countryCode,
          zip: step.city ? where.zip : null,
          address1: null,
          latitude: null,
          longitude: null,
          shop_id: 548380009,
          created_at: time(step.at),
          updated_at: time(step.at),
          estimated_delivery_at: null,
          order_id: order.id,
          admin_graphql_api_id: `gid://shopify/FulfillmentEvent/${eventId}`,
        }),
      });
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function fulfillmentPayload(
  order: SimulatedOrder,
  shop: SimulatedShop,
  fulfillment: { id: bigint; carrier: CarrierProfile; trackingNumber: string; at: Date },
): string {
  const time = (at: Date) => shopifyTime(at, shop.timeZone);
  const { customer } = order;
  const where = customer.address;
  const url = fulfillment.carrier.url(fulfillment.trackingNumber);
  return stringifyShopifyJson({
    id: fulfillment.id,
    order_id: order.id,
    status: "success",
    created_at: time(fulfillment.at),
    service: "manual",
    updated_at: time(fulfillment.at),
    tracking_company: fulfillment.carrier.company,
    shipment_status: null,
    location_id: null,
    origin_address: null,
    email: customer.email,
    destination: {
      first_name: customer.firstName,
      address1: where.address1,
      phone: null,
      city: where.city,
      zip: where.zip,
      province: where.province,
      country: where.country,
      last_name: customer.lastName,
      address2: null,
      company: null,
      latitude: null,
      longitude: null,
      name: `${customer.firstName} ${customer.lastName}`,
      country_code: where.countryCode,
      province_code: where.provinceCode,
    },
    line_items: order.lines.map((line) => ({
      id: line.id,
      variant_id: line.product.variantId,
      title: line.product.title,
      quantity: line.quantity,
      sku: line.product.sku,
      variant_title: line.product.variantTitle,
      vendor: null,
      fulfillment_service: "manual",
      product_id: line.product.id,
      requires_shipping: true,
      taxable: true,
      gift_card: false,
      name: `${line.product.title} - ${line.product.variantTitle}`,
      price: line.product.price.toFixed(2),
      admin_graphql_api_id: `gid://shopify/LineItem/${line.id}`,
    })),
    tracking_number: fulfillment.trackingNumber,
    tracking_numbers: [fulfillment.trackingNumber],
    tracking_url: url,
    tracking_urls: [url],
    receipt: {},
    name: `${order.name}.1`,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${fulfillment.id}`,
  });
}
