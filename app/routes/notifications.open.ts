import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordOpen } from "../notifications/unsubscribe.server";

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** The open-tracking pixel, in emails of shops that turned it on. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await recordOpen(new URL(request.url).searchParams.get("token") ?? "");
  return new Response(PIXEL, {
    headers: { "Content-Type": "image/gif", "Cache-Control": "no-store, private" },
  });
};
