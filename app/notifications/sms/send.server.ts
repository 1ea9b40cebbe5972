import { z } from "zod";
import { config } from "../../config.server";
import { db, Prisma } from "../../db.server";
import { negotiateLocale } from "../../platform/i18n";
import { jobs } from "../../platform/jobs/queue.server";
import { defineJob, PermanentJobError } from "../../platform/jobs/types";
import { SmsProviderError, type SmsProvider } from "../../platform/sms/provider";
import { countSegments } from "../../platform/sms/segments";
import { twilioSms } from "../../platform/sms/twilio.server";
import { shopProfile } from "../../shops/index.server";
import { triggerSettings, type NotificationSettings } from "../settings";
import { getNotificationSettings } from "../settings.server";
import { TRIGGERS, type TriggerName } from "../triggers";
import { smsCredentials } from "./account.server";
import { decideSmsConsent, type SmsConsentDecision } from "./consent";
import { findSmsContact, isOptedOut } from "./contacts.server";
import { shortenLink } from "./links.server";
import { isSmsTrigger, renderSms, SMS_DEFAULTS, type SmsTrigger } from "./templates";

/** The provider SMS goes through; tests of this module swap in their own. */
let provider: SmsProvider | null = null;
export function smsProvider(): SmsProvider {
  provider ??= twilioSms();
  return provider;
}

/** Twilio reports each status change of a message here (signed; see callbacks.server.ts). */
export function statusCallbackUrl(shopDomain: string, messageId: string) {
  const query = new URLSearchParams({ shop: shopDomain, message: messageId });
  return `${config().appUrl}/webhooks/twilio/status?${query}`;
}

export type SmsQueueResult =
  | { queued: true; messageId: string; basis: "order_contact" | "sms_subscriber" }
  | {
      queued: false;
      reason: "not_offered" | "disabled" | "not_configured" | "duplicate" | SmsRefusal;
    };

type SmsRefusal = Extract<SmsConsentDecision, { allowed: false }>["reason"];

/** Why an SMS was not sent, as the merchant reads it in the sent-messages log. */
const REFUSAL_DETAIL: Record<SmsRefusal, string> = {
  no_phone: "No phone for the order",
  no_consent:
    "No SMS consent: the order has no phone of its own and the customer is not subscribed to the shop's SMS",
  opted_out: "The number texted STOP",
  double_opt_in_required: "No confirmed (double) opt-in to SMS, required in the shopper's country",
};

/** Who may be texted about the order now: its stored contact, its opt-outs, the trigger's rule. */
async function decideForOrder(
  shop: string,
  trigger: SmsTrigger,
  orderId: string | null,
): Promise<SmsConsentDecision> {
  const contact = orderId ? await findSmsContact(shop, orderId) : null;
  if (!contact) return { allowed: false, reason: "no_phone" };
  const optOuts = await db.smsOptOut.findMany({
    where: {
      shopDomain: shop,
      phone: { in: [contact.orderPhone, contact.customerPhone].filter((p) => p !== null) },
    },
    select: { phone: true },
  });
  const optedOut = new Set(optOuts.map((row) => row.phone));
  return decideSmsConsent(TRIGGERS[trigger].category, contact, (phone) => optedOut.has(phone));
}

/**
 * Records and queues the SMS of a trigger when the shop turned SMS on for it and the shopper may
 * be texted (consent.ts), at most once per shop × trigger × subject; sent at `sendAfter`, the
 * same time as the email (after the delay, outside quiet hours). An SMS refused for a number
 * (no consent, STOP) is recorded as not sent, with why, for the merchant's log; an order without
 * any phone records nothing, as there is nobody to tell about.
 */
