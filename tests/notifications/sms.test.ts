import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { shipmentEmails } from "../../app/flows/shipment-emails.server";
import { sendSmsNotification } from "../../app/notifications/sms/send.server";
import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { twilioSignature, type TwilioMessage } from "../../scripts/standin/twilio";
import { uniqueShop } from "../support/constants";
import { eventsHandled } from "../support/events";
import { webhookFixture, withFields } from "../support/fixtures";
import { adminFetch, appUrl, sendWebhook, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/**
 * SMS end to end: Shopify's signed order and fulfillment webhooks, the shop's Twilio account
 * played by the stand-in (scripts/standin/twilio.ts: Twilio's REST API, its signed status
 * callbacks, its STOP handling), the app's signed Twilio webhooks.
 */

interface StandinAccount {
  accountSid: string;
  authToken: string;
  numbers: string[];
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** A phone of the shopper's own per test: the stand-in's opt-out list outlives a test. */
let nextLine = 10;
function shopperPhone() {
  nextLine += 1;
  // 613-555-01xx: Canada's numbers reserved for fiction, valid in libphonenumber's metadata.
  return {
    national: `(613) 555-01${String(nextLine).padStart(2, "0")}`,
    e164: `+1613555${String(100 + nextLine).padStart(4, "0")}`,
  };
}

async function connectTwilio(shop: string, triggers: string[]) {
  const account = (await (
    await fetch(`${standinUrl()}/__standin/twilio/accounts`, { method: "POST", body: "{}" })
  ).json()) as StandinAccount;
  const saved = await adminFetch(shop, "/app/notifications/sms.data", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({
      intent: "account",
      accountSid: account.accountSid,
      authToken: account.authToken,
      fromNumber: account.numbers[0]!,
      pricePerSegment: "0.0083",
    }),
  });
  expect(await saved.text()).toContain("Twilio account saved.");
  const texts = await adminFetch(shop, "/app/notifications/sms.data", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams([
      ["intent", "triggers"],
      ...triggers.map((trigger) => [`sms:${trigger}`, "on"]),
    ]),
  });
  expect(await texts.text()).toContain("SMS triggers saved.");
  return account;
}

async function textsTo(phone: string) {
  const response = await fetch(
    `${standinUrl()}/__standin/twilio/messages?to=${encodeURIComponent(phone)}`,
  );
  return (await response.json()) as TwilioMessage[];
}

async function mailbox(to: string) {
  const response = await fetch(`${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(to)}`);
  return (await response.json()) as ReceivedEmail[];
}

/** The shopper texts the shop's number, through the stand-in (signed as Twilio signs). */
async function shopperTexts(shop: string, account: StandinAccount, from: string, body: string) {
  const response = await fetch(`${standinUrl()}/__standin/twilio/inbound`, {
    method: "POST",
    body: JSON.stringify({
      accountSid: account.accountSid,
      from,
      to: account.numbers[0],
      body,
      url: `${appUrl()}/webhooks/twilio/inbound?shop=${shop}`,
    }),
  });
  return (await response.json()) as { status: number; body: string };
}

/**
 * Order #9999 with the shopper's contact phone, then a function giving its parcel's news. With
 * `phoneOnly`, neither the order nor its customer has an email (an SMS-first checkout).
 */
