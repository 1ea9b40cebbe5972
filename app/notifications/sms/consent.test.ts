import { describe, expect, it } from "vitest";
import { decideSmsConsent, toE164, type SmsContactFacts } from "./consent";

const none: SmsContactFacts = {
  orderPhone: null,
  customerPhone: null,
  countryCode: "US",
  marketingState: null,
  marketingOptInLevel: null,
};
const ORDER = "+16135550142";
const CUSTOMER = "+16135550143";
const nobodyStopped = () => false;

/**
 * The rule table of consent.ts: transactional texts on the checkout contact phone (TCPA prior
 * express consent, FCC 1992 Order ¶31 and 2015 Declaratory Ruling; CTIA "informational"), or to
 * an SMS subscriber; marketing only to subscribers (47 CFR § 64.1200(a)(2)), confirmed opt-in in
 * Germany (UWG § 7(2) Nr. 2; BGH I ZR 164/09); STOP always wins (CTIA; Twilio 21610).
 */
describe("decideSmsConsent", () => {
  it.each([
    [
      "transactional",
      { orderPhone: ORDER },
      { allowed: true, phone: ORDER, basis: "order_contact" },
    ],
    [
      "transactional",
      { customerPhone: CUSTOMER, marketingState: "subscribed" },
      { allowed: true, phone: CUSTOMER, basis: "sms_subscriber" },
    ],
    [
      "transactional",
      { customerPhone: CUSTOMER, marketingState: "not_subscribed" },
      { allowed: false, reason: "no_consent", phone: CUSTOMER },
    ],
    [
      "transactional",
      { customerPhone: CUSTOMER, marketingState: "unsubscribed" },
      { allowed: false, reason: "no_consent", phone: CUSTOMER },
    ],
    [
      "transactional",
      { orderPhone: ORDER, customerPhone: CUSTOMER, marketingState: "subscribed" },
      { allowed: true, phone: ORDER, basis: "order_contact" },
    ],
    ["transactional", {}, { allowed: false, reason: "no_phone" }],
    ["marketing", { orderPhone: ORDER }, { allowed: false, reason: "no_phone" }],
    [
      "marketing",
      { customerPhone: CUSTOMER, marketingState: "pending" },
      { allowed: false, reason: "no_consent", phone: CUSTOMER },
    ],
    [
      "marketing",
      {
        customerPhone: CUSTOMER,
        marketingState: "subscribed",
        marketingOptInLevel: "single_opt_in",
      },
      { allowed: true, phone: CUSTOMER, basis: "sms_subscriber" },
    ],
    [
      "marketing",
      {
        customerPhone: CUSTOMER,
        countryCode: "DE",
        marketingState: "subscribed",
        marketingOptInLevel: "single_opt_in",
      },
      { allowed: false, reason: "double_opt_in_required", phone: CUSTOMER },
    ],
    [
      "marketing",
      {
        customerPhone: CUSTOMER,
        countryCode: "DE",
        marketingState: "subscribed",
        marketingOptInLevel: "confirmed_opt_in",
      },
      { allowed: true, phone: CUSTOMER, basis: "sms_subscriber" },
    ],
  ] as const)("%s with %o → %o", (category, facts, expected) => {
    expect(decideSmsConsent(category, { ...none, ...facts }, nobodyStopped)).toEqual(expected);
  });

  it("refuses a number that texted STOP, whatever the consent", () => {
    const stopped = (phone: string) => phone === ORDER || phone === CUSTOMER;
    const facts = {
      ...none,
      orderPhone: ORDER,
      customerPhone: CUSTOMER,
      marketingState: "subscribed",
    };
    expect(decideSmsConsent("transactional", facts, stopped)).toEqual({
      allowed: false,
      reason: "opted_out",
      phone: ORDER,
    });
    expect(decideSmsConsent("marketing", facts, stopped)).toEqual({
      allowed: false,
      reason: "opted_out",
      phone: CUSTOMER,
    });
  });
});

describe("toE164", () => {
  it.each([
    ["(613) 555-0142", "CA", "+16135550142"],
    ["+1 415 555 2671", null, "+14155552671"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["0151 23456789", "DE", "+4915123456789"],
    // Shopify's sample payloads carry this one: not a number.
    ["555-555-SHIP", "CA", null],
    ["", "US", null],
  ])("%s (%s) → %s", (raw, country, expected) => {
    expect(toE164(raw, country)).toBe(expected);
  });
});
