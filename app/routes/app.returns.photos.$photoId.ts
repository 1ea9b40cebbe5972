import type { LoaderFunctionArgs } from "@remix-run/node";
import { photoFile } from "../returns/photos.server";
import { requireAdminShop } from "../shopify.server";

/** A return photo, for the merchant of the shop it belongs to. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const photo = await photoFile(shop, params.photoId ?? "");
  if (!photo) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.contentType,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
};
