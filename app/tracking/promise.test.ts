import { describe, expect, it } from "vitest";
import {
  businessDaysBetween,
  deliveryPromise,
  instantAt,
  promiseLabel,
  transitRange,
  type PromiseRules,
} from "./promise";

// Weekdays are the Gregorian calendar's (2026-12-04 is a Friday, 2026-03-08 a Sunday); offsets
// are the IANA tz database's: PST −8, HST −10, JST +9, CET +1, EST −5 and, from 2026-03-08
// (the second Sunday of March), EDT −4.
const rules = (timeZone: string, fields: Partial<PromiseRules> = {}): PromiseRules => ({
  timeZone,
  cutoff: "14:00",
  processingDays: 0,
  holidays: [],
  ...fields,
});

describe("deliveryPromise", () => {
  it.each([
    {
      case: "a weekday before the cut-off ships today (Los Angeles, Wed 10:00)",
      now: "2026-12-02T18:00:00Z",
      rules: rules("America/Los_Angeles"),
      transit: { min: 2, max: 4 },
      expected: {
        shipDay: "2026-12-02",
        earliest: "2026-12-04",
        latest: "2026-12-08",
        orderBy: "2026-12-02T22:00:00.000Z",
      },
    },
    {
      case: "after the cut-off it ships the next business day (Wed 15:00)",
      now: "2026-12-02T23:00:00Z",
      rules: rules("America/Los_Angeles"),
      transit: { min: 2, max: 4 },
      expected: {
        shipDay: "2026-12-03",
        earliest: "2026-12-07",
        latest: "2026-12-09",
        orderBy: "2026-12-03T22:00:00.000Z",
      },
    },
    {
      case: "Friday after the cut-off waits for Monday (Fri 14:30)",
      now: "2026-12-04T22:30:00Z",
      rules: rules("America/Los_Angeles"),
      transit: { min: 2, max: 4 },
      expected: {
        shipDay: "2026-12-07",
        earliest: "2026-12-09",
        latest: "2026-12-11",
        orderBy: "2026-12-07T22:00:00.000Z",
      },
    },
    {
      case: "the same instant is Saturday morning in Tokyo: Monday's cut-off, Tokyo time",
      now: "2026-12-04T22:30:00Z",
      rules: rules("Asia/Tokyo"),
      transit: { min: 2, max: 4 },
      expected: {
        shipDay: "2026-12-07",
        earliest: "2026-12-09",
        latest: "2026-12-11",
        orderBy: "2026-12-07T05:00:00.000Z",
      },
    },
    {
      case: "and still Friday before the cut-off in Honolulu (12:30)",
      now: "2026-12-04T22:30:00Z",
      rules: rules("Pacific/Honolulu"),
      transit: { min: 2, max: 4 },
      expected: {
        shipDay: "2026-12-04",
        earliest: "2026-12-08",
        latest: "2026-12-10",
        orderBy: "2026-12-05T00:00:00.000Z",
      },
    },
    {
      case: "a Sunday order counts from Monday (Paris)",
      now: "2026-12-06T12:00:00Z",
      rules: rules("Europe/Paris"),
      transit: { min: 1, max: 2 },
      expected: {
        shipDay: "2026-12-07",
        earliest: "2026-12-08",
        latest: "2026-12-09",
        orderBy: "2026-12-07T13:00:00.000Z",
      },
    },
    {
      case: "a holiday neither ships nor delivers (Christmas Eve morning, Paris)",
      now: "2026-12-24T09:00:00Z",
      rules: rules("Europe/Paris", { holidays: ["2026-12-25"] }),
      transit: { min: 1, max: 2 },
      expected: {
        shipDay: "2026-12-24",
        earliest: "2026-12-28",
        latest: "2026-12-29",
        orderBy: "2026-12-24T13:00:00.000Z",
      },
    },
    {
      case: "after the cut-off before a holiday and a weekend: the next Monday",
      now: "2026-12-24T15:00:00Z",
      rules: rules("Europe/Paris", { holidays: ["2026-12-25"] }),
      transit: { min: 1, max: 2 },
      expected: {
        shipDay: "2026-12-28",
        earliest: "2026-12-29",
        latest: "2026-12-30",
        orderBy: "2026-12-28T13:00:00.000Z",
      },
    },
    {
      case: "processing days come before the handover",
      now: "2026-12-02T18:00:00Z",
      rules: rules("America/Los_Angeles", { processingDays: 2 }),
      transit: { min: 1, max: 3 },
      expected: {
        shipDay: "2026-12-04",
        earliest: "2026-12-07",
        latest: "2026-12-09",
        orderBy: "2026-12-02T22:00:00.000Z",
      },
    },
    {
      case: "a weekend across the change to summer time: Monday's cut-off in EDT",
      now: "2026-03-07T17:00:00Z",
      rules: rules("America/New_York"),
      transit: { min: 1, max: 1 },
      expected: {
        shipDay: "2026-03-09",
        earliest: "2026-03-10",
        latest: "2026-03-10",
        orderBy: "2026-03-09T18:00:00.000Z",
      },
    },
    {
      case: "same-day delivery",
      now: "2026-12-02T18:00:00Z",
      rules: rules("America/Los_Angeles", { cutoff: "11:30" }),
      transit: { min: 0, max: 1 },
      expected: {
        shipDay: "2026-12-02",
        earliest: "2026-12-02",
        latest: "2026-12-03",
        orderBy: "2026-12-02T19:30:00.000Z",
      },
    },
  ])("$case", ({ now, rules, transit, expected }) => {
    const promise = deliveryPromise(new Date(now), rules, transit);
    expect({ ...promise, orderBy: promise.orderBy.toISOString() }).toEqual(expected);
  });
});

