import type { ActionFunctionArgs } from "@remix-run/node";
import {
  BodyTooLargeError,
  parseForm,
  readBody,
  tooLargeResponse,
} from "../platform/http/body.server";
import { MAX_INBOUND_BYTES, receiveInboundMail } from "../support/index.server";

/**
 * Shoppers' e-mail replies, posted by a Mailgun inbound route (multipart/form-data, Mailgun's
 * documented fields). The body is read up to MAX_INBOUND_BYTES and its signature, timestamp and
 * token are checked before any other field is looked at.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    await request.body?.cancel().catch(() => undefined);
    return new Response("unauthorized", { status: 401 });
  }
  let form: FormData;
  try {
    form = await parseForm(request, await readBody(request, MAX_INBOUND_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(error);
    return new Response("unauthorized", { status: 401 });
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const result = await receiveInboundMail({
    timestamp: field("timestamp"),
    token: field("token"),
    signature: field("signature"),
    sender: field("sender"),
    recipient: field("recipient"),
    bodyPlain: field("body-plain"),
    strippedText: field("stripped-text"),
    messageId: field("Message-Id"),
    inReplyTo: field("In-Reply-To"),
    references: field("References"),
  });
  return new Response(result.outcome, { status: result.status });
};
