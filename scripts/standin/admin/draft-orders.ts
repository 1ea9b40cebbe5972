import { randomBytes } from "node:crypto";
import { shopStore } from "../state";
import { catalog } from "./products";
import { AdminGraphqlError, type AdminHandler } from "./types";

type Shop = Parameters<AdminHandler>[0]["shop"];

/**
 * Draft orders as Shopify keeps them, for replacements (warranty claims, reshipped parcels): draftOrderCreate
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/draftOrderCreate) prices the lines
 * from the catalog and applies the order-level discount
 * (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/DraftOrderAppliedDiscountInput:
 * `value` is the percentage for PERCENTAGE, an amount for FIXED_AMOUNT; `valueType` one of
 * DraftOrderAppliedDiscountType); draftOrderComplete
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/draftOrderComplete) turns an open
 * draft into an order, once. Refusals are userErrors with the field they concern; their wording
 * is ours, Shopify's exact messages are not documented. Read them at
 * GET /__standin/shops/<shop>/stores/draftOrders.
 */

interface DraftLine {
  variantId: string;
  title: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
}

export interface StandinDraftOrder {
  id: string;
  status: "OPEN" | "INVOICE_SENT" | "COMPLETED";
  invoiceUrl: string;
  email: string | null;
  customerId: string | null;
  lines: DraftLine[];
  appliedDiscount: { value: number; valueType: string; title: string | null } | null;
  shippingAddress: Record<string, unknown> | null;
  note: string | null;
  tags: string[];
  subtotal: number;
  discount: number;
  total: number;
  order: { id: string; name: string; financialStatus: string } | null;
}

const drafts = (shop: Shop) => shopStore(shop, "draftOrders", () => [] as StandinDraftOrder[]);

interface UserError {
  field: string[] | null;
  message: string;
}

