import { describe, expect, it } from "vitest";
import { BusinessHoursSchema, DEFAULT_HOURS, isOpen, parseHours } from "./hours";

describe("business hours on the shop's clock", () => {
  // 2026-03-29 is the night European clocks go forward (01:00 UTC); 2026-11-01 American ones go back.
  it.each([
    ["2026-12-07T08:59:00Z", "Europe/London", false, "a Monday a minute before nine"],
    ["2026-12-07T09:00:00Z", "Europe/London", true, "a Monday at nine"],
    ["2026-12-07T16:59:00Z", "Europe/London", true, "a minute before closing"],
    ["2026-12-07T17:00:00Z", "Europe/London", false, "closing time"],
    ["2026-12-05T12:00:00Z", "Europe/London", false, "a Saturday"],
    ["2026-12-07T08:30:00Z", "Europe/Paris", true, "09:30 in Paris is 08:30 UTC in winter"],
    ["2026-03-30T07:30:00Z", "Europe/Paris", true, "09:30 in Paris is 07:30 UTC after the change"],
    ["2026-03-30T15:30:00Z", "Europe/Paris", false, "17:30 in Paris after the change"],
    ["2026-12-07T14:00:00Z", "America/New_York", true, "09:00 in New York"],
    ["2026-12-07T13:59:00Z", "America/New_York", false, "08:59 in New York"],
    ["2026-12-05T03:00:00Z", "America/Los_Angeles", true, "Friday 19:00 in LA is Saturday in UTC"],
    ["2026-12-07T09:00:00Z", "Not/AZone", true, "an unknown zone counts as UTC"],
  ])("%s in %s: %s (%s)", (instant, zone, open) => {
    const hours = { ...DEFAULT_HOURS, fri: { open: "09:00", close: "20:00" } };
    expect(isOpen(hours, zone, new Date(instant))).toBe(open);
  });

  it("opens all day with 00:00–24:00", () => {
    const always = parseHours(
      JSON.stringify(
        Object.fromEntries(
          ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
            d,
            { open: "00:00", close: "24:00" },
          ]),
        ),
      ),
    );
    expect(isOpen(always, "UTC", new Date("2026-12-06T23:59:00Z"))).toBe(true);
    expect(isOpen(always, "UTC", new Date("2026-12-06T00:00:00Z"))).toBe(true);
  });

  it("refuses hours that close before they open or are not times, and reads bad JSON as the default", () => {
    expect(
      BusinessHoursSchema.safeParse({ ...DEFAULT_HOURS, mon: { open: "17:00", close: "09:00" } })
        .success,
    ).toBe(false);
    expect(
      BusinessHoursSchema.safeParse({ ...DEFAULT_HOURS, mon: { open: "9am", close: "17:00" } })
        .success,
    ).toBe(false);
    expect(parseHours("{not json")).toEqual(DEFAULT_HOURS);
  });
});
