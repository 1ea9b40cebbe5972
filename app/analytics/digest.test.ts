import { describe, expect, it } from "vitest";
import { digestWeek } from "./digest";

// 2026-11-30 is a Monday (ISO week 49 of 2026 starts on it).
describe("digestWeek", () => {
  it.each([
    [
      "Monday 08:00 in Paris reports the week just ended",
      "2026-11-30T07:00:00Z",
      "Europe/Paris",
      "2026-11-23",
    ],
    [
      "Monday 07:59 in Paris is still the week before's turn",
      "2026-11-30T06:59:00Z",
      "Europe/Paris",
      "2026-11-16",
    ],
    [
      "Sunday night in New York is the same week",
      "2026-12-07T03:00:00Z",
      "America/New_York",
      "2026-11-23",
    ],
    [
      "Monday 08:00 in New York, 13:00 UTC",
      "2026-12-07T13:00:00Z",
      "America/New_York",
      "2026-11-30",
    ],
    ["Monday 07:00 in Tokyo is Sunday in UTC", "2026-11-29T22:00:00Z", "Asia/Tokyo", "2026-11-16"],
    ["Monday 09:00 in Tokyo", "2026-11-30T00:00:00Z", "Asia/Tokyo", "2026-11-23"],
  ])("%s", (_, now, timeZone, from) => {
    const week = digestWeek(new Date(now), timeZone);
    expect(week.from).toBe(from);
    expect(
      new Date(`${week.to}T00:00:00Z`).getTime() - new Date(`${week.from}T00:00:00Z`).getTime(),
    ).toBe(6 * 86_400_000);
  });
});
