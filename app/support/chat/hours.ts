import { z } from "zod";

/**
 * Business hours: for each weekday an opening and a closing time ("09:00"–"17:30") on the shop's
 * clock (its IANA time zone), or closed. Pure rules, no database.
 */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DaySchema = z
  .object({ open: z.string().regex(TIME), close: z.string().regex(TIME) })
  .refine((day) => day.open < day.close, "closes before it opens")
  .nullable();
export const BusinessHoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, DaySchema])) as Record<Weekday, typeof DaySchema>,
);
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

/** Until the merchant says otherwise: Monday to Friday, nine to five. */
export const DEFAULT_HOURS: BusinessHours = {
  mon: { open: "09:00", close: "17:00" },
  tue: { open: "09:00", close: "17:00" },
  wed: { open: "09:00", close: "17:00" },
  thu: { open: "09:00", close: "17:00" },
  fri: { open: "09:00", close: "17:00" },
  sat: null,
  sun: null,
};

export function parseHours(json: string | null | undefined): BusinessHours {
  if (!json) return DEFAULT_HOURS;
  try {
    return BusinessHoursSchema.parse(JSON.parse(json));
  } catch {
    return DEFAULT_HOURS;
  }
}

const clocks = new Map<string, Intl.DateTimeFormat>();
function clock(timeZone: string) {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    clocks.set(timeZone, format);
  }
  return format;
}

/** The weekday and "HH:MM" it is now on the shop's clock (UTC when the zone is unknown). */
export function shopClock(now: Date, timeZone: string): { day: Weekday; time: string } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = clock(timeZone).formatToParts(now);
  } catch {
    parts = clock("UTC").formatToParts(now);
  }
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return {
    day: part("weekday").toLowerCase() as Weekday,
    time: `${part("hour")}:${part("minute")}`,
  };
}

/** Whether the shop's team is at work at this instant. */
export function isOpen(hours: BusinessHours, timeZone: string, now: Date): boolean {
  const { day, time } = shopClock(now, timeZone);
  const today = hours[day];
  return today !== null && today !== undefined && time >= today.open && time < today.close;
}
