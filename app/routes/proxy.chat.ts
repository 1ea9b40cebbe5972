import type { ActionFunctionArgs } from "@remix-run/node";
import { readForm, readText } from "../platform/http/body.server";
import { verifyAppProxy } from "../shopify.server";
import { clientAddress } from "../storefront/rate-limit.server";
import { chatBodyLimit, chatForm, chatRequest } from "../support/index.server";

/**
 * The chat widget's requests, https://{shop}/apps/aftercare/chat (App Proxy, JSON both ways):
 * presence, the assistant's answer, "talk to a person", the shopper's messages. The live stream
 * itself is /chat/stream on the app's origin (the App Proxy does not hold a response open).
 */
export const action = async ({ request, context }: ActionFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  // Photos (multipart) only for a request whose address already names a live conversation.
  const limit = chatBodyLimit(request, shopDomain);
  const multipart = /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");
  const { raw, uploads } = multipart
    ? await chatForm(await readForm(request, limit))
    : { raw: await readText(request, limit), uploads: [] };
  const answer = await chatRequest(
    {
      shopDomain,
      ip: clientAddress(request, context, "app-proxy"),
      acceptLanguage: request.headers.get("accept-language"),
      pathPrefix: new URL(request.url).searchParams.get("path_prefix") ?? "/apps/aftercare",
    },
    raw,
    uploads,
  );
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (answer.retryAfterSeconds) headers.set("Retry-After", String(answer.retryAfterSeconds));
  return Response.json(answer.json, { status: answer.status, headers });
};
