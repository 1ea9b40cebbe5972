import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { readText } from "../platform/http/body.server";
import { verifyAppProxy } from "../shopify.server";
import { liquidPage } from "../storefront/liquid-page.server";
import { clientAddress } from "../storefront/rate-limit.server";
import {
  helpPage,
  helpPost,
  MAX_FORM_BYTES,
  type HelpContext,
  type HelpResponse,
} from "../support/index.server";

/**
 * The storefront help center, https://{shop}/apps/aftercare/help (App Proxy, Liquid inside the
 * theme, plain links and forms): search (?q=), FAQs, articles by topic (?article=slug),
 * "did this help?" and the assistant's answers about the shopper's order (POST).
 */

const helpContext = (
  request: Request,
  loadContext: AppLoadContext,
  shopDomain: string,
): HelpContext => ({
  shopDomain,
  ip: clientAddress(request, loadContext, "app-proxy"),
  acceptLanguage: request.headers.get("accept-language"),
  storefrontPath: `${new URL(request.url).searchParams.get("path_prefix") ?? "/apps/aftercare"}/help`,
});

function respond(page: HelpResponse) {
  if (page.location) {
    return new Response(null, { status: page.status, headers: { Location: page.location } });
  }
  const headers = new Headers({ "Cache-Control": "no-store", Vary: "Accept-Language" });
  if (page.retryAfterSeconds) headers.set("Retry-After", String(page.retryAfterSeconds));
  // Shopify renders it inside the merchant's theme layout, every brace neutralized.
  return liquidPage(page.html ?? "", { status: page.status, headers });
}

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  return respond(
    await helpPage(helpContext(request, context, shopDomain), new URL(request.url).searchParams),
  );
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const shopDomain = await verifyAppProxy(request);
  const search = new URL(request.url).searchParams;
  const body = await readText(request, MAX_FORM_BYTES);
  return respond(
    await helpPost(helpContext(request, context, shopDomain), search, new URLSearchParams(body)),
  );
};
