import { renderToStaticMarkup } from "react-dom/server";
import { z } from "zod";
import { negotiateLocale } from "../../platform/i18n";
import { hasControlCharacters } from "../../platform/typed-text";
import { ShopSettingsSchema, shopProfile } from "../../shops/index.server";
import { activeTrackingOffer } from "../offer.server";
import { isShown, type TrackingPageLayout } from "../page-layout";
import { trackByNumber, trackOrderByEmail, type ShopperTracking } from "../lookup.server";
import type { TrackingMessageKey } from "./messages";
import { TrackingPage, type PageRecommendation } from "./TrackingPage";

/** Longer than any real value finds nothing, as a typo would (it used to fail the page with a 500). */
const typedField = (maxLength: number) =>
  z
    .string()
    .trim()
    .transform((value) => value.slice(0, maxLength))
    .default("");

const LookupSchema = z.object({
  order: typedField(40),
  email: typedField(254),
  tracking: typedField(60),
  // A hint only: one that is no locale is ignored.
  locale: z.string().max(20).optional().catch(undefined),
});

export interface StorefrontLookup {
  /** 200 with a result or the empty form; 404 not found (either way); 400 missing or untypable fields; 429. */
  status: 200 | 400 | 404 | 429;
  retryAfterSeconds?: number;
  error: TrackingMessageKey | null;
  result: ShopperTracking | null;
  /**
   * The order a lookup by order number and email found: the page may recommend for it. Never
   * for a tracking number alone, which does not reveal the order's contents.
   */
  order: { shopifyId: string; customerShopifyId: string | null } | null;
  form: { orderNumber: string; email: string; trackingNumber: string };
  locale: ReturnType<typeof negotiateLocale>;
}

/**
 * One shopper lookup on the storefront tracking page (or its JSON form): order number + email,
 * or a tracking number; nothing asked yet shows the form. Rate-limited per client address and per shop.
 */
export async function storefrontLookup(input: {
  shopDomain: string;
  fields: Record<string, string>;
  /** Spends one shopper lookup of the request's budget: the seconds to wait when over it, or null. */
  spendLookup: () => Promise<number | null>;
  acceptLanguage: string | null;
}): Promise<StorefrontLookup> {
  const fields = LookupSchema.parse(input.fields);
  const form = { orderNumber: fields.order, email: fields.email, trackingNumber: fields.tracking };
  const answer = (
    status: StorefrontLookup["status"],
    error: TrackingMessageKey | null,
    result: ShopperTracking | null = null,
    order: StorefrontLookup["order"] = null,
  ): StorefrontLookup => ({
    status,
    error,
    result,
    order,
    form,
    locale: negotiateLocale([fields.locale, result?.locale], input.acceptLanguage),
  });

  if ([fields.order, fields.email, fields.tracking].some(hasControlCharacters)) {
    return answer(400, "invalidCharacters");
  }
  const byOrder = fields.order !== "" || fields.email !== "";
  if (!byOrder && !fields.tracking) return answer(200, null);
  if (byOrder && (!fields.order || !fields.email) && !fields.tracking) {
    return answer(400, "missingFields");
  }
  const wait = await input.spendLookup();
  if (wait !== null) return { ...answer(429, "tooMany"), retryAfterSeconds: wait };

  const shop = await shopProfile(input.shopDomain);
  if (!shop?.installed) return answer(404, "notFound");
  if (fields.order && fields.email) {
    const found = await trackOrderByEmail(input.shopDomain, fields.order, fields.email);
    return found ? answer(200, null, found.tracking, found.order) : answer(404, "notFound");
  }
  const result = await trackByNumber(input.shopDomain, fields.tracking);
  return result ? answer(200, null, result) : answer(404, "notFound");
}

/** The page as Liquid for the App Proxy: Shopify renders it inside the merchant's theme. */
export async function renderStorefrontPage(
  shopDomain: string,
  lookup: StorefrontLookup,
  formAction: string,
  layout: TrackingPageLayout,
  recommendations: PageRecommendation[] = [],
) {
  const shop = await shopProfile(shopDomain);
  // The offer is for shoppers following an order, not for whoever opens the form.
  const offer =
    lookup.result && isShown(layout, "offer")
      ? await activeTrackingOffer(shopDomain, shop?.ianaTimezone ?? "UTC")
      : null;
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
      recommendations,
      offer,
      layout,
    }),
  );
  return html;
}
