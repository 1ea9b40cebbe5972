import twilio from "twilio";
import { config } from "../../config.server";
import { db } from "../../db.server";
import { BODY_LIMITS, BodyTooLargeError, readBody } from "../../platform/http/body.server";
import { shopProfile } from "../../shops/index.server";
import { smsCredentials } from "./account.server";
import { isDeliveryStatus, statusesBefore } from "./delivery-status";
import { smsKeyword } from "./keywords";
import { smsProvider } from "./send.server";
import { DEFAULT_HELP_TEXT, renderSms } from "./templates";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const E164 = /^\+[1-9]\d{1,14}$/;

export interface TwilioRequest {
  shop: string;
  /** The exact public URL Twilio requested (and signed): the app's URL, path and query. */
  url: string;
  signature: string;
  /** The form body, already read within its limit. */
  rawBody: string;
}

export interface TwilioAnswer {
  status: number;
  body: string;
  contentType: string;
}

const refused: TwilioAnswer = { status: 403, body: "forbidden", contentType: "text/plain" };

/**
 * The request's parameters when it is signed with the shop's auth token and comes from the
 * shop's account; null otherwise (an unknown shop looks the same as a forged signature).
 */
async function verified(request: TwilioRequest) {
  if (!SHOP_DOMAIN.test(request.shop) || !request.signature) return null;
  const credentials = await smsCredentials(request.shop);
  if (!credentials) return null;
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(request.rawBody)) params[name] = value;
  const valid = smsProvider().verifyCallback({
    authToken: credentials.authToken,
    url: request.url,
    signature: request.signature,
    params,
  });
  if (!valid || params.AccountSid !== credentials.accountSid) return null;
  return params;
}

/**
 * A status callback: the message (named by our id in the callback URL) moves to the reported
 * status only if that is further along, so repeats and late arrivals change nothing.
 */
export async function receiveSmsStatus(
  request: TwilioRequest & { messageId: string },
): Promise<TwilioAnswer> {
  const params = await verified(request);
  if (!params) return refused;
  const status = params.MessageStatus ?? "";
  const sid = params.MessageSid ?? "";
  if (!isDeliveryStatus(status) || !sid) {
    return { status: 400, body: "unknown MessageStatus", contentType: "text/plain" };
  }
  const errorCode = params.ErrorCode;
  await db.notificationMessage.updateMany({
    where: {
      id: request.messageId,
      shopDomain: request.shop,
      channel: "sms",
      AND: [
        { OR: [{ providerMessageId: null }, { providerMessageId: sid }] },
        { OR: [{ deliveryStatus: null }, { deliveryStatus: { in: statusesBefore(status) } }] },
      ],
    },
    data: {
      deliveryStatus: status,
      providerMessageId: sid,
      ...(errorCode ? { detail: `Twilio error ${errorCode}` } : {}),
    },
  });
  return { status: 204, body: "", contentType: "text/plain" };
}

/**
 * A shopper's text to the shop's number: opt-out keywords stop every SMS to that number from
 * the shop, opt-in keywords lift that, HELP is answered with the shop's help text (TwiML).
 */
export async function receiveInboundSms(request: TwilioRequest): Promise<TwilioAnswer> {
  const params = await verified(request);
  if (!params) return refused;
  const from = params.From ?? "";
  const reply = new twilio.twiml.MessagingResponse();
  const keyword = smsKeyword(params.Body ?? "");
  if (E164.test(from) && keyword === "opt_out") {
    await db.smsOptOut.upsert({
      where: { shopDomain_phone: { shopDomain: request.shop, phone: from } },
      create: {
        shopDomain: request.shop,
        phone: from,
        keyword: (params.Body ?? "").trim().toUpperCase(),
      },
      update: {},
    });
  } else if (E164.test(from) && keyword === "opt_in") {
    await db.smsOptOut.deleteMany({ where: { shopDomain: request.shop, phone: from } });
  } else if (keyword === "help") {
    const [settings, profile] = await Promise.all([
      db.notificationSettings.findUnique({
        where: { shopDomain: request.shop },
        select: { smsHelpText: true },
      }),
      shopProfile(request.shop),
    ]);
    reply.message(
      renderSms(settings?.smsHelpText || DEFAULT_HELP_TEXT.en, {
        shop: profile?.name ?? request.shop,
        order: "",
        link: "",
      }),
    );
  }
  return { status: 200, body: reply.toString(), contentType: "text/xml" };
}

/**
 * Reads a Twilio request within its limit: refused (403) without a signature before its body is
 * read; the URL Twilio signed is the app's public URL with the request's path and query.
 */
export async function readTwilioRequest(
  request: Request,
): Promise<{ request: TwilioRequest; messageId: string } | TwilioAnswer> {
  const url = new URL(request.url);
  const signature = request.headers.get("x-twilio-signature") ?? "";
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "POST") {
    return { status: 405, body: "method not allowed", contentType: "text/plain" };
  }
  if (!signature || !/^application\/x-www-form-urlencoded\b/i.test(type)) {
    await request.body?.cancel().catch(() => undefined);
    return refused;
  }
  let rawBody: string;
  try {
    rawBody = Buffer.from(await readBody(request, BODY_LIMITS.smsWebhook)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return { status: 413, body: "payload too large", contentType: "text/plain" };
    }
    throw error;
  }
  return {
    request: {
      shop: url.searchParams.get("shop") ?? "",
      url: `${config().appUrl}${url.pathname}${url.search}`,
      signature,
      rawBody,
    },
    messageId: url.searchParams.get("message") ?? "",
  };
}

export function twilioResponse(answer: TwilioAnswer) {
  return new Response(answer.body || null, {
    status: answer.status,
    headers: { "Content-Type": answer.contentType },
  });
}
