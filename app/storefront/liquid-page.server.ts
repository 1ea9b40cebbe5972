/**
 * The one way a shopper-facing page leaves the app as `application/liquid` (App Proxy): Shopify
 * renders such a body as Liquid inside the merchant's theme, with the shop's and the signed-in
 * customer's data in scope. Anything a shopper typed and the page reflects (an order number, an
 * email, a note, a tracking number) would run there: `{{ shop.email }}` would print the shop's
 * address, `{% capture %}` could write a script onto the shop's own domain.
 *
 * So the page's finished markup is neutralized as a whole, not field by field: in text and
 * attributes every `{` and `}` becomes an HTML entity (the browser shows the same character, Liquid
 * sees none), and in the raw-text elements where entities mean nothing (`<style>`, `<script>`) a
 * space breaks every `{{` and `{%`. No Liquid delimiter survives, whatever a field held, on
 * every page, error pages included. The app's pages use no Liquid of their own.
 */

const RAW_TEXT_ELEMENT = /(<(style|script)\b[^>]*>[\s\S]*?<\/\2\s*>)/i;

export function neutralizeLiquid(markup: string) {
  return markup
    .split(RAW_TEXT_ELEMENT)
    .map((part, index) => {
      // split() with two groups yields [text, element, tagName, text, element, tagName, …].
      if (index % 3 === 2) return "";
      if (index % 3 === 1) return part.replace(/\{(?=[{%])/g, "{ ");
      return part.replace(/[{}]/g, (brace) => (brace === "{" ? "&#123;" : "&#125;"));
    })
    .join("");
}

/** A page for Shopify to render inside the theme, with every delimiter a shopper could send neutralized. */
export function liquidPage(markup: string, init: { status: number; headers?: HeadersInit }) {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/liquid");
  return new Response(neutralizeLiquid(markup), { status: init.status, headers });
}
