import type { ActionFunctionArgs } from "@remix-run/node";
import {
  BODY_LIMITS,
  BodyTooLargeError,
  readBody,
  tooLargeResponse,
} from "../platform/http/body.server";
import { verifyProviderWebhook } from "../tracking/tracking.server";
import { ingestVerifiedEvent } from "../webhooks/ingest.server";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * EasyPost events, signed with the shop's webhook secret (X-Hmac-Signature): verified, stored
 * once in the webhook inbox and acknowledged; the inbox's job applies them.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = new URL(request.url).searchParams.get("shop") ?? "";
  if (!SHOP_DOMAIN.test(shop)) return new Response("Unknown shop", { status: 401 });
  // Unsigned events are refused before their body is read.
  if (!request.headers.get("x-hmac-signature"))
    return new Response("unauthorized", { status: 401 });
  let rawBody: Buffer;
  try {
    rawBody = Buffer.from(await readBody(request, BODY_LIMITS.providerWebhook));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(error);
    throw error;
  }
  let event;
  try {
    event = await verifyProviderWebhook("easypost", shop, { headers: request.headers, rawBody });
  } catch (error) {
    if (error instanceof SyntaxError || (error as Error).name === "ZodError") {
      return new Response("Malformed event", { status: 400 });
    }
    throw error;
  }
  if (!event) return new Response("unauthorized", { status: 401 });
  const response = await ingestVerifiedEvent({
    // One EasyPost account may feed several shops, each its own webhook, with the same event id.
    eventKey: `easypost:${shop}:${event.id}`,
    shopDomain: shop,
    topic: `easypost/${event.kind}`,
    sentAt: event.occurredAt,
    rawBody: rawBody.toString("utf8"),
  });
  return new Response(response.body, { status: response.status });
};
