import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveProviderWebhook } from "../tracking/tracking.server";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** EasyPost tracker events, signed with the shop's webhook secret (X-Hmac-Signature). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const shop = new URL(request.url).searchParams.get("shop") ?? "";
  if (!SHOP_DOMAIN.test(shop)) return new Response("Unknown shop", { status: 401 });
  const rawBody = Buffer.from(await request.arrayBuffer());
  try {
    const outcome = await receiveProviderWebhook("easypost", shop, {
      headers: request.headers,
      rawBody,
    });
    return new Response(outcome, { status: outcome === "unauthorized" ? 401 : 200 });
  } catch (error) {
    if (error instanceof SyntaxError || (error as Error).name === "ZodError") {
      return new Response("Malformed event", { status: 400 });
    }
    throw error;
  }
};