export async function queueSms(input: {
  shop: string;
  trigger: TriggerName;
  subjectKey: string;
  settings: NotificationSettings;
  orderId: string | null;
  orderName: string | null;
  customerId: string | null;
  locale: string | null;
  data: unknown;
  sendAfter: Date;
  /** The quiet hours pushed `sendAfter` back: the log says why the SMS waits. */
  heldForQuietHours: boolean;
}): Promise<SmsQueueResult> {
  if (!isSmsTrigger(input.trigger)) return { queued: false, reason: "not_offered" };
  if (!triggerSettings(input.settings, input.trigger).sms.enabled) {
    return { queued: false, reason: "disabled" };
  }
  const account = await db.notificationSettings.findUnique({
    where: { shopDomain: input.shop },
    select: { smsAccountSid: true, smsAuthTokenSealed: true },
  });
  if (!account?.smsAccountSid || !account.smsAuthTokenSealed) {
    return { queued: false, reason: "not_configured" };
  }
  const decision = await decideForOrder(input.shop, input.trigger, input.orderId);
  if (!decision.allowed && decision.reason === "no_phone") {
    return { queued: false, reason: "no_phone" };
  }
  let message;
  try {
    message = await db.notificationMessage.create({
      data: {
        shopDomain: input.shop,
        trigger: input.trigger,
        subjectKey: input.subjectKey,
        channel: "sms",
        recipient: decision.phone,
        customerShopifyId: input.customerId,
        orderShopifyId: input.orderId,
        orderName: input.orderName,
        locale: negotiateLocale([input.locale]),
        data: JSON.stringify(input.data),
        sendAfter: input.sendAfter,
        ...(decision.allowed
          ? { detail: input.heldForQuietHours ? "Held for the shop's quiet hours" : null }
          : { status: "suppressed", detail: REFUSAL_DETAIL[decision.reason] }),
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { queued: false, reason: "duplicate" };
    }
    throw error;
  }
  if (!decision.allowed) return { queued: false, reason: decision.reason };
  await jobs.send(
    sendSmsNotification,
    { shop: input.shop, messageId: message.id },
    { startAfter: input.sendAfter, idempotencyKey: message.id },
  );
  return { queued: true, messageId: message.id, basis: decision.basis };
}

const SmsDataSchema = z.object({ orderName: z.string(), trackingUrl: z.url() });

/** Twilio's "Attempt to send to unsubscribed recipient": the number texted STOP to the sender. */
const UNSUBSCRIBED_RECIPIENT = 21610;

/**
 * Sends one recorded SMS: checked again against the trigger and the opt-outs at send time, its
 * tracking link shortened, its segments counted; retried like emails when the provider fails,
 * and never retried when the provider refuses the message itself.
 */
export const sendSmsNotification = defineJob({
  name: "notifications.send-sms",
  schema: z.object({ shop: z.string(), messageId: z.string() }),
  retryLimit: 10,
  retryDelaySeconds: 5,
  concurrency: 2,
  async run({ shop, messageId }) {
    const message = await db.notificationMessage.findFirst({
      where: { id: messageId, shopDomain: shop, channel: "sms" },
    });
    if (!message || message.status !== "queued") return;
    const suppress = (detail: string) =>
      db.notificationMessage.update({
        where: { id: message.id },
        data: { status: "suppressed", detail },
      });
    const trigger = message.trigger;
    if (!isSmsTrigger(trigger)) return void (await suppress(`No SMS for trigger ${trigger}`));
    const settings = await getNotificationSettings(shop);
    const smsSettings = triggerSettings(settings, trigger).sms;
    if (!smsSettings.enabled) return void (await suppress("SMS was turned off for the trigger"));
    if (await isOptedOut(shop, message.recipient)) {
      return void (await suppress(REFUSAL_DETAIL.opted_out));
    }
    // Consent can be withdrawn while the SMS waits (a delay, quiet hours): asked again now.
    const decision = await decideForOrder(shop, trigger, message.orderShopifyId);
    if (!decision.allowed) return void (await suppress(REFUSAL_DETAIL[decision.reason]));
    const credentials = await smsCredentials(shop);
    if (!credentials) return void (await suppress("The shop's SMS account was removed"));
    const data = SmsDataSchema.parse(JSON.parse(message.data));
    const locale = negotiateLocale([message.locale]);
    const profile = await shopProfile(shop);
    const body = renderSms(smsSettings.templates[locale] || SMS_DEFAULTS[trigger][locale], {
      shop: profile?.name ?? shop,
      order: data.orderName,
      link: await shortenLink(shop, message.id, data.trackingUrl),
    });
    const count = countSegments(body);
    await db.notificationMessage.update({
      where: { id: message.id },
      data: {
        attempts: { increment: 1 },
        smsBody: body,
        segments: count.segments,
        encoding: count.encoding,
      },
    });
    let sent;
    try {
      sent = await smsProvider().send(credentials, {
        to: message.recipient,
        body,
        statusCallbackUrl: statusCallbackUrl(shop, message.id),
      });
    } catch (error) {
      if (error instanceof SmsProviderError && error.code === UNSUBSCRIBED_RECIPIENT) {
        await db.smsOptOut.upsert({
          where: { shopDomain_phone: { shopDomain: shop, phone: message.recipient } },
          create: { shopDomain: shop, phone: message.recipient, keyword: "twilio-21610" },
          update: {},
        });
        return void (await suppress("The number texted STOP (Twilio 21610)"));
      }
      await db.notificationMessage.update({
        where: { id: message.id },
        data: { detail: (error as Error).message.slice(0, 500) },
      });
      const refused =
        error instanceof SmsProviderError && error.httpStatus >= 400 && error.httpStatus < 500;
      if (refused && error.httpStatus !== 429) throw new PermanentJobError(error.message);
      throw error;
    }
    await db.notificationMessage.update({
      where: { id: message.id },
      data: {
        status: "sent",
        sentAt: new Date(),
        providerMessageId: sent.providerMessageId,
        detail: null,
      },
    });
    // The first status, unless a callback already moved it on (callbacks name our message id).
    await db.notificationMessage.updateMany({
      where: { id: message.id, deliveryStatus: null },
      data: { deliveryStatus: sent.status },
    });
  },
  async onFinalFailure({ shop, messageId }, error) {
    await db.notificationMessage.updateMany({
      where: { id: messageId, shopDomain: shop },
      data: { status: "failed", detail: error.message.slice(0, 500) },
    });
  },
});
