import { describe, expect, it } from "vitest";
import { needsAttention, stallThreshold } from "./attention";
import { defaultEstimate, historyEstimate, isRevision, percentile } from "./estimates";
import { fromEasyPost } from "./providers/easypost-status";
import { fromShopifyShipmentStatus, status, toFulfillmentEventStatus } from "./status";
import { currentStatus } from "./timeline";

const at = (iso: string) => new Date(iso);

describe("status model", () => {
  it("maps Shopify's shipment statuses and back to FulfillmentEventStatus", () => {
    expect(fromShopifyShipmentStatus("attempted_delivery")).toEqual(status("AttemptFail_001"));
    expect(fromShopifyShipmentStatus("ready_for_pickup")).toEqual(status("AvailableForPickup_001"));
    expect(fromShopifyShipmentStatus("label_printed")).toEqual(status("InfoReceived_001"));
    expect(fromShopifyShipmentStatus("nonsense")).toBeNull();
    expect(toFulfillmentEventStatus(status("InTransit_002"))).toBe("CARRIER_PICKED_UP");
    expect(toFulfillmentEventStatus(status("Exception_017"))).toBe("DELAYED");
    expect(toFulfillmentEventStatus(status("Exception_013"))).toBe("FAILURE");
    expect(toFulfillmentEventStatus(status("Pending_001"))).toBeNull();
  });

  it("maps EasyPost statuses, refined by their detail", () => {
    expect(fromEasyPost("in_transit", "arrived_at_facility")).toEqual(status("InTransit_003"));
    expect(fromEasyPost("in_transit", "weather_delay")).toEqual(status("Exception_017"));
    expect(fromEasyPost("delivered", "arrived_at_facility")).toEqual(status("Delivered_001"));
    expect(fromEasyPost("pre_transit", "label_created")).toEqual(status("InfoReceived_001"));
    expect(fromEasyPost("return_to_sender", null)).toEqual(status("Exception_011"));
    expect(fromEasyPost("something_new", null)).toEqual(status("Pending_001"));
  });

  it("rejects unknown sub-statuses", () => {
    expect(() => status("InTransit_999")).toThrow(/Unknown/);
  });
});

describe("current status from a timeline", () => {
  const entry = (iso: string, subtag: string) => ({ occurredAt: at(iso), ...status(subtag) });

  it("is the newest event, ties broken by progress", () => {
    expect(
      currentStatus([
        entry("2024-01-02T00:00:00Z", "OutForDelivery_001"),
        entry("2024-01-02T00:00:00Z", "InTransit_001"),
        entry("2024-01-01T00:00:00Z", "InfoReceived_001"),
      ])?.tag,
    ).toBe("OutForDelivery");
  });

  it("stays Delivered after a later scan unless it is an exception", () => {
    const delivered = entry("2024-01-02T00:00:00Z", "Delivered_001");
    expect(currentStatus([delivered, entry("2024-01-03T00:00:00Z", "InTransit_001")])?.tag).toBe(
      "Delivered",
    );
    expect(currentStatus([delivered, entry("2024-01-03T00:00:00Z", "Exception_010")])?.tag).toBe(
      "Exception",
    );
  });

  it("can leave an exception when the carrier resumes", () => {
    expect(
      currentStatus([
        entry("2024-01-02T00:00:00Z", "Exception_005"),
        entry("2024-01-03T00:00:00Z", "InTransit_008"),
      ])?.subtag,
    ).toBe("InTransit_008");
  });
});

describe("estimates", () => {
  const shipped = at("2024-03-04T12:00:00Z"); // a Monday

  it("uses the shop's p10–p90 when it has enough deliveries", () => {
    const days = [2, 2, 3, 3, 3, 3, 4, 4, 5, 9];
    const estimate = historyEstimate(shipped, days)!;
    expect(estimate.source).toBe("history");
    expect(estimate.earliest.toISOString()).toBe("2024-03-06T12:00:00.000Z");
    expect(
      percentile(
        [...days].sort((a, b) => a - b),
        0.9,
      ),
    ).toBeCloseTo(5.4);
    expect(estimate.confidence).toBeGreaterThan(0.5);
    expect(historyEstimate(shipped, days.slice(0, 5))).toBeNull();
  });

  it("falls back to business days by carrier, longer abroad", () => {
    const ups = defaultEstimate(shipped, "ups", false);
    expect(ups.earliest.toISOString().slice(0, 10)).toBe("2024-03-05");
    expect(ups.latest.toISOString().slice(0, 10)).toBe("2024-03-11");
    const abroad = defaultEstimate(shipped, "ups", true);
    expect(abroad.latest > ups.latest).toBe(true);
    expect(defaultEstimate(shipped, null, false).confidence).toBeLessThan(ups.confidence);
  });

  it("records a revision only when the window moves by more than half a day", () => {
    const previous = { earliest: at("2024-03-06T00:00:00Z"), latest: at("2024-03-07T00:00:00Z") };
    expect(
      isRevision(previous, { earliest: previous.earliest, latest: at("2024-03-07T06:00:00Z") }),
    ).toBe(false);
    expect(
      isRevision(previous, { earliest: previous.earliest, latest: at("2024-03-09T00:00:00Z") }),
    ).toBe(true);
    expect(isRevision({ earliest: null, latest: null }, previous)).toBe(false);
  });
});

describe("attention", () => {
  const base = {
    tag: "InTransit",
    subtag: "InTransit_001",
    carrier: "ups",
    shippedAt: at("2024-03-01T00:00:00Z"),
    createdAt: at("2024-03-01T00:00:00Z"),
    lastCheckpointAt: at("2024-03-02T00:00:00Z"),
    estimateLatest: at("2024-03-10T00:00:00Z"),
    stallDays: {},
  };

  it("flags stalls by the carrier's threshold and the shop's own", () => {
    expect(needsAttention({ ...base, now: at("2024-03-04T00:00:00Z") })).toBeNull();
    expect(needsAttention({ ...base, now: at("2024-03-05T01:00:00Z") })?.reason).toBe("stalled");
    expect(
      needsAttention({ ...base, stallDays: { ups: 7 }, now: at("2024-03-05T01:00:00Z") }),
    ).toBeNull();
    expect(stallThreshold({}, "s10")).toBe(10);
    expect(stallThreshold({ "*": 9 }, null)).toBe(9);
  });

  it("flags a missed estimate and never a delivered shipment", () => {
    const recent = { ...base, lastCheckpointAt: at("2024-03-10T12:00:00Z") };
    expect(needsAttention({ ...recent, now: at("2024-03-11T00:00:00Z") })?.reason).toBe(
      "missed_estimate",
    );
    expect(
      needsAttention({
        ...recent,
        tag: "Delivered",
        subtag: "Delivered_001",
        now: at("2024-04-01T00:00:00Z"),
      }),
    ).toBeNull();
  });
});
