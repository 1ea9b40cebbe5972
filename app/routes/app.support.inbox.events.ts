import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdminShop } from "../shopify.server";
import { openInboxStream } from "../support/index.server";

/**
 * The inbox, live (Server-Sent Events read with the session token): the id of each conversation
 * that changed. While one is open the widget shows the team as present.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const stream = openInboxStream(shop, request.signal);
  return new Response(stream.body, { headers: stream.headers });
};
