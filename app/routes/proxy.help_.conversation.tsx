import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { readForm } from "../platform/http/body.server";
import { verifyAppProxy } from "../shopify.server";
import { liquidPage } from "../storefront/liquid-page.server";
import {
  threadBodyLimit,
  threadPage,
  threadPost,
  type ThreadResponse,
} from "../support/index.server";

/**
 * A shopper's conversation with the shop's team, https://{shop}/apps/aftercare/help/conversation
 * ?t=<signed conversation token> (App Proxy): the thread, a reply form (text and up to three
 * photos, multipart), and ?format=json for a page that polls. The token names one conversation of the shop the signed request comes from.
 */

function respond(page: ThreadResponse) {
  const headers = new Headers({ "Cache-Control": "no-store", Vary: "Accept-Language" });
  if (page.retryAfterSeconds) headers.set("Retry-After", String(page.retryAfterSeconds));
  if (page.json) return Response.json(page.json, { status: page.status, headers });
  return liquidPage(page.html ?? "", { status: page.status, headers });
}

const threadContext = (request: Request, shopDomain: string) => ({
  shopDomain,
  acceptLanguage: request.headers.get("accept-language"),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  return respond(
    await threadPage(threadContext(request, shopDomain), new URL(request.url).searchParams),
  );
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  // A body with photos only for a request already naming a live conversation.
  const form = await readForm(request, threadBodyLimit(request));
  return respond(
    await threadPost(threadContext(request, shopDomain), new URL(request.url).searchParams, form),
  );
};
