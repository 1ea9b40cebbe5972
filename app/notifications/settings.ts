import { z } from "zod";
import { SHOPPER_LOCALES } from "../platform/i18n";
import { TRIGGER_NAMES, type TriggerName } from "./triggers";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time like 21:00");

export const TriggerSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(0),
  /** The merchant's words; empty means the default text in the shopper's language. */
  subject: z.string().max(200).default(""),
  heading: z.string().max(200).default(""),
  body: z.string().max(2000).default(""),
  /** The same news by SMS (shipment triggers only): off until the merchant turns it on. */
  sms: z
    .object({
      enabled: z.boolean().default(false),
      /** The merchant's text per language; a missing one means the default text. */
      templates: z.partialRecord(z.enum(SHOPPER_LOCALES), z.string().max(640)).default({}),
    })
    .default({ enabled: false, templates: {} }),
});
export type TriggerSettings = z.infer<typeof TriggerSettingsSchema>;

export const NotificationSettingsSchema = z.object({
  triggers: z.record(z.string(), TriggerSettingsSchema).default({}),
  fromName: z.string().max(80).nullable().default(null),
  replyTo: z.email().nullable().default(null),
  quietStart: clock.nullable().default(null),
  quietEnd: clock.nullable().default(null),
  openTracking: z.boolean().default(false),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export function triggerSettings(settings: NotificationSettings, trigger: TriggerName) {
  return TriggerSettingsSchema.parse(settings.triggers[trigger] ?? {});
}

export function allTriggerSettings(settings: NotificationSettings) {
  return TRIGGER_NAMES.map((trigger) => ({ trigger, ...triggerSettings(settings, trigger) }));
}

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return hours * 60 + minutes;
};

/** Minutes past midnight of `at` on the wall clock of `timeZone`. */
function localMinutes(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

/**
 * When a message (email or SMS) may go out: after the trigger's delay, and never inside the shop's quiet hours
 * (on its own clock; a window may span midnight) — then it waits for the window's end.
 */
export function sendTime(
  now: Date,
  delayMinutes: number,
  quiet: { start: string | null; end: string | null; timeZone: string },
): Date {
  const due = new Date(now.getTime() + delayMinutes * 60_000);
  if (!quiet.start || !quiet.end || quiet.start === quiet.end) return due;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const local = localMinutes(due, quiet.timeZone);
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return due;
  const wait = (end - local + 1440) % 1440;
  const atEnd = new Date(due.getTime() + wait * 60_000);
  atEnd.setUTCSeconds(0, 0);
  return atEnd;
}
