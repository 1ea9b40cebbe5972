import { z } from "zod";
import { shopifyIdOf } from "../platform/shopify/gid";

/**
 * The history import's bulk query: the shop's orders created since a date, with their customer,
 * shipping address, fulfillments (tracking numbers and companies) and line items. A bulk query
 * names no `first`; with `groupObjects` Shopify writes each order's line items (JSONL lines
 * carrying `__parentId`) right after it (https://shopify.dev/docs/api/usage/bulk-operations/queries),
 * so the file is read one order at a time. `fulfillments` and `trackingInfo` are lists, not
 * connections: they stay inside the order's line.
 */
export function historyBulkQuery(since: Date) {
  return `{
  orders(query: "created_at:>=${since.toISOString()}") {
    edges {
      node {
        id
        name
        email
        createdAt
        updatedAt
        processedAt
        cancelledAt
        cancelReason
        closedAt
        currencyCode
        presentmentCurrencyCode
        test
        tags
        customerLocale
        statusPageUrl
        displayFinancialStatus
        displayFulfillmentStatus
        totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        currentTotalPriceSet { shopMoney { amount currencyCode } }
        subtotalPriceSet { shopMoney { amount currencyCode } }
        totalDiscountsSet { shopMoney { amount currencyCode } }
        totalShippingPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        totalTaxSet { shopMoney { amount currencyCode } }
        customer { id email firstName lastName phone }
        shippingAddress { firstName lastName name company address1 address2 city province provinceCode zip country countryCodeV2 phone }
        fulfillments { id name status displayStatus createdAt updatedAt trackingInfo { company number url } }
        lineItems {
          edges {
            node {
              id
              title
              variantTitle
              quantity
              currentQuantity
              sku
              requiresShipping
              isGiftCard
              product { id }
              variant { id }
              originalUnitPriceSet { shopMoney { amount } }
              totalDiscountSet { shopMoney { amount } }
            }
          }
        }
      }
    }
  }
}`;
}

/** The date `months` calendar months before `now` (UTC). */
export function monthsBefore(now: Date, months: number) {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - months);
  return since;
}

const amount = z.union([z.string(), z.number()]);
const Money = z.object({ amount, currencyCode: z.string().optional() });
const MoneySet = z.object({ shopMoney: Money, presentmentMoney: Money.nullish() }).nullish();
const nullableString = z.string().nullish();

const OrderLine = z.object({
  id: z.string().startsWith("gid://shopify/Order/"),
  name: z.string(),
  email: nullableString,
  createdAt: z.string(),
  updatedAt: z.string(),
  processedAt: nullableString,
  cancelledAt: nullableString,
  cancelReason: nullableString,
  closedAt: nullableString,
  currencyCode: z.string().length(3),
  presentmentCurrencyCode: z.string().length(3).nullish(),
  test: z.boolean().nullish(),
  tags: z.array(z.string()).default([]),
  customerLocale: nullableString,
  statusPageUrl: nullableString,
  displayFinancialStatus: nullableString,
  displayFulfillmentStatus: nullableString,
  totalPriceSet: MoneySet,
  currentTotalPriceSet: MoneySet,
  subtotalPriceSet: MoneySet,
  totalDiscountsSet: MoneySet,
  totalShippingPriceSet: MoneySet,
  totalTaxSet: MoneySet,
  customer: z
    .object({
      id: z.string().startsWith("gid://shopify/Customer/"),
      email: nullableString,
      firstName: nullableString,
      lastName: nullableString,
      phone: nullableString,
    })
    .nullish(),
  shippingAddress: z
    .object({
      firstName: nullableString,
      lastName: nullableString,
      name: nullableString,
      company: nullableString,
      address1: nullableString,
      address2: nullableString,
      city: nullableString,
      province: nullableString,
      provinceCode: nullableString,
      zip: nullableString,
      country: nullableString,
      countryCodeV2: nullableString,
      phone: nullableString,
    })
    .nullish(),
  fulfillments: z
    .array(
      z.object({
        id: z.string().startsWith("gid://shopify/Fulfillment/"),
        name: nullableString,
        status: nullableString,
        displayStatus: nullableString,
        createdAt: z.string(),
        updatedAt: z.string(),
        trackingInfo: z
          .array(z.object({ company: nullableString, number: nullableString, url: nullableString }))
          .default([]),
      }),
    )
    .default([]),
});

const LineItemLine = z.object({
  id: z.string().startsWith("gid://shopify/LineItem/"),
  title: z.string(),
  variantTitle: nullableString,
  quantity: z.number().int(),
  currentQuantity: z.number().int().nullish(),
  sku: nullableString,
  requiresShipping: z.boolean().nullish(),
  isGiftCard: z.boolean().nullish(),
  product: z.object({ id: z.string() }).nullish(),
  variant: z.object({ id: z.string() }).nullish(),
  originalUnitPriceSet: MoneySet,
  totalDiscountSet: MoneySet,
  __parentId: z.string(),
});

export class BulkFileError extends Error {
  override name = "BulkFileError";
}

type OrderLine = z.infer<typeof OrderLine>;
type LineItemLine = z.infer<typeof LineItemLine>;

const lower = (value: string | null | undefined) => (value ? value.toLowerCase() : null);

/** GraphQL's display fulfillment status as REST's `fulfillment_status`. */
function fulfillmentStatus(value: string | null | undefined) {
  switch (value) {
    case "FULFILLED":
      return "fulfilled";
    case "PARTIALLY_FULFILLED":
      return "partial";
    case "RESTOCKED":
      return "restocked";
    default:
      return null;
  }
}

