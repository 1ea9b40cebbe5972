import { describe, expect, it } from "vitest";
import { startOfDayInZone } from "../platform/calendar";
import {
  addMonths,
  change,
  csat,
  customerCohortFigures,
  histogramPercentile,
  isOnTime,
  nps,
  orderNetRevenue,
  share,
  transitHours,
} from "./kpi";

describe("KPI formulas against hand-computed examples", () => {
  // NPS: % promoters (9–10) − % detractors (0–6) (PRODUCT.md; Reichheld, "The One Number You Need
  // to Grow", HBR 2003). Interval: each answer scores +1/0/−1, standard error
  // √((p₊ + p₋ − (p₊ − p₋)²)/n), ±1.96 (the usual NPS margin of error).
  it.each([
    // n, promoters, detractors → score, low, high (by hand: √0.061 = 0.24698, × 1.96 = 0.48408)
    [10, 5, 2, 30, -18.41, 78.41],
    // 4 promoters of 4: no spread, the interval is the point
    [4, 4, 0, 100, 100, 100],
    // 100 answers, 40/30: mean 0.1, var (0.7 − 0.01)/100 = 0.0069, se 0.08307, ×1.96 = 0.16281
    [100, 40, 30, 10, -6.28, 26.28],
    // 2 detractors of 2 → −100
    [2, 0, 2, -100, -100, -100],
  ])(
    "NPS of %i answers, %i promoters, %i detractors",
    (n, promoters, detractors, score, low, high) => {
      const figure = nps({ n, promoters, detractors })!;
      expect(figure.score).toBeCloseTo(score, 6);
      expect(figure.low).toBeCloseTo(low, 1);
      expect(figure.high).toBeCloseTo(high, 1);
      expect(figure.n).toBe(n);
    },
  );

  it("has no NPS, CSAT or rate without answers", () => {
    expect(nps({ n: 0, promoters: 0, detractors: 0 })).toBeNull();
    expect(csat({ n: 0, satisfied: 0 })).toBeNull();
    expect(share(3, 0)).toBeNull();
  });

  it("CSAT is the share of ratings of 4 or 5", () => {
    // ratings 5, 4, 3, 1: two of four satisfied
    expect(csat({ n: 4, satisfied: 2 })).toBe(0.5);
  });

  // Nearest-rank percentiles, Wikipedia "Percentile", nearest-rank method, its worked example:
  // the ordered list 15, 20, 35, 40, 50 has 30th = 20, 40th = 20, 50th = 35, 100th = 50.
  it.each([
    [0.3, 20],
    [0.4, 20],
    [0.5, 35],
    [1, 50],
  ])("nearest-rank percentile %f of 15, 20, 35, 40, 50 is %i", (q, expected) => {
    const histogram = new Map([15, 20, 35, 40, 50].map((value) => [value, 1]));
    expect(histogramPercentile(histogram, q)).toBe(expected);
  });

  it("reads percentiles of repeated values from the counts", () => {
    // 48 h ×3, 72 h ×1, 120 h ×1: median (rank 3) 48, p90 (rank 5) 120
    const histogram = new Map([
      [72, 1],
      [48, 3],
      [120, 1],
    ]);
    expect(histogramPercentile(histogram, 0.5)).toBe(48);
    expect(histogramPercentile(histogram, 0.9)).toBe(120);
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
  });

  it("counts transit in whole hours and on time against the first promise", () => {
    const fulfilled = new Date("2026-11-02T10:00:00Z");
    expect(transitHours(fulfilled, new Date("2026-11-04T09:59:00Z"))).toBe(47);
    expect(transitHours(fulfilled, new Date("2026-11-04T10:00:00Z"))).toBe(48);
    const promised = new Date("2026-11-05T23:59:59Z");
    expect(isOnTime(new Date("2026-11-05T18:00:00Z"), promised)).toBe(true);
    expect(isOnTime(new Date("2026-11-06T08:00:00Z"), promised)).toBe(false);
  });

  it("nets refunds and cancellations out of revenue", () => {
    expect(orderNetRevenue({ totalPrice: 5000, currentTotalPrice: 3000, cancelledAt: null })).toBe(
      3000,
    );
    expect(orderNetRevenue({ totalPrice: 5000, currentTotalPrice: null, cancelledAt: null })).toBe(
      5000,
    );
    expect(
      orderNetRevenue({ totalPrice: 5000, currentTotalPrice: 5000, cancelledAt: new Date() }),
    ).toBe(0);
  });

  it("adds calendar months, clamping to the month's end", () => {
    expect(addMonths(new Date("2027-01-31T12:00:00Z"), 1).toISOString()).toBe(
      "2027-02-28T12:00:00.000Z",
    );
    expect(addMonths(new Date("2028-01-31T12:00:00Z"), 1).toISOString()).toBe(
      "2028-02-29T12:00:00.000Z",
    );
    expect(addMonths(new Date("2026-11-15T00:00:00Z"), 3).toISOString()).toBe(
      "2027-02-15T00:00:00.000Z",
    );
  });

  it("gives a customer's repeat within 90 days and cumulative revenue by month", () => {
    // First order 10 Jan ($50), again 1 Mar (50 days later, $20) and 1 Aug ($30).
    const figures = customerCohortFigures({
      orders: [
        { processedAt: new Date("2026-08-01T00:00:00Z"), netRevenue: 3000 },
        { processedAt: new Date("2026-01-10T00:00:00Z"), netRevenue: 5000 },
        { processedAt: new Date("2026-03-01T00:00:00Z"), netRevenue: 2000 },
      ],
    })!;
    expect(figures.firstOrderAt.toISOString()).toBe("2026-01-10T00:00:00.000Z");
    expect(figures.repeated90).toBe(true);
    // By 10 Feb no second order; by 10 Mar there is one.
    expect(figures.repeatedByMonth.slice(0, 3)).toEqual([false, true, true]);
    // Before 10 Feb: 50; before 10 Mar…10 Jul: 70; from 10 Aug: 100.
    expect(figures.revenueByMonth).toEqual([
      5000, 7000, 7000, 7000, 7000, 7000, 10000, 10000, 10000, 10000, 10000, 10000,
    ]);
  });

  it("does not count a second order after 90 days as a repeat", () => {
    const figures = customerCohortFigures({
      orders: [
        { processedAt: new Date("2026-01-01T00:00:00Z"), netRevenue: 100 },
        { processedAt: new Date("2026-04-01T00:00:01Z"), netRevenue: 100 },
      ],
    })!;
    // 1 Jan + 90 days = 1 Apr 00:00; the second order is a second later.
    expect(figures.repeated90).toBe(false);
  });

  it("compares with the previous period as a fraction of it", () => {
    expect(change(120, 100)).toBeCloseTo(0.2);
    expect(change(-10, -20)).toBeCloseTo(0.5);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
  });

  it("starts a shop's day at its local midnight, across daylight-saving changes", () => {
    expect(startOfDayInZone("2026-12-05", "UTC").toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(startOfDayInZone("2026-12-05", "America/Los_Angeles").toISOString()).toBe(
      "2026-12-05T08:00:00.000Z",
    );
    expect(startOfDayInZone("2026-12-05", "Pacific/Kiritimati").toISOString()).toBe(
      "2026-12-04T10:00:00.000Z",
    );
    // US clocks spring forward on 8 March 2026 at 02:00: that day starts at PST, the next at PDT.
    expect(startOfDayInZone("2026-03-08", "America/New_York").toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
    expect(startOfDayInZone("2026-03-09", "America/New_York").toISOString()).toBe(
      "2026-03-09T04:00:00.000Z",
    );
  });
});
