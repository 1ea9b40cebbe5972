import type { ActionFunctionArgs } from "@remix-run/node";
import {
  BODY_LIMITS,
  BodyTooLargeError,
  readBody,
  tooLargeResponse,
} from "../platform/http/body.server";
import { receiveProviderWebhook } from "../tracking/tracking.server";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** EasyPost tracker events, signed with the shop's webhook secret (X-Hmac-Signature). */
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
  try {
    const outcome = await receiveProviderWebhook("easypost", shop, {
      headers: request.headers,
      rawBody,
    });
    return new Response(outcome, { status: outcome === "unauthorized" ? 401 : 200 });
  } catch (error) {
    if (error instanceof SyntaxError || (error as Error).name === "ZodError") {
      return new Response("Malformed event", { status: 400 });
    }
    throw error;
  }
};
