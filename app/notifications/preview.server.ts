import { shopProfile } from "../shops/index.server";
import { notify } from "./notify.server";
import { renderEmail } from "./render.server";
import type { NotificationSettings } from "./settings";
import { sampleData } from "./samples";
import type { TriggerName } from "./triggers";

export async function previewEmail(
  shopDomain: string,
  trigger: TriggerName,
  settings: NotificationSettings,
  locale = "en",
) {
  const profile = await shopProfile(shopDomain);
  return renderEmail({
    trigger,
    locale,
    data: sampleData(shopDomain, trigger),
    brand: {
      shopName: profile?.name ?? shopDomain,
      logoUrl: profile?.branding.logoUrl ?? null,
      primaryColor: profile?.branding.primaryColor ?? "#1f2937",
      accentColor: profile?.branding.accentColor ?? "#008060",
      address: null,
    },
    settings,
    unsubscribeUrl: "#unsubscribe",
    openPixelUrl: null,
  });
}

/** "Send a test email to me": the real path (queue, SMTP), to the merchant's address. */
export function sendTestEmail(shopDomain: string, trigger: TriggerName, to: string) {
  return notify({
    shop: shopDomain,
    trigger,
    subjectKey: `test:${Date.now()}`,
    recipient: { email: to, locale: "en" },
    data: sampleData(shopDomain, trigger),
  });
}
