/**
 * Which orders a recommendation earned: an order containing a product its own customer clicked
 * in a recommendation within the window before the order was placed. Pure, so the rules are
 * unit-tested on their own (attribution.test.ts); attribution.server.ts applies them.
 */
export interface Click {
  id: string;
  productId: string;
  customerShopifyId: string | null;
  /** The order whose thank-you page showed it: buying it again there is not a new sale. */
  orderShopifyId: string;
  createdAt: Date;
}

export interface AttributableOrder {
  shopifyId: string;
  customerShopifyId: string | null;
  createdAt: Date;
  lines: { productId: string | null; revenue: number }[];
}

export interface Attribution {
  clickId: string;
  productIds: string[];
  /** The clicked products' lines, minor units of the order's currency. */
  revenue: number;
}

const DAY_MS = 86_400_000;
/** Shopify's order timestamps have whole seconds: a click within the order's second came first. */
const TIMESTAMP_PRECISION_MS = 999;

export function attributeOrder(
  order: AttributableOrder,
  clicks: Click[],
  windowDays: number,
): Attribution | null {
  if (!order.customerShopifyId) return null;
  const from = order.createdAt.getTime() - windowDays * DAY_MS;
  const eligible = clicks.filter(
    (click) =>
      click.customerShopifyId === order.customerShopifyId &&
      click.orderShopifyId !== order.shopifyId &&
      click.createdAt.getTime() <= order.createdAt.getTime() + TIMESTAMP_PRECISION_MS &&
      click.createdAt.getTime() >= from,
  );
  const clicked = new Set(eligible.map((click) => click.productId));
  const lines = order.lines.filter((line) => line.productId && clicked.has(line.productId));
  if (lines.length === 0) return null;
  const productIds = [...new Set(lines.map((line) => line.productId!))];
  const latest = eligible
    .filter((click) => productIds.includes(click.productId))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
  return {
    clickId: latest.id,
    productIds,
    revenue: lines.reduce((sum, line) => sum + line.revenue, 0),
  };
}
