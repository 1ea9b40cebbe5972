import type { LoaderFunctionArgs } from "@remix-run/node";
import { followShortLink } from "../notifications/sms/links.server";

/** A shortened link from an SMS: counts the click and redirects; anything else is a 404. */
export const loader = async ({ params }: LoaderFunctionArgs) => {
  const target = await followShortLink(params.code ?? "");
  if (!target) return new Response("Not found", { status: 404 });
  return new Response(null, {
    status: 302,
    headers: { Location: target, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
};
