import type { ActionFunctionArgs } from "@remix-run/node";
import {
  readTwilioRequest,
  receiveInboundSms,
  twilioResponse,
} from "../notifications/sms/callbacks.server";

/**
 * Texts shoppers send to the shop's Twilio number (its messaging webhook, `?shop=…`): STOP,
 * START and HELP; signed like status callbacks, answered with TwiML.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const read = await readTwilioRequest(request);
  if (!("request" in read)) return twilioResponse(read);
  return twilioResponse(await receiveInboundSms(read.request));
};
