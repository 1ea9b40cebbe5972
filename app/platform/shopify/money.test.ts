import { describe, expect, it } from "vitest";
import { currencyFractionDigits, fromMinorUnits, toMinorUnits } from "./money";

describe("money at the edge", () => {
  it("turns decimal strings into minor units by the currency's digits", () => {
    expect(toMinorUnits("89.99", "USD")).toBe(8999);
    expect(toMinorUnits("414.95", "USD")).toBe(41495);
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
    expect(toMinorUnits("12.345", "KWD")).toBe(12345);
    expect(toMinorUnits("0.1", "EUR")).toBe(10);
  });

  it("accepts JSON numbers as Shopify sometimes sends them, without float drift", () => {
    expect(toMinorUnits(89.99, "USD")).toBe(8999);
    expect(toMinorUnits(0.29, "USD")).toBe(29);
    expect(toMinorUnits(0.0, "USD")).toBe(0);
  });

  it("rounds half away from zero on the first digit it drops", () => {
    expect(toMinorUnits("1.005", "USD")).toBe(101);
    expect(toMinorUnits("1.004", "USD")).toBe(100);
    expect(toMinorUnits("-1.005", "USD")).toBe(-101);
  });

  it("treats missing amounts as zero and rejects garbage", () => {
    expect(toMinorUnits(null, "USD")).toBe(0);
    expect(toMinorUnits("", "USD")).toBe(0);
    expect(() => toMinorUnits("12,50", "EUR")).toThrow(/Not a money amount/);
  });

  it("knows currency precision and formats back", () => {
    expect(currencyFractionDigits("USD")).toBe(2);
    expect(currencyFractionDigits("JPY")).toBe(0);
    expect(fromMinorUnits(8999, "USD")).toBe("89.99");
    expect(fromMinorUnits(1500, "JPY")).toBe("1500");
  });
});