async function orderWithPhone(
  shop: string,
  fields: {
    phone: string | null;
    customer?: { phone: string; smsMarketingConsent: { state: string; opt_in_level: string } };
    phoneOnly?: boolean;
  },
) {
  const email = fields.phoneOnly ? null : `sms-${randomUUID().slice(0, 8)}@example.com`;
  let body = withFields(webhookFixture("orders/create"), {
    email,
    phone: fields.phone,
    ...(fields.phoneOnly ? { contact_email: null } : {}),
  });
  if (fields.phoneOnly) body = body.replace('"email": "john@example.com"', '"email": null');
  if (fields.customer) {
    // The customer object of Shopify's sample, with a phone and its SMS marketing consent
    // (REST customer fields: https://shopify.dev/docs/api/admin-rest/latest/resources/customer).
    const customer = /("email": "john@example\.com",\n\s*"phone": )null,/;
    expect(body).toMatch(customer);
    body = body.replace(
      customer,
      `$1${JSON.stringify(fields.customer.phone)}, "sms_marketing_consent": ${JSON.stringify(fields.customer.smsMarketingConsent)},`,
    );
  }
  await sendWebhook({ shop, topic: "orders/create", body });
  await waitFor(
    async () => (await db.smsContact.findFirst({ where: { shopDomain: shop } })) ?? undefined,
    { message: "the order's SMS contact stored" },
  );
  const news = (status: string) =>
    withFields(webhookFixture("fulfillments/create"), {
      status: "success",
      shipment_status: status,
      email,
      updated_at: new Date().toISOString(),
    });
  return { email, news };
}

/** The order fixture's customer: the id customers/update names. */
const CUSTOMER_ID = "115310627314723954";

/**
 * The shopper changes their SMS consent, as Shopify reports it: customers/update with the REST
 * customer (https://shopify.dev/docs/api/admin-rest/latest/resources/customer), written out so
 * the id keeps its digits.
 */
async function customerUpdated(shop: string, phone: string, state: string) {
  const body = `{
  "id": ${CUSTOMER_ID},
  "email": "john@example.com",
  "created_at": "2021-12-31T19:00:00-05:00",
  "updated_at": ${JSON.stringify(new Date().toISOString())},
  "first_name": "John",
  "last_name": "Smith",
  "state": "disabled",
  "phone": ${JSON.stringify(phone)},
  "sms_marketing_consent": {
    "state": ${JSON.stringify(state)},
    "opt_in_level": "single_opt_in",
    "consent_updated_at": ${JSON.stringify(new Date().toISOString())},
    "consent_collected_from": "SHOPIFY"
  },
  "admin_graphql_api_id": "gid://shopify/Customer/${CUSTOMER_ID}"
}`;
  expect((await sendWebhook({ shop, topic: "customers/update", body })).status).toBe(200);
  await waitFor(
    async () =>
      (await db.smsContact.findFirst({ where: { shopDomain: shop, marketingState: state } })) ??
      undefined,
    { message: `the customer's SMS consent "${state}" stored` },
  );
}

/** A shop texting "shipped" that is inside its quiet hours: from an hour ago to three hours on. */
async function quietShop(shop: string) {
  const installed = await installShop(shop);
  await connectTwilio(shop, ["shipment.shipped"]);
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: installed.ianaTimezone ?? "UTC",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(new Date()),
  );
  const clock = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
  const quiet = await adminFetch(shop, "/app/notifications.data", {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({
      trigger: "shipment.shipped",
      "enabled:shipment.shipped": "on",
      quietStart: clock(hour - 1),
      quietEnd: clock(hour + 3),
    }),
  });
  expect(await quiet.text()).toContain("Saved.");
}

/** Sends the parcel's news and waits until the shipment-emails flow has reacted to it. */
async function parcelNews(shop: string, email: string, body: string, emails: number) {
  await sendWebhook({ shop, topic: "fulfillments/update", body });
  await waitFor(async () => ((await mailbox(email)).length >= emails ? true : undefined), {
    message: `${emails} emails`,
    timeout: 60_000,
  });
  await eventsHandled(shop, shipmentEmails);
}

const smsRows = (shop: string) =>
  db.notificationMessage.findMany({
    where: { shopDomain: shop, channel: "sms" },
    orderBy: { createdAt: "asc" },
  });

