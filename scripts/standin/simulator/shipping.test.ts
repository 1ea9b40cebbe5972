import { describe, expect, it } from "vitest";
import { detectCarrier } from "../../../app/tracking/carriers/detect";
import { parseShopifyJson } from "../../../app/platform/shopify/json";
import {
  FulfillmentEventPayloadSchema,
  FulfillmentPayloadSchema,
} from "../../../app/tracking/schemas";
import { simulateShipping } from "./shipping";
import { simulateShop } from "./shop";

describe("simulated shipping", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  const shop = simulateShop({ shopDomain: "sim.myshopify.com", seed: 3, orders: 60, now });
  const events = simulateShipping(shop, { seed: 3, now });

  it("fulfills orders with valid real-format tracking numbers, in Shopify's payload shapes", () => {
    const fulfillments = events
      .filter((event) => event.topic === "fulfillments/create")
      .map((event) => FulfillmentPayloadSchema.parse(parseShopifyJson(event.body)));
    expect(fulfillments.length).toBeGreaterThan(40);
    for (const fulfillment of fulfillments) {
      const detection = detectCarrier(fulfillment.tracking_number!);
      expect(detection.carrier, fulfillment.tracking_number!).not.toBeNull();
    }
    const followed = events
      .filter((event) => event.topic === "fulfillment_events/create")
      .map((event) => FulfillmentEventPayloadSchema.parse(parseShopifyJson(event.body)));
    expect(new Set(followed.map((event) => event.status))).toEqual(
      new Set(["in_transit", "out_for_delivery", "delivered", "attempted_delivery", "failure"]),
    );
  });

  it("happens in the past, in order, and the same for the same seed", () => {
    expect(events.every((event) => event.at < now)).toBe(true);
    expect(events.map((event) => event.at.getTime())).toEqual(
      [...events.map((event) => event.at.getTime())].sort((a, b) => a - b),
    );
    expect(simulateShipping(shop, { seed: 3, now }).map((event) => event.body)).toEqual(
      events.map((event) => event.body),
    );
  });
});
