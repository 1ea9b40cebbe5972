import type { ActionFunctionArgs } from "@remix-run/node";
import { isSignedByShopify, runFlowAction } from "../automation/index.server";
import {
  BODY_LIMITS,
  BodyTooLargeError,
  readBody,
  tooLargeResponse,
} from "../platform/http/body.server";

/**
 * Shopify Flow action runs (extensions/flow-*: runtime_url). The signature is checked on the raw
 * body before anything is parsed; the shop is the signed payload's.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405 });
  const signature = request.headers.get("x-shopify-hmac-sha256");
  if (!signature) return new Response("Unauthorized", { status: 401 });
  let rawBody: Uint8Array;
  try {
    rawBody = await readBody(request, BODY_LIMITS.flowAction);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(error);
    throw error;
  }
  if (!isSignedByShopify(rawBody, signature)) return new Response("Unauthorized", { status: 401 });
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch {
    return Response.json({ error: "malformed JSON" }, { status: 400 });
  }
  const answer = await runFlowAction(params.action ?? "", payload);
  return Response.json(answer.body, { status: answer.status });
};