const cents = (price: string) => Math.round(Number(price) * 100);
const money = (minor: number) => ({
  shopMoney: { amount: (minor / 100).toFixed(2), currencyCode: "USD" },
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VALUE_TYPES = ["PERCENTAGE", "FIXED_AMOUNT"];
const INPUT_FIELDS = new Set([
  "email",
  "purchasingEntity",
  "lineItems",
  "appliedDiscount",
  "shippingAddress",
  "note",
  "tags",
]);

let nextId = 1_000_000;

/** The invoice emails Shopify sent (GET /__standin/shops/<shop>/stores/draftOrderInvoices). */
const invoices = (shop: Shop) =>
  shopStore(
    shop,
    "draftOrderInvoices",
    () => [] as { draftOrderId: string; to: string; invoiceUrl: string }[],
  );

/** The draft becomes an order, paid; its units leave the catalog's stock. */
function completeDraft(shop: Shop, draft: StandinDraftOrder) {
  const number = 5000 + drafts(shop).filter((entry) => entry.order).length + 1;
  draft.status = "COMPLETED";
  const order = {
    id: `gid://shopify/Order/${nextId++}`,
    name: `#${number}`,
    // Completed without payment pending (or paid at the invoice's checkout): paid.
    financialStatus: "PAID",
  };
  draft.order = order;
  for (const line of draft.lines) {
    for (const product of catalog(shop)) {
      const variant = product.variants.find((candidate) => candidate.id === line.variantId);
      if (variant && variant.inventoryQuantity !== null) variant.inventoryQuantity -= line.quantity;
    }
  }
  return order;
}

const numeric = (gid: string) => Number(gid.split("/").pop());
const decimal = (minor: number) => (minor / 100).toFixed(2);

/** The order a draft completed into, as orders/create and orders/paid carry it (REST Order). */
function orderPayload(shop: Shop, draft: StandinDraftOrder, paidAt: string) {
  const order = draft.order!;
  const currency = shop.details.currencyCode;
  const moneySet = (minor: number) => ({
    shop_money: { amount: decimal(minor), currency_code: currency },
    presentment_money: { amount: decimal(minor), currency_code: currency },
  });
  const address = draft.shippingAddress as Record<string, string | undefined> | null;
  return {
    id: numeric(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    order_number: Number(order.name.slice(1)),
    email: draft.email,
    contact_email: draft.email,
    currency,
    presentment_currency: currency,
    financial_status: "paid",
    fulfillment_status: null,
    // Orders from a draft's invoice say so; paid with the Bogus Gateway, they are test orders.
    source_name: "shopify_draft_order",
    test: true,
    tags: draft.tags.join(", "),
    note: draft.note,
    subtotal_price: decimal(draft.total),
    total_discounts: decimal(draft.discount),
    total_line_items_price: decimal(draft.subtotal),
    total_price: decimal(draft.total),
    total_price_set: moneySet(draft.total),
    total_tax: "0.00",
    total_shipping_price_set: moneySet(0),
    created_at: paidAt,
    processed_at: paidAt,
    updated_at: paidAt,
    cancelled_at: null,
    closed_at: null,
    customer: draft.customerId ? { id: numeric(draft.customerId), email: draft.email } : null,
    shipping_address: address && {
      first_name: address.firstName ?? null,
      last_name: address.lastName ?? null,
      company: address.company ?? null,
      address1: address.address1 ?? null,
      address2: address.address2 ?? null,
      city: address.city ?? null,
      province_code: address.provinceCode ?? null,
      zip: address.zip ?? null,
      country_code: address.countryCode ?? null,
      phone: address.phone ?? null,
    },
    line_items: draft.lines.map((line, index) => ({
      id: numeric(order.id) * 10 + index + 1,
      variant_id: numeric(line.variantId),
      product_id: productOf(shop, line.variantId),
      title: line.title,
      quantity: line.quantity,
      current_quantity: line.quantity,
      price: decimal(line.unitPrice),
      requires_shipping: true,
      gift_card: false,
    })),
  };
}

function productOf(shop: Shop, variantId: string) {
  const product = catalog(shop).find((candidate) =>
    candidate.variants.some((variant) => variant.id === variantId),
  );
  return product ? numeric(product.id) : null;
}

export type InvoicePayment =
  | { outcome: "paid"; webhooks: { topic: string; payload: Record<string, unknown> }[] }
  | { outcome: "declined" | "error" | "alreadyPaid" };

export function draftById(shop: Shop, id: string) {
  return drafts(shop).find((candidate) => candidate.id === id) ?? null;
}

/**
 * The draft order whose invoice (checkout) URL this is: Shopify's invoice URLs carry a secret
 * token, so anything else is no invoice.
 */
export function draftByInvoiceUrl(shop: Shop, invoiceUrl: string) {
  return drafts(shop).find((candidate) => candidate.invoiceUrl === invoiceUrl) ?? null;
}

/**
 * The shopper pays a draft order's invoice at its checkout with Shopify's test payment provider,
 * the (for testing) Bogus Gateway. Its card numbers
 * (https://help.shopify.com/en/partners/dashboard/managing-stores/test-orders-in-dev-stores,
 * "Test with Shopify's Bogus Gateway"; the gateway is ActiveMerchant's BogusGateway,
 * https://www.rubydoc.info/gems/activemerchant/1.0.0/ActiveMerchant/Billing/BogusGateway):
 * 1 approves the transaction, 2 declines it, 3 fails in the gateway; nothing is charged unless
 * approved. Approved, the draft completes into a paid order, once, and Shopify sends
 * orders/create, orders/paid and draft_orders/update (the REST DraftOrder,
 * https://shopify.dev/docs/api/admin-rest/latest/resources/draftorder: status "completed",
 * order_id).
 */
export function payDraftInvoice(
  shop: Shop,
  draft: StandinDraftOrder,
  cardNumber: string,
): InvoicePayment {
  if (draft.status === "COMPLETED") return { outcome: "alreadyPaid" };
  const card = cardNumber.replace(/\s+/g, "");
  if (card === "2") return { outcome: "declined" };
  if (card !== "1") return { outcome: "error" };
  const order = completeDraft(shop, draft);
  const paidAt = new Date().toISOString();
  const placed = orderPayload(shop, draft, paidAt);
  return {
    outcome: "paid",
    webhooks: [
      { topic: "orders/create", payload: placed },
      { topic: "orders/paid", payload: placed },
      {
        topic: "draft_orders/update",
        payload: {
          id: numeric(draft.id),
          admin_graphql_api_id: draft.id,
          name: `#D${numeric(draft.id) - 999_999}`,
          email: draft.email,
          currency: shop.details.currencyCode,
          status: "completed",
          invoice_url: draft.invoiceUrl,
          order_id: numeric(order.id),
          subtotal_price: decimal(draft.subtotal),
          total_price: decimal(draft.total),
          completed_at: paidAt,
          updated_at: paidAt,
          line_items: draft.lines.map((line) => ({
            variant_id: numeric(line.variantId),
            title: line.title,
            quantity: line.quantity,
            price: decimal(line.unitPrice),
          })),
        },
      },
    ],
  };
}

export const draftOrderHandlers: Record<string, AdminHandler> = {
  DraftOrderCreate: ({ shop, variables, origin }) => {
    const input = (variables.input ?? {}) as Record<string, unknown>;
    const errors: UserError[] = [];
    for (const key of Object.keys(input)) {
      if (!INPUT_FIELDS.has(key)) {
        // Shopify answers a field DraftOrderInput does not have with a top-level error; the
        // stand-in knows the fields Aftercare sends.
        throw new AdminGraphqlError(
          `Variable $input of type DraftOrderInput! was provided invalid value for ${key} (Field is not defined on DraftOrderInput)`,
          "INVALID_VARIABLE",
        );
      }
    }
    const email = input.email as string | undefined;
    if (email !== undefined && !EMAIL.test(email)) {
      errors.push({ field: ["email"], message: "Email is invalid" });
    }
    const entity = input.purchasingEntity as { customerId?: string } | undefined;
    if (entity && !/^gid:\/\/shopify\/Customer\/\d+$/.test(entity.customerId ?? "")) {
      errors.push({
        field: ["purchasingEntity", "customerId"],
        message: "Customer does not exist",
      });
    }
    const requested = (input.lineItems ?? []) as { variantId?: string; quantity?: number }[];
    if (requested.length === 0) {
      errors.push({ field: ["lineItems"], message: "Add at least 1 product" });
    }
    const lines: DraftLine[] = [];
    requested.forEach((line, index) => {
      const product = catalog(shop).find((candidate) =>
        candidate.variants.some((variant) => variant.id === line.variantId),
      );
      const variant = product?.variants.find((candidate) => candidate.id === line.variantId);
      if (!product || !variant) {
        errors.push({
          field: ["lineItems", String(index), "variantId"],
          message: "Product variant does not exist",
        });
        return;
      }
      if (!Number.isInteger(line.quantity) || (line.quantity ?? 0) < 1) {
        errors.push({
          field: ["lineItems", String(index), "quantity"],
          message: "Quantity must be greater than or equal to 1",
        });
        return;
      }
      lines.push({
        variantId: variant.id,
        title: product.title,
        quantity: line.quantity!,
        unitPrice: cents(variant.price),
      });
    });
    const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
    const applied = input.appliedDiscount as
      { value?: number; valueType?: string; title?: string } | undefined;
    let discount = 0;
    if (applied) {
      if (typeof applied.value !== "number" || applied.value < 0) {
        errors.push({ field: ["appliedDiscount", "value"], message: "Value must be positive" });
      } else if (!VALUE_TYPES.includes(applied.valueType ?? "")) {
        errors.push({ field: ["appliedDiscount", "valueType"], message: "Value type is invalid" });
      } else if (applied.valueType === "PERCENTAGE") {
        if (applied.value > 100) {
          errors.push({
            field: ["appliedDiscount", "value"],
            message: "Percentage must be less than or equal to 100",
          });
        }
        discount = Math.round((subtotal * Math.min(applied.value, 100)) / 100);
      } else {
        discount = Math.min(subtotal, cents(String(applied.value)));
      }
    }
    if (errors.length) return { draftOrderCreate: { draftOrder: null, userErrors: errors } };
    const id = nextId++;
    const draft: StandinDraftOrder = {
      id: `gid://shopify/DraftOrder/${id}`,
      status: "OPEN",
      // Shopify's form, https://<shop>/<shop id>/invoices/<secret token>, on the stand-in's
      // address for the shop.
      invoiceUrl: `${origin}/store/${shop.domain}/${shop.details.id}/invoices/${randomBytes(16).toString("hex")}`,
      email: email ?? null,
      customerId: entity?.customerId ?? null,
      lines,
      appliedDiscount: applied
        ? { value: applied.value!, valueType: applied.valueType!, title: applied.title ?? null }
        : null,
      shippingAddress: (input.shippingAddress as Record<string, unknown> | undefined) ?? null,
      note: (input.note as string | undefined) ?? null,
      tags: (input.tags as string[] | undefined) ?? [],
      subtotal,
      discount,
      total: subtotal - discount,
      order: null,
    };
    drafts(shop).push(draft);
    return {
      draftOrderCreate: {
        draftOrder: { id: draft.id, totalPriceSet: money(draft.total) },
        userErrors: [],
      },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/draftOrderInvoiceSend: an email
  // with the checkout link; the draft needs an email to send it to and must still be open.
  ReturnsDraftOrderInvoiceSend: ({ shop, variables }) => {
    const draft = drafts(shop).find((candidate) => candidate.id === variables.id);
    const refuse = (message: string) => ({
      draftOrderInvoiceSend: { draftOrder: null, userErrors: [{ field: ["id"], message }] },
    });
    if (!draft) return refuse("Draft order does not exist");
    if (draft.status === "COMPLETED") return refuse("Draft order has already been completed");
    if (!draft.email) return refuse("To can't be blank");
    draft.status = "INVOICE_SENT";
    invoices(shop).push({ draftOrderId: draft.id, to: draft.email, invoiceUrl: draft.invoiceUrl });
    return {
      draftOrderInvoiceSend: {
        draftOrder: { id: draft.id, status: draft.status, invoiceUrl: draft.invoiceUrl },
        userErrors: [],
      },
    };
  },

  DraftOrderComplete: ({ shop, variables }) => {
    const draft = drafts(shop).find((candidate) => candidate.id === variables.id);
    if (!draft) {
      return {
        draftOrderComplete: {
          draftOrder: null,
          userErrors: [{ field: ["id"], message: "Draft order does not exist" }],
        },
      };
    }
    if (draft.status === "COMPLETED") {
      return {
        draftOrderComplete: {
          draftOrder: null,
          userErrors: [{ field: ["id"], message: "Draft order has already been completed" }],
        },
      };
    }
    const order = completeDraft(shop, draft);
    return {
      draftOrderComplete: {
        draftOrder: {
          id: draft.id,
          status: draft.status,
          order: { id: order.id, name: order.name },
        },
        userErrors: [],
      },
    };
  },
};
