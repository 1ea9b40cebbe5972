import {
  Liquid,
  Tag,
  type TagToken,
  type Context,
  type Emitter,
  type TopLevelToken,
} from "liquidjs";
import { escapeHtml } from "./html";
import type { ShopDetails } from "./state";

/**
 * Shopify's rendering of an App Proxy answer sent as `application/liquid`: the body is Liquid,
 * rendered with the shop's objects in scope (and the signed-in customer's; the stand-in's shopper
 * is anonymous, so `customer` is nil), then placed inside the theme's layout unless it says
 * `{% layout none %}`. A real engine (liquidjs, with Shopify's `base64_decode` and friends), so
 * what a page reflects is run exactly as a shopper's browser would receive it from Shopify.
 */
const engine = new Liquid({ strictFilters: false, strictVariables: false });

/** `{% layout none %}` chooses the theme layout: nothing to print. */
class LayoutTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
  }
  *render(_context: Context, _emitter: Emitter) {}
}
engine.registerTag("layout", LayoutTag);

export async function renderLiquidInTheme(liquid: string, shopDomain: string, shop: ShopDetails) {
  const layoutNone = /\{%-?\s*layout\s+none\s*-?%\}/.test(liquid);
  const scope = {
    shop: {
      name: shop.name,
      email: shop.email,
      customer_accounts_enabled: true,
      domain: shopDomain,
      permanent_domain: shopDomain,
      url: `https://${shopDomain}`,
      currency: shop.currencyCode,
    },
    customer: null,
    request: { locale: { iso_code: shop.primaryLocale } },
  };
  // Shopify shows a Liquid error inline rather than failing the page.
  const body = await engine
    .parseAndRender(liquid, scope)
    .catch((error: Error) => `Liquid error: ${escapeHtml(error.message)}`);
  if (layoutNone) return body;
  const name = escapeHtml(shop.name);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${name}</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2937}header,footer{padding:16px 24px;background:#f9fafb;border-bottom:1px solid #e5e7eb}footer{border-top:1px solid #e5e7eb;border-bottom:0;color:#6b7280}main{max-width:960px;margin:0 auto;padding:24px}</style>
</head><body><header><strong>${name}</strong></header><main>${body}</main><footer>${name} · theme stand-in</footer></body></html>`;
}
