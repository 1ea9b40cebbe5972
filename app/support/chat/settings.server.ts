import { db } from "../../db.server";
import { getShop } from "../../shops/index.server";
import { BusinessHoursSchema, parseHours, WEEKDAYS, type BusinessHours } from "./hours";

/** The chat settings page: business hours in the shop's zone, storefront origins, presence. */
export async function chatSettings(shopDomain: string) {
  const [shop, settings] = await Promise.all([
    getShop(shopDomain),
    db.supportChatSettings.findUnique({ where: { shopDomain } }),
  ]);
  return {
    timeZone: shop?.ianaTimezone ?? "UTC",
    hours: parseHours(settings?.businessHours),
    storefrontOrigins: settings?.storefrontOrigins ?? "",
  };
}

export type ChatSettingsResult = { ok: true } | { ok: false; error: "hours" | "origins" };

const ORIGIN = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * Saves the form: per weekday `<day>.open` (on/absent), `<day>.from` and `<day>.to` ("HH:MM"),
 * and `origins`, one https origin per line.
 */
export async function saveChatSettings(
  shopDomain: string,
  form: URLSearchParams,
): Promise<ChatSettingsResult> {
  const draft = Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      form.get(`${day}.open`) === "on"
        ? { open: form.get(`${day}.from`) ?? "", close: form.get(`${day}.to`) ?? "" }
        : null,
    ]),
  );
  const hours = BusinessHoursSchema.safeParse(draft);
  if (!hours.success) return { ok: false, error: "hours" };
  const origins = (form.get("origins") ?? "")
    .slice(0, 2000)
    .split(/\s+/)
    .map((origin) => origin.trim().replace(/\/$/, "").toLowerCase())
    .filter(Boolean);
  if (origins.length > 20 || origins.some((origin) => !ORIGIN.test(origin))) {
    return { ok: false, error: "origins" };
  }
  const data = {
    businessHours: JSON.stringify(hours.data satisfies BusinessHours),
    storefrontOrigins: origins.join("\n"),
  };
  await db.supportChatSettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...data },
    update: data,
  });
  return { ok: true };
}
