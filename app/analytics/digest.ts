import { dateTimeFormat } from "../platform/intl";
import { dayInZone, nextDay } from "../platform/calendar";

/** The weekly digest's calendar: pure, so its edges are tested without a clock or a database. */

/** Monday, 08:00 on the shop's clock: the digest goes out at the first check after it. */
export const DIGEST_HOUR = 8;

export interface DigestWeek {
  /** The week reported on, Monday to Sunday in the shop's calendar. */
  from: string;
  to: string;
}

function localHour(now: Date, timeZone: string) {
  const hour = dateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" })
    .formatToParts(now)
    .find((part) => part.type === "hour")?.value;
  return Number(hour ?? 0);
}

/**
 * The week a digest sent at `now` reports on: the last full week, once Monday 08:00 has passed
 * in the shop's time zone; before that on a Monday, the week before it is still the newest sent.
 * Every check from then until the next Monday 08:00 names the same week, which keys the sending.
 */
export function digestWeek(now: Date, timeZone: string): DigestWeek {
  const today = dayInZone(now, timeZone);
  const daysSinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  let monday = nextDay(today, -daysSinceMonday);
  if (daysSinceMonday === 0 && localHour(now, timeZone) < DIGEST_HOUR) monday = nextDay(monday, -7);
  return { from: nextDay(monday, -7), to: nextDay(monday, -1) };
}
