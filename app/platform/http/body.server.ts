/**
 * Reading request bodies with a limit. Every route that reads a body goes through here, after it
 * has authenticated the request, so a stranger can never make the app hold more than a route's
 * limit in memory: the body is streamed and counted (a chunked upload has no Content-Length to
 * trust, and a declared length may lie), and reading stops at the first byte past the limit.
 */

const KB = 1024;
const MB = 1024 * KB;

/** The limit of each kind of body the app reads. */
export const BODY_LIMITS = {
  /**
   * Shopify webhooks. Shopify does not publish a cap for HTTPS deliveries; its staff say bodies
   * can be "upwards of a megabyte" (community.shopify.com, "Webhook requests exceed max size"), and
   * its EventBridge deliveries inline up to 1,000,000 bytes (shopify.dev changelog, Nov 2026). An
   * order with hundreds of line items and refunds stays well below 10 MB.
   */
  webhook: 10 * MB,
  /** Carrier aggregator events (an EasyPost tracker with its full history is a few hundred KB). */
  providerWebhook: 2 * MB,
  /**
   * Twilio's status callbacks and inbound texts: a dozen form fields and a body of at most 1,600
   * characters (Twilio's own limit), a few KB at most.
   */
  smsWebhook: 64 * KB,
  /**
   * Shopify Flow action runs: ids and the merchant's few fields. Flow does not publish a cap;
   * its trigger payloads are limited to 50 KB, and an action's fields are no bigger.
   */
  flowAction: 64 * KB,
  /** Admin forms: settings, policies and templates typed by a merchant. */
  adminForm: 1 * MB,
  /** Shopper JSON and forms: an order number, an email, a choice of items. */
  publicForm: 64 * KB,
  /** The returns portal's multipart form: ten photos of 10 MB at most, and the form around them. */
  returnUpload: 140 * MB,
  /** A support message with its photos: three of 10 MB at most, and the text around them. */
  supportUpload: 31 * MB,
  /**
   * A shopper's e-mail reply as Mailgun's inbound route posts it, attachments included. Mailgun
   * takes messages of up to 25 MB; the post carries the attachments decoded (smaller than their
   * base64 in the message) but the text several times (body-plain, body-html, stripped-text,
   * stripped-html, message-headers), so 32 MB holds the largest message Mailgun accepts.
   */
  inboundMail: 32 * MB,
} as const;

/** A body past its limit (readText, readJson and readForm throw the 413 response instead). */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body is larger than ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The body as bytes, at most `limitBytes` of them; throws BodyTooLargeError past that, before
 * reading the rest (a declared Content-Length above the limit is refused without reading at all).
 */
export async function readBody(
  request: Request,
  limitBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The body within its limit, for a Remix route: past the limit it throws the 413 response, which
 * Remix answers as is.
 */
async function readBodyOrRefuse(request: Request, limitBytes: number) {
  try {
    return await readBody(request, limitBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLargeResponse(error);
    throw error;
  }
}

export async function readText(request: Request, limitBytes: number) {
  return new TextDecoder().decode(await readBodyOrRefuse(request, limitBytes));
}

/** The body parsed as JSON; null when it is not JSON (the caller's schema then rejects it). */
export async function readJson(request: Request, limitBytes: number): Promise<unknown> {
  return parseJson(await readBodyOrRefuse(request, limitBytes));
}

/** The body as form data (urlencoded or multipart), parsed only once it is known to fit. */
export async function readForm(request: Request, limitBytes: number): Promise<FormData> {
  return parseForm(request, await readBodyOrRefuse(request, limitBytes));
}

/** Bytes already read (within their limit) as JSON; null when they are not JSON. */
export function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body)) as unknown;
  } catch {
    return null;
  }
}

/** Bytes already read (within their limit) as the form the request's Content-Type describes. */
export function parseForm(request: Request, body: Uint8Array<ArrayBuffer>): Promise<FormData> {
  return new Request(request.url, {
    method: "POST",
    headers: { "Content-Type": request.headers.get("content-type") ?? "" },
    body,
  }).formData();
}

/** The 413 a route answers (scripts/server.js closes the connection instead of reading the rest). */
export function tooLargeResponse(error: BodyTooLargeError) {
  return new Response(`Payload Too Large: the limit is ${error.limitBytes} bytes`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
