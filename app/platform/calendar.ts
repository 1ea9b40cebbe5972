const DAY_MS = 86_400_000;

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayInZone(instant: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant);
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
