import { render } from "@react-email/render";
import { negotiateLocale, type ShopperLocale } from "../platform/i18n";
import { formatMoney } from "../platform/shopify/money";
import { TRIGGERS, isShipmentTrigger, type TriggerName } from "./triggers";
import { triggerSettings, type NotificationSettings } from "./settings";
import { NotificationEmail, type Brand } from "./templates/NotificationEmail";
import { emailTranslator } from "./templates/messages";
import { DigestDetails, type DigestFigures } from "./templates/DigestDetails";
import { digestTranslator } from "./templates/digest";

export interface EmailToRender {
  trigger: TriggerName;
  locale: string | null;
  data: unknown;
  brand: Brand;
  settings: NotificationSettings;
  unsubscribeUrl: string;
  openPixelUrl: string | null;
}

export interface RenderedEmail {
  locale: ShopperLocale;
  subject: string;
  html: string;
  text: string;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);

const longDay = (day: string, locale: ShopperLocale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * A trigger's email in the shopper's language: the merchant's words when they wrote some,
 * otherwise the default; HTML and a plain-text alternative from the same React Email tree.
 */
export async function renderEmail(email: EmailToRender): Promise<RenderedEmail> {
  const definition = TRIGGERS[email.trigger];
  const data = definition.data.parse(email.data) as Record<string, unknown>;
  const locale = negotiateLocale([email.locale]);
  const t = emailTranslator(locale);
  const custom = triggerSettings(email.settings, email.trigger);
  const defaults = definition.texts[locale];
  const values: Record<string, string> = {
    shop: email.brand.shopName,
    order: String(data.orderName ?? "—"),
    points: String(data.balance ?? ""),
    survey: String(data.survey ?? ""),
    score: String(data.score ?? ""),
    comment: typeof data.comment === "string" ? ` “${data.comment}”` : "",
    reason: String(data.reason ?? ""),
    amount:
      typeof data.amount === "number" && typeof data.currency === "string"
        ? formatMoney(data.amount, data.currency, locale)
        : "",
    from: typeof data.from === "string" ? longDay(data.from, locale) : "",
    to: typeof data.to === "string" ? longDay(data.to, locale) : "",
    date: data.expiresAt
      ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
          new Date(String(data.expiresAt)),
        )
      : "",
  };
  const subject = fill(custom.subject || defaults.subject, values);
  const heading = fill(custom.heading || defaults.heading, values);
  const body = fill(custom.body || defaults.body, values);
  const shipment = isShipmentTrigger(email.trigger)
    ? (data as unknown as Parameters<typeof NotificationEmail>[0]["shipment"])
    : null;
  const action = shipment
    ? { label: t("trackButton"), url: shipment.trackingUrl }
    : typeof data.labelUrl === "string"
      ? { label: t("labelButton"), url: data.labelUrl }
      : typeof data.accountUrl === "string"
        ? { label: t("rewardsButton"), url: data.accountUrl }
        : typeof data.adminUrl === "string"
          ? { label: t("openInAdmin"), url: data.adminUrl }
          : null;
  const digest = email.trigger === "digest.weekly" ? (data as unknown as DigestFigures) : null;
  const element = (
    <NotificationEmail
      locale={locale}
      brand={email.brand}
      heading={heading}
      paragraphs={body.split(/\n{2,}/)}
      action={action}
      shipment={shipment}
      ratingUrls={Array.isArray(data.ratingUrls) ? (data.ratingUrls as string[]) : null}
      t={t}
      unsubscribeUrl={email.unsubscribeUrl}
      openPixelUrl={email.openPixelUrl}
      details={digest ? <DigestDetails figures={digest} locale={locale} /> : undefined}
      why={digest ? digestTranslator(locale)("why") : undefined}
    />
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { locale, subject, html, text };
}
