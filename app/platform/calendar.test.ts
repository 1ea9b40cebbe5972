import { describe, expect, it } from "vitest";
import { dayInZone, daysEndingToday, earliestStartOf } from "./calendar";

describe("calendar days in a shop's time zone", () => {
  it("ends on the zone's today on either side of UTC midnight", () => {
    const evening = new Date("2026-12-02T23:30:00Z");
    expect(daysEndingToday(3, "America/New_York", evening)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
    ]);
    expect(daysEndingToday(2, "Pacific/Kiritimati", evening)).toEqual(["2026-12-02", "2026-12-03"]);
    const earlyMorning = new Date("2026-12-02T02:30:00Z");
    expect(daysEndingToday(1, "America/New_York", earlyMorning)).toEqual(["2026-12-01"]);
    expect(daysEndingToday(1, "UTC", earlyMorning)).toEqual(["2026-12-02"]);
  });

  it("counts each day once across a daylight-saving change", () => {
    const afterFallBack = new Date("2026-11-02T04:30:00Z");
    const days = daysEndingToday(3, "America/New_York", afterFallBack);
    expect(days).toEqual(["2026-10-30", "2026-10-31", "2026-11-01"]);
    expect(new Set(days).size).toBe(3);
  });

  it("starts a query early enough for the easternmost zone", () => {
    const start = earliestStartOf("2026-12-02");
    expect(dayInZone(start, "Pacific/Kiritimati")).toBe("2026-12-01");
    expect(dayInZone(start, "Etc/GMT+12")).toBe("2026-11-30");
  });
});
