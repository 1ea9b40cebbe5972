import { customerReferralLink } from "../loyalty/index.server";
import { log } from "../platform/logging/logger.server";
import { getShop, getShopSettings } from "../shops/index.server";
import type { NpsGroup } from "./surveys.server";

/**
 * The closed loop on the shopper's side: what an answer is followed by, decided here so the
 * thank-you block, the order-status block and the delivery survey page offer the same.
 */
export type FollowUpOffer =
  | { kind: "return" | "contact" | "review"; url: string }
  | { kind: "referral"; url: string; friendPercent: number };

/** An answer on its own scale: NPS 0–6 and CSAT 1–2 are unhappy, NPS 9–10 and CSAT 5 happy. */
export type Sentiment = "unhappy" | "neutral" | "happy";

export const NPS_SENTIMENT: Record<NpsGroup, Sentiment> = {
  detractor: "unhappy",
  passive: "neutral",
  promoter: "happy",
};

/** Who answered, about which order. */
export interface Respondent {
  customerShopifyId: string | null;
  /** The order's name ("#1001"), for the returns portal to open with it filled in. */
  orderName: string | null;
}

/** The storefront returns portal; its lookup form takes the order's name from `?order=`. */
function returnsPortalUrl(shopDomain: string, orderName: string | null) {
  const portal = `https://${shopDomain}/apps/aftercare/returns`;
  return orderName ? `${portal}?order=${encodeURIComponent(orderName)}` : portal;
}

/**
 * Unhappy: start a return on the storefront portal (the order filled in), or write to the shop
 * (its support address, else Shopify's public contact address, else the theme's contact page).
 * Happy: review the shop where the merchant asked, and share the shopper's loyalty referral link
 * when the program rewards friends. A referral link Shopify cannot create now is left out, not an
 * error.
 */
export async function followUpOffers(
  shopDomain: string,
  sentiment: Sentiment,
  { customerShopifyId, orderName }: Respondent,
): Promise<FollowUpOffer[]> {
  if (sentiment === "neutral") return [];
  const settings = await getShopSettings(shopDomain);
  if (sentiment === "unhappy") {
    const email = settings.supportEmail ?? (await getShop(shopDomain))?.contactEmail ?? null;
    return [
      { kind: "return", url: returnsPortalUrl(shopDomain, orderName) },
      { kind: "contact", url: email ? `mailto:${email}` : `https://${shopDomain}/pages/contact` },
    ];
  }
  const offers: FollowUpOffer[] = [];
  if (settings.reviewUrl) offers.push({ kind: "review", url: settings.reviewUrl });
  if (customerShopifyId) {
    const referral = await customerReferralLink(shopDomain, customerShopifyId).catch(
      (error: unknown) => {
        log().warn({ shop: shopDomain, err: error }, "No referral link for a survey follow-up");
        return null;
      },
    );
    if (referral) offers.push({ kind: "referral", ...referral });
  }
  return offers;
}