describe("calendar helpers", () => {
  it.each([
    ["2026-03-08", "14:00", "America/New_York", "2026-03-08T18:00:00.000Z"],
    ["2026-11-01", "12:00", "America/New_York", "2026-11-01T17:00:00.000Z"],
    ["2026-12-02", "00:00", "Pacific/Kiritimati", "2026-12-01T10:00:00.000Z"],
    ["2026-12-02", "14:00", "UTC", "2026-12-02T14:00:00.000Z"],
  ])("%s %s in %s is %s", (day, time, timeZone, instant) => {
    expect(instantAt(day, time, timeZone).toISOString()).toBe(instant);
  });

  it("counts business days between two days", () => {
    expect(businessDaysBetween("2026-12-04", "2026-12-07")).toBe(1);
    expect(businessDaysBetween("2026-12-05", "2026-12-07")).toBe(1);
    expect(businessDaysBetween("2026-12-07", "2026-12-11")).toBe(4);
    expect(businessDaysBetween("2026-12-02", "2026-12-02")).toBe(0);
  });

  it("takes the 10th to 90th percentile of the shop's transit days, whole days outward", () => {
    expect(transitRange([9, 1, 2, 2, 3, 3, 3, 4, 5, 6], 8)).toEqual({ min: 1, max: 7 });
    expect(transitRange([2, 2, 2], 8)).toBeNull();
  });

  it("words the range in the shopper's language", () => {
    // ICU sets the range dash between thin spaces.
    expect(promiseLabel({ earliest: "2026-12-09", latest: "2026-12-11" }, "en")).toMatch(
      /^Wed, Dec 9\s–\sFri, Dec 11$/u,
    );
    expect(promiseLabel({ earliest: "2026-12-09", latest: "2026-12-09" }, "en")).toBe("Wed, Dec 9");
    for (const locale of ["fr", "de", "es"]) {
      const label = promiseLabel({ earliest: "2026-12-09", latest: "2026-12-11" }, locale);
      expect(label).toMatch(/9.*11/);
      expect(label).not.toContain("Wed");
    }
  });
});
