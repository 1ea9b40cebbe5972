/**
 * "Order today, get it by Tue 9 – Thu 11": the delivery promise a shopper sees before buying.
 * Pure date math on the shop's own clock (no database): the day the order ships (today before the
 * cut-off, else the next shipping day, plus the shop's processing days), then the transit range
 * in business days. Weekends and the shop's holidays neither ship nor deliver.
 */
import { dayInZone } from "../platform/calendar";
import { percentile } from "./estimates";

const DAY_MS = 86_400_000;

/** A calendar day, YYYY-MM-DD. */
export type Day = string;

export interface PromiseRules {
  timeZone: string;
  /** Orders placed before this wall-clock time (HH:MM, the shop's time zone) ship that day. */
  cutoff: string;
  /** Shipping days between the day an order is placed (before the cut-off) and its handover. */
  processingDays: number;
  /** Days nothing ships or arrives, in the shop's time zone. */
  holidays: Day[];
}

export interface DeliveryPromise {
  /** The day the order is handed to the carrier. */
  shipDay: Day;
  earliest: Day;
  latest: Day;
  /** The instant until which ordering keeps this promise (the next cut-off). */
  orderBy: Date;
}

const weekday = (day: Day) => new Date(`${day}T00:00:00Z`).getUTCDay();
const nextDay = (day: Day) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

export function isBusinessDay(day: Day, holidays: readonly Day[]): boolean {
  const dayOfWeek = weekday(day);
  return dayOfWeek !== 0 && dayOfWeek !== 6 && !holidays.includes(day);
}

/** The `count`-th business day after `day` (the day itself when count is 0 and it is one). */
export function addBusinessDays(day: Day, count: number, holidays: readonly Day[]): Day {
  let current = day;
  while (!isBusinessDay(current, holidays)) current = nextDay(current);
  for (let added = 0; added < count;) {
    current = nextDay(current);
    if (isBusinessDay(current, holidays)) added++;
  }
  return current;
}

/** Business days from one day to a later one (Friday → Monday is 1), weekends only. */
export function businessDaysBetween(from: Day, to: Day): number {
  let count = 0;
  for (let current = from; current < to;) {
    current = nextDay(current);
    if (isBusinessDay(current, [])) count++;
  }
  return count;
}

/** Minutes past midnight of an instant on the wall clock of a time zone. */
function wallMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

/**
 * The instant a wall-clock time of a day has in a time zone. The zone's offset is read at a first
 * guess and again at the answer, so a day when clocks change gets the offset in force then.
 */
export function instantAt(day: Day, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const wall = Date.parse(`${day}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  const offsetAt = (instant: number) => {
    const shown = dayInZone(new Date(instant), timeZone);
    const shownWall =
      Date.parse(`${shown}T00:00:00Z`) + wallMinutes(new Date(instant), timeZone) * 60_000;
    return shownWall - instant;
  };
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return hours * 60 + minutes;
};

export function deliveryPromise(
  now: Date,
  rules: PromiseRules,
  transit: { min: number; max: number },
): DeliveryPromise {
  const today = dayInZone(now, rules.timeZone);
  const beforeCutoff =
    isBusinessDay(today, rules.holidays) &&
    wallMinutes(now, rules.timeZone) < minutesOf(rules.cutoff);
  // The day the order counts as placed: today before the cut-off, else the next shipping day.
  const placed = beforeCutoff ? today : addBusinessDays(nextDay(today), 0, rules.holidays);
  const shipDay = addBusinessDays(placed, rules.processingDays, rules.holidays);
  return {
    shipDay,
    earliest: addBusinessDays(shipDay, transit.min, rules.holidays),
    latest: addBusinessDays(shipDay, Math.max(transit.min, transit.max), rules.holidays),
    orderBy: instantAt(placed, rules.cutoff, rules.timeZone),
  };
}

/**
 * Business-day transit range from the shop's own deliveries: the 10th to 90th percentile, whole
 * days (the earliest rounded down, the latest up), or null below `minimum` deliveries.
 */
export function transitRange(
  samples: number[],
  minimum: number,
): { min: number; max: number } | null {
  if (samples.length < minimum) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    min: Math.floor(percentile(sorted, 0.1)),
    max: Math.ceil(percentile(sorted, 0.9)),
  };
}

/** "Tue, Dec 8 – Thu, Dec 10" in the shopper's language (one day when the range is one day). */
export function promiseLabel(promise: { earliest: Day; latest: Day }, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const earliest = new Date(`${promise.earliest}T00:00:00Z`);
  if (promise.earliest === promise.latest) return format.format(earliest);
  return format.formatRange(earliest, new Date(`${promise.latest}T00:00:00Z`));
}
