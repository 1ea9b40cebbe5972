import type { ActionFunctionArgs } from "@remix-run/node";
import {
  readTwilioRequest,
  receiveSmsStatus,
  twilioResponse,
} from "../notifications/sms/callbacks.server";

/**
 * Twilio's status callbacks for the SMS we send (`?shop=…&message=<our id>`): X-Twilio-Signature
 * is checked with the shop's auth token over the exact URL and the form before anything is used.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const read = await readTwilioRequest(request);
  if (!("request" in read)) return twilioResponse(read);
  return twilioResponse(await receiveSmsStatus({ ...read.request, messageId: read.messageId }));
};
