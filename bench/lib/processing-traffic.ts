import { refundPayload } from "../../scripts/standin/simulator/loyalty";
import { Random } from "../../scripts/standin/simulator/random";
import {
  CARRIER_PROFILES,
  fulfillmentPayload,
  simulateShipping,
} from "../../scripts/standin/simulator/shipping";
import {
  orderPayload,
  simulateShop,
  type SimulatedEvent,
  type SimulatedShop,
} from "../../scripts/standin/simulator/shop";

/**
 * The webhooks a shop with history sends, built by the stand-in's simulator exactly as Shopify
 * sends them: orders created and paid (a few cancelled), fulfillments with tracking numbers, the
 * carriers' fulfillment events, and refunds of one unit for some paid orders.
 */

const DAY_MS = 86_400_000;
/** Shipment news older than this sends no email (app/flows/shipment-emails.server.ts). */
const FRESH_NEWS_MS = 3 * DAY_MS;

export interface ProcessingTraffic {
  shop: SimulatedShop;
  /** Older history, sent and applied before anything is measured. */
  history: SimulatedEvent[];
  /** The measured mix: the last three days of the shop's webhooks, in the order Shopify sent them. */
  measured: SimulatedEvent[];
}

function refunds(shop: SimulatedShop, now: Date, random: Random): SimulatedEvent[] {
  let refundId = 9_300_000_000_000n;
  return shop.orders.flatMap((order) => {
    if (order.cancelledAt || !random.chance(0.08)) return [];
    const at = new Date(order.createdAt.getTime() + random.int(2, 48) * 3_600_000);
    if (at >= now) return [];
    const line = random.pick(order.lines);
    const body = refundPayload(order, line, {
      id: (refundId += BigInt(random.int(10, 90))),
      at,
      timeZone: shop.timeZone,
      currency: shop.currency,
    });
    return [{ topic: "refunds/create", at, body }];
  });
}

/**
 * `historyOrders` orders applied before the measurement, then `measuredOrders` more over the last
 * three days: the measured deliveries are recent enough that shipment news still sends emails.
 */
export function processingTraffic(
  shopDomain: string,
  historyOrders: number,
  measuredOrders: number,
  now = new Date(),
): ProcessingTraffic {
  const total = historyOrders + measuredOrders;
  const days = (FRESH_NEWS_MS / DAY_MS) * (total / measuredOrders);
  const shop = simulateShop({ shopDomain, seed: 18, orders: total, days, now });
  const events = [
    ...shop.events,
    ...simulateShipping(shop, { seed: 18, now }),
    ...refunds(shop, now, new Random(18)),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const cutoff = now.getTime() - FRESH_NEWS_MS;
  return {
    shop,
    history: events.filter((event) => event.at.getTime() < cutoff),
    measured: events.filter((event) => event.at.getTime() >= cutoff),
  };
}

/**
 * A sale: `orders` orders created and paid evenly over `seconds` from `start`, each fulfilled
 * with a tracking number `fulfilAfterSeconds` later. Times are the real times each delivery is
 * to be sent, so the payloads read as today's news.
 */
export function saleSpike(
  shopDomain: string,
  orders: number,
  seconds: number,
  start: Date,
  fulfilAfterSeconds = 30,
): SimulatedEvent[] {
  const random = new Random(2018);
  const shop = simulateShop({ shopDomain, seed: 2018, orders, days: 2, now: start });
  const context = { shopDomain, timeZone: shop.timeZone, currency: shop.currency };
  let fulfillmentId = 6_000_000_000_000n;
  const events = shop.orders.flatMap((order, index) => {
    const createdAt = new Date(start.getTime() + (index * seconds * 1000) / orders);
    const timed = { ...order, createdAt, cancelledAt: null };
    const paidAt = new Date(createdAt.getTime() + 5_000);
    const fulfilledAt = new Date(createdAt.getTime() + fulfilAfterSeconds * 1000);
    const carrier = random.pick(CARRIER_PROFILES);
    return [
      {
        topic: "orders/create",
        at: createdAt,
        body: orderPayload(timed, context, { updatedAt: createdAt, financialStatus: "pending" }),
      },
      {
        topic: "orders/paid",
        at: paidAt,
        body: orderPayload(timed, context, { updatedAt: paidAt, financialStatus: "paid" }),
      },
      {
        topic: "fulfillments/create",
        at: fulfilledAt,
        body: fulfillmentPayload(timed, shop, {
          id: (fulfillmentId += BigInt(random.int(1, 50))),
          carrier,
          trackingNumber: carrier.number(random),
          at: fulfilledAt,
        }),
      },
    ];
  });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** How many of each topic, for the report. */
export function topicCounts(events: SimulatedEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) counts[event.topic] = (counts[event.topic] ?? 0) + 1;
  return counts;
}
