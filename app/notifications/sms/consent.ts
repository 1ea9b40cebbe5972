import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

/**
 * Who may be texted, and on what grounds. Pure: the inputs are what Shopify told us about the
 * order and its customer, and whether the number texted STOP to the shop.
 *
 * - A number that texted an opt-out keyword to the shop is never texted again until it texts
 *   an opt-in keyword (CTIA Messaging Principles and Best Practices, 2023, §5.1.3 "opt-out";
 *   Twilio error 21610 refuses such numbers anyway:
 *   https://help.twilio.com/articles/223134027).
 * - Transactional messages (the shopper's own order: shipped, out for delivery, delivered…) go to
 *   the phone the shopper gave at checkout as the order's contact. Under the TCPA (47 U.S.C.
 *   § 227), giving one's number for a transaction is prior express consent to informational
 *   messages about it (FCC 1992 TCPA Order ¶31; FCC 2015 Declaratory Ruling ¶¶ 49–52), and CTIA
 *   treats them as "informational" messages opted in by the consumer providing the number. A
 *   customer subscribed to the shop's SMS also consented, so their customer phone may be used
 *   when the order has none.
 * - Marketing messages need Shopify's `sms_marketing_consent.state` = `subscribed` (express
 *   written consent under the TCPA, 47 CFR § 64.1200(a)(2)). In Germany a confirmed (double)
 *   opt-in is what proves that consent (UWG § 7(2) Nr. 2; BGH 10.02.2011, I ZR 164/09), so
 *   there `opt_in_level` must be `confirmed_opt_in`.
 */

export type SmsCategory = "transactional" | "marketing";

export interface SmsContactFacts {
  /** E.164: the order's contact phone from checkout. */
  orderPhone: string | null;
  /** E.164: the customer's phone. */
  customerPhone: string | null;
  countryCode: string | null;
  /** Shopify's sms_marketing_consent.state. */
  marketingState: string | null;
  /** Shopify's sms_marketing_consent.opt_in_level. */
  marketingOptInLevel: string | null;
}

/** A refusal names the number it would have texted, so the merchant's log can show who and why. */
export type SmsConsentDecision =
  | { allowed: true; phone: string; basis: "order_contact" | "sms_subscriber" }
  | { allowed: false; reason: "no_phone" }
  | {
      allowed: false;
      reason: "no_consent" | "opted_out" | "double_opt_in_required";
      phone: string;
    };

/** Countries where marketing texts need a confirmed (double) opt-in. */
export const DOUBLE_OPT_IN_COUNTRIES = new Set(["DE"]);

export function decideSmsConsent(
  category: SmsCategory,
  contact: SmsContactFacts,
  optedOut: (phone: string) => boolean,
): SmsConsentDecision {
  const subscribed = contact.marketingState === "subscribed" && contact.customerPhone !== null;
  if (category === "marketing") {
    if (!contact.customerPhone) return { allowed: false, reason: "no_phone" };
    const phone = contact.customerPhone;
    if (optedOut(phone)) return { allowed: false, reason: "opted_out", phone };
    if (!subscribed) return { allowed: false, reason: "no_consent", phone };
    if (
      DOUBLE_OPT_IN_COUNTRIES.has(contact.countryCode ?? "") &&
      contact.marketingOptInLevel !== "confirmed_opt_in"
    ) {
      return { allowed: false, reason: "double_opt_in_required", phone };
    }
    return { allowed: true, phone, basis: "sms_subscriber" };
  }
  const phone = contact.orderPhone ?? (subscribed ? contact.customerPhone : null);
  if (!phone) {
    return contact.customerPhone
      ? { allowed: false, reason: "no_consent", phone: contact.customerPhone }
      : { allowed: false, reason: "no_phone" };
  }
  if (optedOut(phone)) return { allowed: false, reason: "opted_out", phone };
  return { allowed: true, phone, basis: contact.orderPhone ? "order_contact" : "sms_subscriber" };
}

/**
 * A phone number as Shopify stores it (often national, "(613) 555-0100") in E.164, read with
 * the order's country; null when it is no valid number (e.g. Shopify's sample "555-555-SHIP").
 */
export function toE164(raw: string | null | undefined, countryCode: string | null): string | null {
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw, (countryCode ?? undefined) as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
