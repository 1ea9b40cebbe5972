import { createHmac, randomBytes } from "node:crypto";
import type { ReceivedEmail } from "./mailbox";

/**
 * Mailgun's inbound routes as the stand-in plays them: a shopper answers an e-mail the app sent
 * (found in the stand-in's mailbox), and Mailgun's forward() action POSTs the parsed reply to the
 * app, as documented in "Receiving Messages via HTTP through a forward() action"
 * (documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http):
 * application/x-www-form-urlencoded (multipart/form-data when the mail has attachments) with
 * `recipient`, `sender`, `from`, `subject`, `body-plain`, `stripped-text`, `message-headers`, each
 * MIME header as its own field (`Message-Id`, `In-Reply-To`, `References`), and `timestamp`,
 * `token` (50 random characters) and `signature`, the hex HMAC-SHA256 of timestamp + token with
 * the account's HTTP webhook signing key ("Securing Webhooks"). A reply's attachments come as file
 * parts `attachment-1` … `attachment-N` (each with its file name and MIME type) with
 * `attachment-count` = N, and `content-id-map` (the inline ones by Content-ID; none here).
 */
export function mailgunSignature(signingKey: string, timestamp: string, token: string) {
  return createHmac("sha256", signingKey)
    .update(timestamp + token)
    .digest("hex");
}

export interface ShopperReplyOptions {
  /** What the shopper types above the quoted message. */
  text: string;
  /** Envelope sender; the original message's recipient unless told otherwise. */
  sender?: string;
  /** Sign with this key instead of the account's (to test rejection). */
  signingKey?: string;
  /** Reuse a token (to test replay), or a timestamp (seconds) other than now. */
  token?: string;
  timestamp?: number;
  /** The reply's Message-Id (the same e-mail delivered twice); a new one unless told. */
  messageId?: string;
  /** Send as multipart/form-data, as Mailgun does when the reply has attachments. */
  multipart?: boolean;
  /** Files the shopper attaches (the post is then multipart/form-data). */
  attachments?: InboundAttachment[];
}

/** A file attached to the shopper's reply; its bytes in base64 (the stand-in's JSON API). */
export interface InboundAttachment {
  fileName: string;
  contentType: string;
  base64: string;
}

/** The fields Mailgun posts for a shopper's reply to `original`. */
export function inboundReplyFields(
  original: ReceivedEmail,
  signingKey: string,
  options: ShopperReplyOptions,
): Record<string, string> {
  const header = (name: string) => original.headers[name.toLowerCase()] ?? "";
  const sender = options.sender ?? original.to[0] ?? "";
  const replyTo = header("reply-to") || original.from;
  const recipient = (/<([^>]*)>/.exec(replyTo)?.[1] ?? replyTo).trim();
  const messageId = options.messageId ?? `<${randomBytes(12).toString("hex")}@mail.shopper.test>`;
  const references = [header("references"), header("message-id")].filter(Boolean).join(" ");
  const quoted = original.text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const bodyPlain = `${options.text}\n\nOn ${original.receivedAt}, ${original.from} wrote:\n${quoted}\n`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const token = options.token ?? randomBytes(25).toString("hex");
  const subject = `Re: ${original.subject}`;
  const headers: [string, string][] = [
    ["From", sender],
    ["To", recipient],
    ["Subject", subject],
    ["Message-Id", messageId],
    ["In-Reply-To", header("message-id")],
    ["References", references],
  ];
  return {
    recipient,
    sender,
    from: sender,
    subject,
    "body-plain": bodyPlain,
    "stripped-text": options.text,
    "stripped-signature": "",
    "message-headers": JSON.stringify(headers),
    ...Object.fromEntries(headers),
    timestamp,
    token,
    signature: mailgunSignature(options.signingKey ?? signingKey, timestamp, token),
  };
}

/** POSTs the fields to the app's inbound endpoint as Mailgun does; the app's answer. */
export async function postInbound(
  url: string,
  fields: Record<string, string>,
  multipart = false,
  attachments: InboundAttachment[] = [],
): Promise<{ status: number; body: string }> {
  let body: FormData | URLSearchParams;
  if (multipart || attachments.length > 0) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("attachment-count", String(attachments.length));
    form.append("content-id-map", "{}");
    attachments.forEach((attachment, index) => {
      const bytes = Buffer.from(attachment.base64, "base64");
      form.append(
        `attachment-${index + 1}`,
        new Blob([bytes], { type: attachment.contentType }),
        attachment.fileName,
      );
    });
    body = form;
  } else {
    body = new URLSearchParams(fields);
  }
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "User-Agent": "mailgun" },
  });
  return { status: response.status, body: await response.text() };
}
