import { describe, expect, it } from "vitest";
import { previewEarning } from "./preview";
import { DEFAULT_PROGRAM } from "./settings";

// The settings page's sample: 120.00 of goods, 10.00 off, 8.00 shipping, 9.60 tax.
const SAMPLE = { subtotal: "120.00", discount: "10.00", shipping: "8.00", tax: "9.60", tag: "" };

describe("the settings page's earning preview", () => {
  it("earns on the goods net of the discount, without shipping or tax, by default", () => {
    // 120.00 − 10.00 = 110.00 → 110 points at 1 per unit.
    expect(previewEarning(DEFAULT_PROGRAM, "EUR", SAMPLE).base.points).toBe(110);
  });

  it("follows the draft's exclusions, tag multipliers and tiers", () => {
    const preview = previewEarning(
      {
        ...DEFAULT_PROGRAM,
        pointsPerUnit: 2,
        excludeShipping: false,
        tagMultipliers: [{ tag: "vip", multiplier: 3 }],
        tiers: [{ name: "Gold", threshold: 1000, earnMultiplier: 1.5, rewardDiscountPercent: 0 }],
      },
      "EUR",
      { ...SAMPLE, tag: "vip" },
    );
    // The discount comes off the line it applies to before the tag's multiplier:
    // (120.00 − 10.00) × 3 + 8.00 shipping = 338.00 → 676 points at 2 per unit; Gold × 1.5 → 1014.
    expect(preview.base.points).toBe(676);
    expect(preview.tiers).toEqual([{ name: "Gold", points: 1014 }]);
  });
});
