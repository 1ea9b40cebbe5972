import type { StandinDraftOrder } from "./admin/draft-orders";
import { escapeHtml } from "./html";
import type { ShopDetails } from "./state";

/**
 * The checkout a draft order's invoice URL opens, as the shopper sees Shopify's: the items, the
 * discount and the amount due in the shop's currency, and a card form. The wording of its
 * messages is ours; Shopify does not document its checkout's text.
 */

export type CheckoutNotice = "declined" | "error" | "paid" | "alreadyPaid";

const NOTICES: Record<CheckoutNotice, string> = {
  declined: "Your card was declined. Try again or use a different payment method.",
  error: "There was an issue processing your payment. Try again or use a different payment method.",
  paid: "Thank you! Your order is confirmed.",
  alreadyPaid: "This invoice has already been paid.",
};

export function checkoutPage(
  shop: ShopDetails,
  draft: StandinDraftOrder,
  notice: CheckoutNotice | null,
): string {
  const money = (minor: number) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency: shop.currencyCode }).format(
      minor / 100,
    );
  const lines = draft.lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.title)} × ${line.quantity}</td><td>${money(line.unitPrice * line.quantity)}</td></tr>`,
    )
    .join("");
  const completed = draft.status === "COMPLETED";
  const message = notice
    ? `<p role="${notice === "declined" || notice === "error" ? "alert" : "status"}">${escapeHtml(NOTICES[notice])}</p>`
    : "";
  const summary = `<table><tbody>${lines}
    <tr><td>Subtotal</td><td>${money(draft.subtotal)}</td></tr>
    ${draft.discount > 0 ? `<tr><td>Discount${draft.appliedDiscount?.title ? ` (${escapeHtml(draft.appliedDiscount.title)})` : ""}</td><td>−${money(draft.discount)}</td></tr>` : ""}
    <tr><th scope="row">Total due</th><td data-total>${shop.currencyCode} ${money(draft.total)}</td></tr>
  </tbody></table>`;
  const form = completed
    ? `<p>Order ${escapeHtml(draft.order?.name ?? "")}</p>`
    : `<form method="post">
    <fieldset><legend>Payment</legend>
      <label>Card number <input name="number" autocomplete="cc-number" required></label>
      <label>Name on card <input name="name" autocomplete="cc-name" required></label>
      <label>Expiration date (MM / YY) <input name="expiry" autocomplete="cc-exp" required></label>
      <label>Security code <input name="verification_value" autocomplete="cc-csc" required></label>
    </fieldset>
    <button type="submit">Pay now</button>
  </form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Checkout - ${escapeHtml(shop.name)}</title>
<style>body{font:15px system-ui;margin:24px auto;padding:0 16px;max-width:560px}label{display:block;margin:8px 0}input{display:block;width:100%}td,th{padding:4px 8px;text-align:left}[role=alert]{color:#b00}</style></head>
<body><h1>${escapeHtml(shop.name)}</h1>${message}${summary}${form}</body></html>`;
}
