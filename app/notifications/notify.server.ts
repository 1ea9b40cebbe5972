import { z } from "zod";
import { db, Prisma } from "../db.server";
import { jobs } from "../platform/jobs/queue.server";
import { defineJob, PermanentJobError } from "../platform/jobs/types";
import { log } from "../platform/logging/logger.server";
import { mailer, MailerNotConfigured } from "../platform/mail/mailer.server";
import { getShop, shopProfile } from "../shops/index.server";
import { openPixelUrl, unsubscribeUrl } from "./links.server";
import { renderEmail } from "./render.server";
import { sendTime, triggerSettings } from "./settings";
import { getNotificationSettings } from "./settings.server";
import { queueSms, sendSmsNotification, type SmsQueueResult } from "./sms/send.server";
import { TRIGGERS, type TriggerName } from "./triggers";

export type { TriggerName } from "./triggers";

export interface NotifyRequest {
  shop: string;
  trigger: TriggerName;
  /** What the email is about (a shipment id…): (shop, trigger, subjectKey) is sent at most once. */
  subjectKey: string;
  recipient: {
    /** Null for a shopper who gave only a phone: no email, the SMS still goes when allowed. */
    email: string | null;
    customerId?: string | null;
    locale?: string | null;
    acceptsMarketing?: boolean;
  };
  /** Shopify order id and name, for the sent-messages log. */
  orderId?: string | null;
  orderName?: string | null;
  data: unknown;
}

export type EmailQueueResult =
  | { queued: true; messageId: string }
  | {
      queued: false;
      reason: "disabled" | "unsubscribed" | "duplicate" | "invalid" | "marketing" | "no_email";
    };

/** The email's outcome, and the SMS's (sent besides when the shop turned SMS on for the trigger). */
export type NotifyResult = EmailQueueResult & { sms: SmsQueueResult | null };

/**
 * The one entry point every capability uses to tell a shopper something. Records the email (once
 * per shop × trigger × subject), then queues its sending for after the trigger's delay and
 * outside the shop's quiet hours; the SMS likewise when the shop offers it for the trigger and
 * the shopper may be texted (sms/consent.ts), also for a shopper without an email.
 */
export async function notify(request: NotifyRequest): Promise<NotifyResult> {
  const definition = TRIGGERS[request.trigger];
  const data = definition.data.safeParse(request.data);
  if (!data.success) {
    log().warn(
      { shop: request.shop, trigger: request.trigger, issues: data.error.issues },
      "Notification data invalid; not sent",
    );
    return { queued: false, reason: "invalid", sms: null };
  }
  const [settings, shop] = await Promise.all([
    getNotificationSettings(request.shop),
    getShop(request.shop),
  ]);
  const trigger = triggerSettings(settings, request.trigger);
  const now = new Date();
  const sendAfter = sendTime(now, trigger.delayMinutes, {
    start: settings.quietStart,
    end: settings.quietEnd,
    timeZone: shop?.ianaTimezone ?? "UTC",
  });
  const email = await queueEmail(request, data.data, trigger.enabled, sendAfter);
  const sms = await queueSms({
    shop: request.shop,
    trigger: request.trigger,
    subjectKey: request.subjectKey,
    settings,
    orderId: request.orderId ?? null,
    orderName: request.orderName ?? null,
    customerId: request.recipient.customerId ?? null,
    locale: request.recipient.locale ?? null,
    data: data.data,
    sendAfter,
    heldForQuietHours: sendAfter.getTime() > now.getTime() + trigger.delayMinutes * 60_000,
  });
  return { ...email, sms };
}

