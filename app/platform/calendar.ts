import { dateTimeFormat } from "./intl";

const DAY_MS = 86_400_000;

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayInZone(instant: Date, timeZone: string) {
  return dateTimeFormat("en-CA", { timeZone }).format(instant);
}

/** The `count` calendar days of a time zone ending with the day `now` falls on, oldest first. */
export function daysEndingToday(count: number, timeZone: string, now = new Date()) {
  // Arithmetic on the calendar day itself: stepping back 24 hours from an instant would skip or
  // repeat a day across a daylight-saving change.
  const today = Date.parse(`${dayInZone(now, timeZone)}T00:00:00Z`);
  return Array.from({ length: count }, (_, n) =>
    new Date(today - (count - 1 - n) * DAY_MS).toISOString().slice(0, 10),
  );
}

/**
 * An instant no later than the start of `day` in any time zone (UTC+14 starts it 14 hours
 * before UTC does), for queries whose rows are then sorted into days with `dayInZone`.
 */
export function earliestStartOf(day: string) {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS);
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string, count = 1) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar days from `from` to `to`, both included, oldest first. */
export function daysFromTo(from: string, to: string) {
  const days: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push(day);
  return days;
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((entry) => entry.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The first instant of a calendar day in a time zone (the day's midnight there). */
export function startOfDayInZone(day: string, timeZone: string) {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  // The offset at the guess, then at the corrected instant: right on both sides of a DST change.
  const guess = midnight - zoneOffsetMs(new Date(midnight), timeZone);
  return new Date(midnight - zoneOffsetMs(new Date(guess), timeZone));
}