describe("shipment updates by SMS through Twilio", { timeout: 180_000 }, () => {
  it("texts a shopper who gave a phone for the order; Twilio's signed callbacks mark it delivered, a forged one changes nothing", async () => {
    const shop = uniqueShop("sms-journey");
    await installShop(shop);
    const account = await connectTwilio(shop, ["shipment.shipped"]);
    const phone = shopperPhone();
    const { email, news } = await orderWithPhone(shop, { phone: phone.national });
    await parcelNews(shop, email!, news("in_transit"), 1);

    const [text] = await waitFor(
      async () => {
        const texts = await textsTo(phone.e164);
        return texts.length ? texts : undefined;
      },
      { message: "the SMS at the stand-in" },
    );
    expect(text!.from).toBe(account.numbers[0]);
    expect(text!.body).toMatch(
      /^.+: your order #9999 is on its way\. Track it: http:\/\/127\.0\.0\.1:\d+\/s\/[2-9a-zA-Z]{8}$/,
    );
    // GSM-7, under 160 characters: one segment, as the app recorded it too.
    expect(text!.num_segments).toBe("1");

    const delivered = await waitFor(
      async () => {
        const [row] = await smsRows(shop);
        return row?.deliveryStatus === "delivered" ? row : undefined;
      },
      { message: "the SMS delivered (signed callbacks)" },
    );
    expect(delivered).toMatchObject({
      recipient: phone.e164,
      status: "sent",
      segments: 1,
      encoding: "GSM-7",
      providerMessageId: text!.sid,
      smsBody: text!.body,
    });

    // The short link goes to the shopper's tracking page and counts the click.
    const link = await fetch(/http:\S+\/s\/\w{8}/.exec(text!.body)![0], { redirect: "manual" });
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toMatch(
      new RegExp(
        `^https://${shop.replaceAll(".", "\\.")}/apps/aftercare/track\\?tracking=1z827wk74630$`,
        "i",
      ),
    );

    const log = await adminFetch(shop, "/app/notifications/log.data?channel=sms");
    const logText = await log.text();
    expect(logText).toContain(phone.e164);
    expect(logText).toContain("delivered");

    // A callback signed with another token: refused, and the status stays.
    const callbackUrl = `/webhooks/twilio/status?shop=${shop}&message=${delivered.id}`;
    const params = {
      AccountSid: account.accountSid,
      MessageSid: text!.sid,
      MessageStatus: "undelivered",
      ErrorCode: "30003",
    };
    const forged = await fetch(`${appUrl()}${callbackUrl}`, {
      method: "POST",
      headers: {
        ...FORM,
        "X-Twilio-Signature": twilioSignature("not-the-token", `${appUrl()}${callbackUrl}`, params),
      },
      body: new URLSearchParams(params),
    });
    expect(forged.status).toBe(403);
    // A genuine but late "sent" is taken (204) and moves nothing backwards.
    const late = { ...params, MessageStatus: "sent" };
    delete (late as Partial<typeof late>).ErrorCode;
    const stale = await fetch(`${appUrl()}${callbackUrl}`, {
      method: "POST",
      headers: {
        ...FORM,
        "X-Twilio-Signature": twilioSignature(account.authToken, `${appUrl()}${callbackUrl}`, late),
      },
      body: new URLSearchParams(late),
    });
    expect(stale.status).toBe(204);
    const [after] = await smsRows(shop);
    expect(after).toMatchObject({ deliveryStatus: "delivered", detail: null });
  });

  it("stops texting a number that replied STOP (the email still goes), starts again on START, answers HELP", async () => {
    const shop = uniqueShop("sms-stop");
    await installShop(shop);
    const account = await connectTwilio(shop, [
      "shipment.shipped",
      "shipment.out_for_delivery",
      "shipment.delivered",
    ]);
    const phone = shopperPhone();
    const { email, news } = await orderWithPhone(shop, { phone: phone.e164 });
    await parcelNews(shop, email!, news("in_transit"), 1);
    await waitFor(async () => ((await textsTo(phone.e164)).length === 1 ? true : undefined), {
      message: "the first SMS",
    });

    const stop = await shopperTexts(shop, account, phone.e164, " stop ");
    expect(stop.status).toBe(200);
    expect(
      await db.smsOptOut.findFirst({ where: { shopDomain: shop, phone: phone.e164 } }),
    ).toMatchObject({ keyword: "STOP" });

    await parcelNews(shop, email!, news("out_for_delivery"), 2);
    // Not sent, and the merchant's log says why.
    const [, refused] = await smsRows(shop);
    expect(refused).toMatchObject({
      trigger: "shipment.out_for_delivery",
      recipient: phone.e164,
      status: "suppressed",
      detail: "The number texted STOP",
      sentAt: null,
    });
    expect(await textsTo(phone.e164)).toHaveLength(1);
    const log = await (
      await adminFetch(shop, "/app/notifications/log.data?status=suppressed")
    ).text();
    expect(log).toContain("The number texted STOP");

    const help = await shopperTexts(shop, account, phone.e164, "HELP");
    expect(help.body).toMatch(
      /<Response><Message>.+Reply STOP to stop, START to resume\..*<\/Message><\/Response>/,
    );

    expect((await shopperTexts(shop, account, phone.e164, "START")).status).toBe(200);
    await parcelNews(shop, email!, news("delivered"), 4);
    await waitFor(async () => ((await textsTo(phone.e164)).length === 2 ? true : undefined), {
      message: "the SMS after START",
    });
    expect((await textsTo(phone.e164))[1]!.body).toContain("was delivered");
  });

  it("texts nobody without consent (no phone for the order, a customer not subscribed to SMS) and logs why", async () => {
    const shop = uniqueShop("sms-consent");
    await installShop(shop);
    await connectTwilio(shop, ["shipment.shipped"]);
    const phone = shopperPhone();
    const { email, news } = await orderWithPhone(shop, {
      phone: null,
      customer: {
        phone: phone.e164,
        smsMarketingConsent: { state: "not_subscribed", opt_in_level: "single_opt_in" },
      },
    });
    await parcelNews(shop, email!, news("in_transit"), 1);
    const [refused, ...more] = await smsRows(shop);
    expect(more).toEqual([]);
    expect(refused).toMatchObject({
      trigger: "shipment.shipped",
      recipient: phone.e164,
      status: "suppressed",
      detail: expect.stringMatching(/^No SMS consent: /),
      attempts: 0,
    });
    expect(await textsTo(phone.e164)).toEqual([]);
    const log = await (await adminFetch(shop, "/app/notifications/log.data?channel=sms")).text();
    expect(log).toContain(phone.e164);
    expect(log).toContain("No SMS consent: ");
  });

  it("stops texting an SMS subscriber whose consent a customers/update withdraws", async () => {
    const shop = uniqueShop("sms-revoked");
    await installShop(shop);
    await connectTwilio(shop, ["shipment.shipped", "shipment.out_for_delivery"]);
    const phone = shopperPhone();
    // No phone of the order's own: texted only as a customer subscribed to the shop's SMS.
    const { email, news } = await orderWithPhone(shop, {
      phone: null,
      customer: {
        phone: phone.e164,
        smsMarketingConsent: { state: "subscribed", opt_in_level: "single_opt_in" },
      },
    });
    await parcelNews(shop, email!, news("in_transit"), 1);
    await waitFor(async () => ((await textsTo(phone.e164)).length === 1 ? true : undefined), {
      message: "the SMS to the subscriber",
    });

    await customerUpdated(shop, phone.e164, "unsubscribed");
    await parcelNews(shop, email!, news("out_for_delivery"), 2);
    expect(await smsRows(shop)).toMatchObject([
      { trigger: "shipment.shipped", recipient: phone.e164 },
      {
        trigger: "shipment.out_for_delivery",
        recipient: phone.e164,
        status: "suppressed",
        detail: expect.stringMatching(/^No SMS consent: /),
      },
    ]);
    expect(await textsTo(phone.e164)).toHaveLength(1);
  });

  it("texts a shopper who gave only a phone (no email): each milestone once, no email and no survey", async () => {
    const shop = uniqueShop("sms-phone-only");
    await installShop(shop);
    await connectTwilio(shop, [
      "shipment.shipped",
      "shipment.failed_attempt",
      "shipment.delivered",
    ]);
    const phone = shopperPhone();
    const { news } = await orderWithPhone(shop, { phone: phone.national, phoneOnly: true });
    const texts = (count: number) =>
      waitFor(
        async () => {
          const received = await textsTo(phone.e164);
          return received.length >= count ? received : undefined;
        },
        { message: `${count} SMS`, timeout: 60_000 },
      );
    await sendWebhook({ shop, topic: "fulfillments/create", body: news("in_transit") });
    await texts(1);
    await sendWebhook({ shop, topic: "fulfillments/update", body: news("attempted_delivery") });
    await texts(2);
    // Back in transit after the failed attempt: "shipped" was already texted for this parcel.
    await sendWebhook({ shop, topic: "fulfillments/update", body: news("in_transit") });
    await sendWebhook({ shop, topic: "fulfillments/update", body: news("delivered") });
    const received = await texts(3);
    await eventsHandled(shop, shipmentEmails);
    expect(received.map((text) => text.body)).toEqual([
      expect.stringContaining("is on its way"),
      expect.anything(),
      expect.stringContaining("was delivered"),
    ]);
    expect((await smsRows(shop)).map((row) => [row.trigger, row.recipient])).toEqual([
      ["shipment.shipped", phone.e164],
      ["shipment.failed_attempt", phone.e164],
      ["shipment.delivered", phone.e164],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await textsTo(phone.e164)).toHaveLength(3);
    // No email recorded for the milestones, and the delivery survey (email only) not asked.
    expect(
      await db.notificationMessage.findMany({ where: { shopDomain: shop, channel: "email" } }),
    ).toEqual([]);
  });

  it("holds an SMS inside the shop's quiet hours until they end", async () => {
    const shop = uniqueShop("sms-quiet");
    await quietShop(shop);
    const phone = shopperPhone();
    const { email, news } = await orderWithPhone(shop, { phone: phone.e164 });
    await sendWebhook({ shop, topic: "fulfillments/update", body: news("in_transit") });
    const held = await waitFor(async () => (await smsRows(shop))[0], {
      message: "the SMS queued",
    });
    await eventsHandled(shop, shipmentEmails);
    expect(held).toMatchObject({ status: "queued", detail: "Held for the shop's quiet hours" });
    expect(held.sendAfter.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    const log = await (await adminFetch(shop, "/app/notifications/log.data?channel=sms")).text();
    expect(log).toContain("Held for the shop's quiet hours");
    expect(await textsTo(phone.e164)).toEqual([]);
    expect(await mailbox(email!)).toEqual([]);
  });

  it("asks again when a held SMS is due: consent withdrawn meanwhile, it is not sent", async () => {
    const shop = uniqueShop("sms-quiet-revoked");
    await quietShop(shop);
    const phone = shopperPhone();
    const { news } = await orderWithPhone(shop, {
      phone: null,
      customer: {
        phone: phone.e164,
        smsMarketingConsent: { state: "subscribed", opt_in_level: "single_opt_in" },
      },
    });
    await sendWebhook({ shop, topic: "fulfillments/update", body: news("in_transit") });
    const held = await waitFor(async () => (await smsRows(shop))[0], {
      message: "the SMS queued",
    });
    expect(held.status).toBe("queued");
    await customerUpdated(shop, phone.e164, "unsubscribed");
    // The quiet hours end: the worker runs the SMS's own job, as it would then.
    await sendSmsNotification.run(
      { shop, messageId: held.id },
      { jobId: randomUUID(), retryCount: 0, isLastAttempt: true },
    );
    const [after] = await smsRows(shop);
    expect(after).toMatchObject({
      status: "suppressed",
      detail: expect.stringMatching(/^No SMS consent: /),
      sentAt: null,
    });
    expect(await textsTo(phone.e164)).toEqual([]);
  });
});
