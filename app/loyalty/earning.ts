import { currencyFractionDigits, toMinorUnits } from "../platform/shopify/money";
import type { LoyaltyOrderPayload, MoneySet, RefundPayload } from "./schemas";
import type { Program } from "./settings";

/**
 * An amount in minor units of the shop's currency. Shopify converts presentment money to the
 * shop's currency at the shop's rate and sends both in `*_set`; the top-level amounts of a REST
 * payload are already in the shop's currency. Without either we convert the presentment amount
 * with the order's own rate (shop total / presentment total).
 */
export function shopMinor(
  set: MoneySet,
  fallback: string | number | null | undefined,
  shopCurrency: string,
  rate = 1,
): number {
  if (set?.shop_money) return toMinorUnits(set.shop_money.amount, shopCurrency);
  if (fallback !== null && fallback !== undefined) return toMinorUnits(fallback, shopCurrency);
  if (set?.presentment_money) {
    const presentment = set.presentment_money;
    const minor = toMinorUnits(presentment.amount, presentment.currency_code);
    const scale =
      10 **
      (currencyFractionDigits(shopCurrency) - currencyFractionDigits(presentment.currency_code));
    return Math.round(minor * rate * scale);
  }
  return 0;
}

export interface EarningLine {
  lineItemId: string;
  /** Earnable amount after discounts when they are excluded, minor units. */
  amount: number;
  multiplier: number;
  points: number;
}

export interface Earning {
  currency: string;
  /** Everything the points were computed on, minor units: the base refunds are measured against. */
  base: number;
  points: number;
  lines: EarningLine[];
  shippingPoints: number;
  taxPoints: number;
  tierMultiplier: number;
}

export interface EarningContext {
  /** Product id → its tags, for tag multipliers. */
  productTags?: Map<string, string[]>;
  /** The customer's tier's earn multiplier. */
  tierMultiplier?: number;
}

/** Unrounded points; the order's total is floored once, so fractions of lines add up. */
function exactPoints(amountMinor: number, currency: string, program: Program, multiplier: number) {
  return (
    (amountMinor / 10 ** currencyFractionDigits(currency)) * program.pointsPerUnit * multiplier
  );
}

// A tiny epsilon keeps 19.99 × 100 from flooring to 1998.
const floorPoints = (exact: number) => Math.floor(exact + 1e-9);

function tagMultiplier(program: Program, tags: string[]): number {
  const lower = new Set(tags.map((tag) => tag.trim().toLowerCase()));
  let best = 1;
  for (const rule of program.tagMultipliers) {
    if (lower.has(rule.tag.toLowerCase())) best = Math.max(best, rule.multiplier);
  }
  return best;
}

