import type { LoaderFunctionArgs } from "@remix-run/node";
import { verifyAppProxy } from "../shopify.server";
import { attachmentResponse, shopperAttachment } from "../support/index.server";

/**
 * An image the shopper attached, https://{shop}/apps/aftercare/help/conversation/attachments/:id
 * ?t=<conversation link token> or ?c=<chat token> (App Proxy): only an image of the conversation
 * the token names, of the shop the signed request comes from; anything else is a 404.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const search = new URL(request.url).searchParams;
  const file = await shopperAttachment(
    shopDomain,
    { link: search.get("t"), chat: search.get("c") },
    params.id ?? "",
  );
  return attachmentResponse(file);
};
