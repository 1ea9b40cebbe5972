import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { portalRequest } from "../returns/shopper/portal.server";
import { verifyAppProxy } from "../shopify.server";
import { clientIp } from "../tracking/shopper/rate-limit.server";

/**
 * The storefront returns portal, https://{shop}/apps/aftercare/returns (App Proxy), as JSON:
 * POST {action: "lookup", order, email} lists what can be returned and how;
 * POST {action: "submit", order, email, idempotencyKey, lines} records the return.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await verifyAppProxy(request);
  return Response.json({ error: "usePost" }, { status: 405, headers: { Allow: "POST" } });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const body: unknown = await request.json().catch(() => null);
  const answer = await portalRequest(shopDomain, clientIp(request), body);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (answer.retryAfterSeconds) headers.set("Retry-After", String(answer.retryAfterSeconds));
  return Response.json(answer.body, { status: answer.status, headers });
};
