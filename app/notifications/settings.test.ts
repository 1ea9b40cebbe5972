import { describe, expect, it } from "vitest";
import { sendTime } from "./settings";

const quiet = (start: string | null, end: string | null, timeZone = "America/New_York") => ({
  start,
  end,
  timeZone,
});

describe("sendTime", () => {
  it("adds the trigger's delay", () => {
    const now = new Date("2026-11-20T15:00:00Z");
    expect(sendTime(now, 30, quiet(null, null)).toISOString()).toBe("2026-11-20T15:30:00.000Z");
  });

  it("waits for the end of quiet hours that span midnight, on the shop's clock", () => {
    // 23:30 in New York (UTC-5) is inside 21:00–08:00: send at 08:00 New York = 13:00 UTC.
    const now = new Date("2026-11-21T04:30:00Z");
    expect(sendTime(now, 0, quiet("21:00", "08:00")).toISOString()).toBe(
      "2026-11-21T13:00:00.000Z",
    );
    // 07:59 is still quiet, 08:00 is not.
    expect(
      sendTime(new Date("2026-11-21T12:59:00Z"), 0, quiet("21:00", "08:00")).toISOString(),
    ).toBe("2026-11-21T13:00:00.000Z");
    const eight = new Date("2026-11-21T13:00:00Z");
    expect(sendTime(eight, 0, quiet("21:00", "08:00"))).toEqual(eight);
  });

  it("handles a window inside one day and a delay that lands in it", () => {
    // 12:00 Paris (UTC+1) + 90 min = 13:30, inside 13:00–14:00: wait until 14:00 Paris.
    const now = new Date("2026-11-20T11:00:00Z");
    expect(sendTime(now, 90, quiet("13:00", "14:00", "Europe/Paris")).toISOString()).toBe(
      "2026-11-20T13:00:00.000Z",
    );
    expect(sendTime(now, 0, quiet("13:00", "14:00", "Europe/Paris"))).toEqual(now);
  });
});
