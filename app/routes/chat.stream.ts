import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientAddress } from "../storefront/rate-limit.server";
import { openConversationStream } from "../support/index.server";

/**
 * GET /chat/stream?token=<chat token>: a conversation's messages as Server-Sent Events, for the
 * storefront chat widget; readable from the shop's storefront origins only.
 */
export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const opened = await openConversationStream({
    token: url.searchParams.get("token"),
    origin: request.headers.get("origin"),
    ip: clientAddress(request, context, "direct"),
    lastEventId: request.headers.get("last-event-id") ?? url.searchParams.get("since"),
    signal: request.signal,
  });
  const headers = new Headers(opened.headers);
  if (opened.status !== 200) {
    if (opened.retryAfterSeconds) headers.set("Retry-After", String(opened.retryAfterSeconds));
    return new Response(null, { status: opened.status, headers });
  }
  return new Response(opened.body, { status: 200, headers });
};