async function queueEmail(
  request: NotifyRequest,
  data: unknown,
  enabled: boolean,
  sendAfter: Date,
): Promise<EmailQueueResult> {
  if (TRIGGERS[request.trigger].category === "marketing" && !request.recipient.acceptsMarketing) {
    return { queued: false, reason: "marketing" };
  }
  if (!enabled) return { queued: false, reason: "disabled" };
  const email = request.recipient.email?.trim().toLowerCase();
  if (!email) return { queued: false, reason: "no_email" };
  const unsubscribed = await db.notificationUnsubscribe.findUnique({
    where: { shopDomain_email: { shopDomain: request.shop, email } },
  });
  if (unsubscribed) return { queued: false, reason: "unsubscribed" };
  let message;
  try {
    message = await db.notificationMessage.create({
      data: {
        shopDomain: request.shop,
        trigger: request.trigger,
        subjectKey: request.subjectKey,
        recipient: email,
        customerShopifyId: request.recipient.customerId ?? null,
        orderShopifyId: request.orderId ?? null,
        orderName: request.orderName ?? null,
        locale: request.recipient.locale ?? "en",
        data: JSON.stringify(data),
        sendAfter,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { queued: false, reason: "duplicate" };
    }
    throw error;
  }
  await jobs.send(
    sendNotification,
    { shop: request.shop, messageId: message.id },
    { startAfter: sendAfter, idempotencyKey: message.id },
  );
  return { queued: true, messageId: message.id };
}

/**
 * Sends one recorded message; retried with doubling delays when the mail server fails (5 s, 10 s,
 * … about 85 minutes in all), then recorded as failed for the merchant's log.
 */
export const sendNotification = defineJob({
  name: "notifications.send",
  schema: z.object({ shop: z.string(), messageId: z.string() }),
  retryLimit: 10,
  retryDelaySeconds: 5,
  concurrency: 2,
  async run({ shop, messageId }) {
    const message = await db.notificationMessage.findFirst({
      where: { id: messageId, shopDomain: shop, channel: "email" },
    });
    if (!message || message.status === "sent" || message.status === "suppressed") return;
    const [settings, unsubscribed, profile] = await Promise.all([
      getNotificationSettings(shop),
      db.notificationUnsubscribe.findUnique({
        where: { shopDomain_email: { shopDomain: shop, email: message.recipient } },
      }),
      shopProfile(shop),
    ]);
    const suppress = (detail: string) =>
      db.notificationMessage.update({
        where: { id: message.id },
        data: { status: "suppressed", detail },
      });
    if (unsubscribed) return void (await suppress("The shopper unsubscribed"));
    const trigger = message.trigger as TriggerName;
    if (!(trigger in TRIGGERS)) return void (await suppress(`Unknown trigger ${trigger}`));
    if (!triggerSettings(settings, trigger).enabled) {
      return void (await suppress("The trigger was turned off"));
    }

    const unsubscribe = unsubscribeUrl(shop, message.recipient);
    const email = await renderEmail({
      trigger,
      locale: message.locale,
      data: JSON.parse(message.data),
      brand: {
        shopName: profile?.name ?? shop,
        logoUrl: profile?.branding.logoUrl ?? null,
        primaryColor: profile?.branding.primaryColor ?? "#1f2937",
        accentColor: profile?.branding.accentColor ?? "#008060",
        address: null,
      },
      settings,
      unsubscribeUrl: unsubscribe,
      openPixelUrl: settings.openTracking ? openPixelUrl(message.id) : null,
    });
    await db.notificationMessage.update({
      where: { id: message.id },
      data: { attempts: { increment: 1 }, subject: email.subject },
    });
    let sent;
    try {
      sent = await mailer.send({
        fromName: settings.fromName ?? profile?.name ?? shop,
        to: message.recipient,
        replyTo: settings.replyTo,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: {
          "List-Unsubscribe": `<${unsubscribe}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "X-Aftercare-Trigger": trigger,
        },
      });
    } catch (error) {
      await db.notificationMessage.update({
        where: { id: message.id },
        data: { detail: (error as Error).message.slice(0, 500) },
      });
      if (error instanceof MailerNotConfigured) throw new PermanentJobError(error.message);
      throw error;
    }
    await db.notificationMessage.update({
      where: { id: message.id },
      data: { status: "sent", sentAt: new Date(), smtpMessageId: sent.messageId, detail: null },
    });
  },
  async onFinalFailure({ shop, messageId }, error) {
    await db.notificationMessage.updateMany({
      where: { id: messageId, shopDomain: shop },
      data: { status: "failed", detail: error.message.slice(0, 500) },
    });
  },
});

export const NOTIFICATION_JOBS = [sendNotification, sendSmsNotification];
