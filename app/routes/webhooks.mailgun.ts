import type { ActionFunctionArgs } from "@remix-run/node";
import {
  BODY_LIMITS,
  BodyTooLargeError,
  parseForm,
  readBody,
  tooLargeResponse,
} from "../platform/http/body.server";
import { MAX_INBOUND_ATTACHMENTS, receiveInboundMail } from "../support/index.server";

/**
 * Shoppers' e-mail replies, posted by a Mailgun inbound route (urlencoded, or multipart/form-data
 * with `attachment-count` and the files `attachment-1` … `attachment-N` when the e-mail has
 * attachments; Mailgun's "Receiving Messages via HTTP through a forward() action"). The body is
 * read up to BODY_LIMITS.inboundMail, and its signature, timestamp and token are checked before
 * any other field or file is looked at.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    await request.body?.cancel().catch(() => undefined);
    return new Response("unauthorized", { status: 401 });
  }
  let form: FormData;
  try {
    form = await parseForm(request, await readBody(request, BODY_LIMITS.inboundMail));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(error);
    return new Response("unauthorized", { status: 401 });
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const result = await receiveInboundMail(
    { timestamp: field("timestamp"), token: field("token"), signature: field("signature") },
    () => {
      const declared = Number(field("attachment-count"));
      const attachmentCount = Number.isSafeInteger(declared) && declared > 0 ? declared : 0;
      const files: File[] = [];
      for (let index = 1; index <= Math.min(attachmentCount, MAX_INBOUND_ATTACHMENTS); index++) {
        const value = form.get(`attachment-${index}`);
        if (value && typeof value !== "string") files.push(value);
      }
      return {
        sender: field("sender"),
        recipient: field("recipient"),
        bodyPlain: field("body-plain"),
        strippedText: field("stripped-text"),
        messageId: field("Message-Id"),
        inReplyTo: field("In-Reply-To"),
        references: field("References"),
        attachmentCount,
        attachments: files.map((file) => ({
          fileName: file.name,
          contentType: file.type,
          size: file.size,
          read: async () => new Uint8Array(await file.arrayBuffer()),
        })),
      };
    },
  );
  return new Response(result.outcome, { status: result.status });
};
