import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdminShop } from "../shopify.server";
import { attachmentResponse, merchantAttachment } from "../support/index.server";

/** An image a shopper attached to a support message, for the merchant of the shop it belongs to. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return attachmentResponse(await merchantAttachment(shop, params.id ?? ""));
};
