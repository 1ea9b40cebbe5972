import { config } from "../../config.server";
import { SHOPPER_LOCALES, type ShopperLocale } from "../../platform/i18n";
import { shopProfile } from "../../shops/index.server";
import { allTriggerSettings } from "../settings";
import { getNotificationSettings, saveNotificationSettings } from "../settings.server";
import { getSmsAccountView } from "./account.server";
import { isSmsTrigger, SMS_DEFAULTS, sampleShortLink, type SmsTrigger } from "./templates";

/** What the SMS settings page shows: the account, and per SMS trigger its switch and texts. */
export async function smsSettingsPage(shopDomain: string) {
  const [settings, account, profile] = await Promise.all([
    getNotificationSettings(shopDomain),
    getSmsAccountView(shopDomain),
    shopProfile(shopDomain),
  ]);
  const triggers = allTriggerSettings(settings)
    .filter((entry): entry is typeof entry & { trigger: SmsTrigger } => isSmsTrigger(entry.trigger))
    .map((entry) => ({
      trigger: entry.trigger,
      enabled: entry.sms.enabled,
      templates: Object.fromEntries(
        SHOPPER_LOCALES.map((locale) => [locale, entry.sms.templates[locale] ?? ""]),
      ) as Record<ShopperLocale, string>,
      defaults: SMS_DEFAULTS[entry.trigger],
    }));
  const appUrl = config().appUrl;
  return {
    account,
    triggers,
    sample: { shop: profile?.name ?? shopDomain, order: "#1001", link: sampleShortLink(appUrl) },
    inboundUrl: `${appUrl}/webhooks/twilio/inbound?shop=${shopDomain}`,
  };
}

/** Saves each SMS trigger's switch and texts from the form (`sms:<trigger>`, `sms:<trigger>:<locale>`). */
export async function saveSmsTriggers(shopDomain: string, form: FormData) {
  const current = await getNotificationSettings(shopDomain);
  const triggers = Object.fromEntries(
    allTriggerSettings(current).map(({ trigger, ...values }) => {
      if (!isSmsTrigger(trigger)) return [trigger, values];
      const templates = Object.fromEntries(
        SHOPPER_LOCALES.flatMap((locale) => {
          const text = String(form.get(`sms:${trigger}:${locale}`) ?? "").trim();
          return text ? [[locale, text]] : [];
        }),
      );
      return [
        trigger,
        { ...values, sms: { enabled: form.get(`sms:${trigger}`) === "on", templates } },
      ];
    }),
  );
  return saveNotificationSettings(shopDomain, { ...current, triggers });
}