/** A REST money set (`total_price_set`) from a GraphQL `MoneyBag`. */
function moneySet(set: z.infer<typeof MoneySet>, currency: string, presentment: string) {
  if (!set) return null;
  return {
    shop_money: { amount: set.shopMoney.amount, currency_code: currency },
    presentment_money: {
      amount: set.presentmentMoney?.amount ?? set.shopMoney.amount,
      currency_code: presentment,
    },
  };
}

/**
 * An order of the bulk file in the shape of an orders/* webhook body (Shopify's REST order), so
 * the import applies it through the same code, with the same newer-wins rule, as a webhook.
 */
export function toOrderPayload(order: OrderLine, items: LineItemLine[]) {
  const currency = order.currencyCode;
  const presentment = order.presentmentCurrencyCode ?? currency;
  const address = order.shippingAddress;
  const shippingAddress = address
    ? {
        first_name: address.firstName,
        last_name: address.lastName,
        name: address.name,
        company: address.company,
        address1: address.address1,
        address2: address.address2,
        city: address.city,
        province: address.province,
        province_code: address.provinceCode,
        zip: address.zip,
        country: address.country,
        country_code: address.countryCodeV2,
        phone: address.phone,
      }
    : null;
  const orderId = shopifyIdOf(order.id);
  return {
    id: orderId,
    name: order.name,
    email: order.email ?? null,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt ?? order.createdAt,
    cancelled_at: order.cancelledAt ?? null,
    cancel_reason: lower(order.cancelReason),
    closed_at: order.closedAt ?? null,
    currency,
    presentment_currency: presentment,
    test: order.test ?? false,
    tags: order.tags.join(", "),
    customer_locale: order.customerLocale ?? null,
    order_status_url: order.statusPageUrl ?? null,
    financial_status: lower(order.displayFinancialStatus),
    fulfillment_status: fulfillmentStatus(order.displayFulfillmentStatus),
    total_price: order.totalPriceSet?.shopMoney.amount ?? "0",
    current_total_price: order.currentTotalPriceSet?.shopMoney.amount ?? null,
    subtotal_price: order.subtotalPriceSet?.shopMoney.amount ?? null,
    total_discounts: order.totalDiscountsSet?.shopMoney.amount ?? null,
    total_tax: order.totalTaxSet?.shopMoney.amount ?? null,
    total_price_set: moneySet(order.totalPriceSet, currency, presentment),
    total_shipping_price_set: moneySet(order.totalShippingPriceSet, currency, presentment),
    customer: order.customer
      ? {
          id: shopifyIdOf(order.customer.id),
          email: order.customer.email,
          first_name: order.customer.firstName,
          last_name: order.customer.lastName,
          phone: order.customer.phone,
        }
      : null,
    shipping_address: shippingAddress,
    line_items: items.map((item) => ({
      id: shopifyIdOf(item.id),
      title: item.title,
      variant_title: item.variantTitle ?? null,
      quantity: item.quantity,
      current_quantity: item.currentQuantity ?? item.quantity,
      sku: item.sku ?? null,
      requires_shipping: item.requiresShipping ?? true,
      gift_card: item.isGiftCard ?? false,
      product_id: item.product ? shopifyIdOf(item.product.id) : null,
      variant_id: item.variant ? shopifyIdOf(item.variant.id) : null,
      price: item.originalUnitPriceSet?.shopMoney.amount ?? "0",
      total_discount: item.totalDiscountSet?.shopMoney.amount ?? "0",
    })),
    fulfillments: order.fulfillments.map((fulfillment) => {
      const numbers = fulfillment.trackingInfo.flatMap((info) => info.number ?? []);
      const urls = fulfillment.trackingInfo.flatMap((info) => info.url ?? []);
      return {
        id: shopifyIdOf(fulfillment.id),
        order_id: orderId,
        name: fulfillment.name ?? null,
        status: lower(fulfillment.status),
        shipment_status: lower(fulfillment.displayStatus),
        tracking_company: fulfillment.trackingInfo[0]?.company ?? null,
        tracking_number: numbers[0] ?? null,
        tracking_numbers: numbers,
        tracking_url: urls[0] ?? null,
        tracking_urls: urls,
        created_at: fulfillment.createdAt,
        updated_at: fulfillment.updatedAt,
      };
    }),
  };
}

export type HistoryOrder = ReturnType<typeof toOrderPayload>;

/**
 * Reads a grouped orders file one order at a time: each order with the number of the last line
 * it spans, so a reader can resume after it. Lines up to `skip` are passed over (a resumed
 * import); an unreadable line, or a child that does not follow its order, is a BulkFileError.
 */
export async function* readHistoryFile(
  lines: AsyncIterable<string>,
  skip = 0,
): AsyncGenerator<{ order: HistoryOrder; lastLine: number }> {
  let number = 0;
  let current: { order: OrderLine; items: LineItemLine[]; lastLine: number } | null = null;
  for await (const raw of lines) {
    number += 1;
    if (number <= skip) continue;
    const text = raw.trim();
    if (!text) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BulkFileError(`line ${number}: not JSON`);
    }
    const parent = (value as { __parentId?: unknown } | null)?.__parentId;
    if (typeof parent !== "string") {
      const order = OrderLine.safeParse(value);
      if (!order.success) throw new BulkFileError(`line ${number}: not an order`);
      if (current)
        yield { order: toOrderPayload(current.order, current.items), lastLine: current.lastLine };
      current = { order: order.data, items: [], lastLine: number };
      continue;
    }
    const item = LineItemLine.safeParse(value);
    if (!item.success) throw new BulkFileError(`line ${number}: not a line item`);
    if (!current || parent !== current.order.id) {
      throw new BulkFileError(`line ${number}: line item of ${parent} does not follow its order`);
    }
    current.items.push(item.data);
    current.lastLine = number;
  }
  if (current)
    yield { order: toOrderPayload(current.order, current.items), lastLine: current.lastLine };
}
