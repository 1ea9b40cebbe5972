import type { SimulatedLine, SimulatedOrder } from "./shop";
import { shopifyTime, stringifyShopifyJson } from "./shopify-json";

const money = (amount: number) => amount.toFixed(2);
const moneySet = (amount: number, currency: string) => ({
  shop_money: { amount: money(amount), currency_code: currency },
  presentment_money: { amount: money(amount), currency_code: currency },
});

/**
 * A refunds/create body as Shopify sends it (shape of Shopify's sample payload): one unit of a
 * line refunded to the original payment method.
 */
export function refundPayload(
  order: SimulatedOrder,
  line: SimulatedLine,
  options: { id: bigint; at: Date; timeZone: string; currency: string },
): string {
  const { currency } = options;
  const time = shopifyTime(options.at, options.timeZone);
  const subtotal = line.product.price;
  const tax = Math.round(subtotal * 0.08 * 100) / 100;
  return stringifyShopifyJson({
    id: options.id,
    order_id: order.id,
    created_at: time,
    note: "Arrived damaged",
    user_id: null,
    processed_at: time,
    duties: [],
    total_duties_set: moneySet(0, currency),
    return: null,
    refund_shipping_lines: [],
    restock: false,
    admin_graphql_api_id: `gid://shopify/Refund/${options.id}`,
    order_adjustments: [],
    refund_line_items: [
      {
        id: options.id + 1n,
        quantity: 1,
        line_item_id: line.id,
        location_id: null,
        restock_type: "no_restock",
        subtotal,
        total_tax: tax,
        subtotal_set: moneySet(subtotal, currency),
        total_tax_set: moneySet(tax, currency),
      },
    ],
    transactions: [
      {
        id: options.id + 2n,
        order_id: order.id,
        kind: "refund",
        gateway: "bogus",
        status: "success",
        created_at: time,
        amount: money(subtotal + tax),
        currency,
        admin_graphql_api_id: `gid://shopify/OrderTransaction/${options.id + 2n}`,
      },
    ],
  });
}
