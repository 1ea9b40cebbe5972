import twilio from "twilio";
import { z } from "zod";
import { config } from "../../config.server";
import { SmsProviderError, type SmsProvider } from "./provider";

const MessageSchema = z.object({ sid: z.string(), status: z.string() });
const ErrorSchema = z.object({ code: z.number().nullish(), message: z.string() });

/**
 * Twilio's Programmable Messaging over its REST API
 * (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource):
 * form-encoded POST with HTTP Basic auth (Account SID : auth token); callbacks are signed with
 * X-Twilio-Signature, checked by the twilio package's own validateRequest.
 */
export function createTwilioSms(apiUrl: string): SmsProvider {
  return {
    async send(credentials, message) {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      if ("phoneNumber" in credentials.from) form.set("From", credentials.from.phoneNumber);
      else form.set("MessagingServiceSid", credentials.from.messagingServiceSid);
      if (message.statusCallbackUrl) form.set("StatusCallback", message.statusCallbackUrl);
      const url = new URL(
        `2010-04-01/Accounts/${encodeURIComponent(credentials.accountSid)}/Messages.json`,
        apiUrl,
      );
      const response = await fetch(url, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: form,
        signal: AbortSignal.timeout(15_000),
      });
      const json: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const error = ErrorSchema.safeParse(json);
        throw new SmsProviderError(
          error.success ? error.data.message : `Twilio answered ${response.status}`,
          error.success ? (error.data.code ?? null) : null,
          response.status,
        );
      }
      const sent = MessageSchema.parse(json);
      return { providerMessageId: sent.sid, status: sent.status };
    },

    verifyCallback({ authToken, url, signature, params }) {
      return signature !== "" && twilio.validateRequest(authToken, signature, url, params);
    },
  };
}

/** Twilio at TWILIO_API_URL (api.twilio.com, or the stand-in in the demo and the tests). */
export function twilioSms(): SmsProvider {
  return createTwilioSms(config().TWILIO_API_URL);
}
