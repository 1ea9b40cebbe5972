import { renderToStaticMarkup } from "react-dom/server";
import { z } from "zod";
import { negotiateLocale } from "../../platform/i18n";
import { ShopSettingsSchema } from "../../shops/settings";
import { shopProfile } from "../../shops/shops.server";
import { trackByNumber, trackByOrder, type ShopperTracking } from "../lookup.server";
import type { TrackingMessageKey } from "./messages";
import { limitLookup } from "./rate-limit.server";
import { TrackingPage } from "./TrackingPage";

const LookupSchema = z.object({
  order: z.string().trim().max(40).default(""),
  email: z.string().trim().max(254).default(""),
  tracking: z.string().trim().max(60).default(""),
  locale: z.string().max(20).optional(),
});

export interface StorefrontLookup {
  /** 200 with a result or the empty form; 404 not found (either way); 400 missing fields; 429. */
  status: 200 | 400 | 404 | 429;
  retryAfterSeconds?: number;
  error: TrackingMessageKey | null;
  result: ShopperTracking | null;
  form: { orderNumber: string; email: string; trackingNumber: string };
  locale: ReturnType<typeof negotiateLocale>;
}

/**
 * One shopper lookup on the storefront tracking page (or its JSON form): order number + email,
 * or a tracking number; nothing asked yet shows the form. Rate-limited per IP and per shop.
 */
export async function storefrontLookup(input: {
  shopDomain: string;
  fields: Record<string, string>;
  ip: string;
  acceptLanguage: string | null;
}): Promise<StorefrontLookup> {
  const fields = LookupSchema.parse(input.fields);
  const form = { orderNumber: fields.order, email: fields.email, trackingNumber: fields.tracking };
  const answer = (
    status: StorefrontLookup["status"],
    error: TrackingMessageKey | null,
    result: ShopperTracking | null = null,
  ): StorefrontLookup => ({
    status,
    error,
    result,
    form,
    locale: negotiateLocale([fields.locale, result?.locale], input.acceptLanguage),
  });

  const byOrder = fields.order !== "" || fields.email !== "";
  if (!byOrder && !fields.tracking) return answer(200, null);
  if (byOrder && (!fields.order || !fields.email) && !fields.tracking) {
    return answer(400, "missingFields");
  }
  const wait = await limitLookup(input.shopDomain, input.ip);
  if (wait !== null) return { ...answer(429, "tooMany"), retryAfterSeconds: wait };

  const shop = await shopProfile(input.shopDomain);
  if (!shop?.installed) return answer(404, "notFound");
  const result =
    fields.order && fields.email
      ? await trackByOrder(input.shopDomain, fields.order, fields.email)
      : await trackByNumber(input.shopDomain, fields.tracking);
  return result ? answer(200, null, result) : answer(404, "notFound");
}

/** The page as Liquid for the App Proxy: Shopify renders it inside the merchant's theme. */
export async function renderStorefrontPage(
  shopDomain: string,
  lookup: StorefrontLookup,
  formAction: string,
) {
  const shop = await shopProfile(shopDomain);
  const html = renderToStaticMarkup(
    TrackingPage({
      locale: lookup.locale,
      branding: shop?.branding ?? ShopSettingsSchema.parse({}).branding,
      shopName: shop?.name ?? shopDomain,
      formAction,
      form: { ...lookup.form, email: lookup.result ? "" : lookup.form.email },
      error: lookup.error
        ? { key: lookup.error, values: { seconds: lookup.retryAfterSeconds ?? 0 } }
        : null,
      result: lookup.result,
    }),
  );
  return html;
}
