import { db } from "../db.server";
import { NotificationSettingsSchema, type NotificationSettings } from "./settings";

export async function getNotificationSettings(shopDomain: string): Promise<NotificationSettings> {
  const row = await db.notificationSettings.findUnique({ where: { shopDomain } });
  if (!row) return NotificationSettingsSchema.parse({});
  const parsed = NotificationSettingsSchema.safeParse({
    triggers: JSON.parse(row.triggers),
    fromName: row.fromName,
    replyTo: row.replyTo,
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
    openTracking: row.openTracking,
  });
  return parsed.success ? parsed.data : NotificationSettingsSchema.parse({});
}

export async function saveNotificationSettings(shopDomain: string, input: unknown) {
  const parsed = NotificationSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, error: parsed.error };
  const { triggers, ...fields } = parsed.data;
  const data = { ...fields, triggers: JSON.stringify(triggers) };
  await db.notificationSettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...data },
    update: data,
  });
  return { ok: true as const, settings: parsed.data };
}
