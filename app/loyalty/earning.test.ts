import { describe, expect, it } from "vitest";
import { webhookFixture } from "../../tests/support/fixtures";
import { parseShopifyJson } from "../platform/shopify/json";
import {
  earnForOrder,
  isStoreCreditRefund,
  refundedAmount,
  reversalPoints,
  shopMinor,
} from "./earning";
import { LoyaltyOrderPayloadSchema, RefundPayloadSchema } from "./schemas";
import { DEFAULT_PROGRAM } from "./settings";

const ORDER = LoyaltyOrderPayloadSchema.parse(parseShopifyJson(webhookFixture("orders/paid")));
const REFUND = RefundPayloadSchema.parse(parseShopifyJson(webhookFixture("refunds/create")));

describe("earning", () => {
  it("earns on Shopify's sample order net of its discounts, without shipping or taxes", () => {
    // Lines 414.95, order discounts 20.00 → 394.95 → 394 points at 1 per dollar.
    const earning = earnForOrder(ORDER, DEFAULT_PROGRAM);
    expect(earning.base).toBe(39_495);
    expect(earning.points).toBe(394);
    expect(ORDER.id).toBe("820982911946154508");
  });

  it("includes shipping, taxes and discounts when the program says so", () => {
    const earning = earnForOrder(ORDER, {
      ...DEFAULT_PROGRAM,
      excludeShipping: false,
      excludeDiscounts: false,
      pointsPerUnit: 2,
    });
    expect(earning.base).toBe(41_495 + 1_000);
    expect(earning.points).toBe(849); // (414.95 + 10.00) × 2
  });

  it("multiplies lines by product tag and everything by the tier", () => {
    const tags = new Map([["788032119674292922", ["Sunglasses"]]]);
    const plain = earnForOrder(ORDER, DEFAULT_PROGRAM);
    const tagged = earnForOrder(
      ORDER,
      { ...DEFAULT_PROGRAM, tagMultipliers: [{ tag: "sunglasses", multiplier: 3 }] },
      { productTags: tags },
    );
    const sunglasses = tagged.lines.find((line) => line.multiplier === 3);
    expect(sunglasses).toBeDefined();
    expect(tagged.points).toBeGreaterThan(plain.points);
    expect(
      earnForOrder(ORDER, DEFAULT_PROGRAM, { tierMultiplier: 2 }).points,
    ).toBeGreaterThanOrEqual(plain.points * 2 - plain.lines.length);
  });

  it("never earns on gift cards", () => {
    const order = {
      ...ORDER,
      line_items: ORDER.line_items.map((line) => ({ ...line, gift_card: true })),
    };
    expect(earnForOrder(order, DEFAULT_PROGRAM).points).toBe(0);
  });

  it("converts presentment money with the order's rate when shop money is missing", () => {
    const set = {
      shop_money: undefined as never,
      presentment_money: { amount: "100.00", currency_code: "EUR" },
    };
    expect(shopMinor({ ...set, shop_money: undefined } as never, null, "USD", 1.1)).toBe(11_000);
    expect(shopMinor(null, null, "JPY", 150)).toBe(0);
    expect(
      shopMinor(
        { presentment_money: { amount: "10.00", currency_code: "EUR" } } as never,
        null,
        "JPY",
        160,
      ),
    ).toBe(1_600);
  });
});

describe("reversal", () => {
  it("measures a refund by its line subtotals, and shipping/taxes when earned on", () => {
    expect(refundedAmount(REFUND, "USD", DEFAULT_PROGRAM)).toBe(
      8_999 + 1_999 + 2_499 + 15_999 + 11_999,
    );
  });

  it("counts the refund transactions of an amount-only refund", () => {
    const amountOnly = { ...REFUND, refund_line_items: [], refund_shipping_lines: [] };
    expect(refundedAmount(amountOnly, "USD", DEFAULT_PROGRAM)).toBe(8_500);
  });

  it("recognises a refund to store credit", () => {
    expect(isStoreCreditRefund(REFUND)).toBe(false);
    expect(
      isStoreCreditRefund({
        ...REFUND,
        transactions: [
          { kind: "refund", status: "success", gateway: "shopify_store_credit", amount: "5.00" },
        ],
      }),
    ).toBe(true);
  });

  it("takes back the refunded share, never more than was earned", () => {
    expect(reversalPoints(394, 39_495, 8_999)).toBe(90);
    expect(reversalPoints(394, 39_495, 100_000)).toBe(394);
    expect(reversalPoints(0, 39_495, 8_999)).toBe(0);
  });
});