/** What an order earns under the program: per line (tag multipliers), shipping and taxes as configured. */
export function earnForOrder(
  order: LoyaltyOrderPayload,
  program: Program,
  context: EarningContext = {},
): Earning {
  const currency = order.total_price_set?.shop_money.currency_code ?? order.currency;
  const rate = exchangeRate(order);
  const tierMultiplier = context.tierMultiplier ?? 1;
  const lines = order.line_items
    .filter((line) => !line.gift_card)
    .map((line) => {
      const unit = shopMinor(line.price_set, line.price, currency, rate);
      const gross = unit * line.quantity;
      const allocations = (line.discount_allocations ?? []).reduce(
        (sum, allocation) =>
          sum + shopMinor(allocation.amount_set, allocation.amount, currency, rate),
        0,
      );
      const lineDiscount = Math.max(
        allocations,
        shopMinor(line.total_discount_set, line.total_discount, currency, rate),
      );
      return { id: line.id, productId: line.product_id ?? null, gross, lineDiscount };
    });

  const grossTotal = lines.reduce((sum, line) => sum + line.gross, 0);
  const lineDiscounts = lines.reduce((sum, line) => sum + line.lineDiscount, 0);
  const totalDiscounts = shopMinor(
    order.total_discounts_set,
    order.total_discounts,
    currency,
    rate,
  );
  // Order-level discounts not allocated to lines are spread over the lines by their value.
  let unallocated = Math.max(0, totalDiscounts - lineDiscounts);

  const earningLines = lines.map((line, index) => {
    let amount = line.gross;
    if (program.excludeDiscounts) {
      const share =
        index === lines.length - 1
          ? unallocated
          : grossTotal > 0
            ? Math.round((Math.max(0, totalDiscounts - lineDiscounts) * line.gross) / grossTotal)
            : 0;
      unallocated -= share;
      amount = Math.max(0, line.gross - line.lineDiscount - share);
    }
    const multiplier = tagMultiplier(
      program,
      (line.productId && context.productTags?.get(line.productId)) || [],
    );
    return {
      lineItemId: line.id,
      amount,
      multiplier,
      exact: exactPoints(amount, currency, program, multiplier * tierMultiplier),
    };
  });

  const shipping = program.excludeShipping
    ? 0
    : shopMinor(order.total_shipping_price_set, null, currency, rate);
  const tax = program.excludeTaxes
    ? 0
    : shopMinor(order.total_tax_set, order.total_tax, currency, rate);
  const shippingExact = exactPoints(shipping, currency, program, tierMultiplier);
  const taxExact = exactPoints(tax, currency, program, tierMultiplier);
  const base = earningLines.reduce((sum, line) => sum + line.amount, 0) + shipping + tax;
  return {
    currency,
    base,
    points: floorPoints(
      earningLines.reduce((sum, line) => sum + line.exact, 0) + shippingExact + taxExact,
    ),
    lines: earningLines.map(({ exact, ...line }) => ({ ...line, points: floorPoints(exact) })),
    shippingPoints: floorPoints(shippingExact),
    taxPoints: floorPoints(taxExact),
    tierMultiplier,
  };
}

/** Shop money per unit of presentment money, from the order's own totals. */
export function exchangeRate(order: LoyaltyOrderPayload): number {
  const set = order.total_price_set;
  if (!set) return 1;
  const shop = Number(set.shop_money.amount);
  const presentment = Number(set.presentment_money.amount);
  return shop > 0 && presentment > 0 ? shop / presentment : 1;
}

/**
 * The earnable amount a refund gives back, in the terms the order earned on: line subtotals
 * (already net of discounts), plus taxes and shipping when the program earns on them. A refund
 * without lines or shipping (an amount-only refund) counts its successful refund transactions.
 */
export function refundedAmount(refund: RefundPayload, currency: string, program: Program): number {
  let amount = 0;
  for (const line of refund.refund_line_items) {
    amount += shopMinor(line.subtotal_set, line.subtotal, currency);
    if (!program.excludeTaxes) amount += shopMinor(line.total_tax_set, line.total_tax, currency);
  }
  const shippingLines = refund.refund_shipping_lines ?? [];
  if (!program.excludeShipping) {
    for (const line of shippingLines) {
      amount += shopMinor(line.subtotal_amount_set, line.amount, currency);
    }
  }
  if (refund.refund_line_items.length === 0 && shippingLines.length === 0) {
    for (const transaction of refund.transactions ?? []) {
      if (transaction.kind === "refund" && (transaction.status ?? "success") === "success") {
        amount += toMinorUnits(transaction.amount, currency);
      }
    }
  }
  return amount;
}

/** Whether the refund went to store credit (a store-credit return) rather than the payment method. */
export function isStoreCreditRefund(refund: RefundPayload): boolean {
  return (refund.transactions ?? []).some((transaction) =>
    /store[-_ ]?credit/i.test(transaction.gateway ?? ""),
  );
}

/** Points a refund of `amount` takes back from an order that earned `earned` on `base`. */
export function reversalPoints(earned: number, base: number, amount: number): number {
  if (earned <= 0 || base <= 0 || amount <= 0) return 0;
  return Math.min(earned, Math.round((earned * amount) / base));
}
