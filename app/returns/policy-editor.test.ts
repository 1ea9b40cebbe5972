import { describe, expect, it } from "vitest";
import { refundPreview } from "./admin.server";
import { ReturnPolicySchema, type ReturnPolicy } from "./policy";
import { draftFromPolicy, newRuleDraft, policyFromDraft } from "./policy-editor";

const policy: ReturnPolicy = ReturnPolicySchema.parse({
  windowDays: 45,
  deliveryBufferDays: 3,
  resolutions: ["refund", "exchange"],
  storeCreditBonusPercent: 10,
  returnShippingFee: 595,
  restockingFeePercent: 5,
  waiveFeesFor: ["exchange"],
  greenReturnMaxValue: 1500,
  greenReturnReasons: ["damaged"],
  rules: [
    {
      id: "final",
      name: "Swimwear",
      when: { productTypes: ["Swimwear"], discounted: true },
      then: { returnable: false },
    },
    {
      id: "photos",
      name: "Damaged items",
      when: { reasons: ["damaged", "defective"] },
      then: { photosRequired: true, resolutions: ["refund"], windowDays: 60 },
    },
    {
      id: "serial",
      name: "Serial returners",
      when: { serialReturner: true, customerReturnRateAbove: 0.35 },
      then: { holdAutomaticRefund: true },
    },
  ],
  automation: { refundOn: "first_scan", refundDelayHours: 6 },
  abuse: { highReturnRate: 0.4, serialReturnerMinReturns: 4, wardrobingReasons: ["style"] },
  warranties: [{ id: "eyewear", name: "2-year warranty", days: 730, productTags: ["eyewear"] }],
});

describe("the policy editor's draft", () => {
  it("gives back the policy it was made from, money in the shop's currency", () => {
    const draft = draftFromPolicy(policy, "USD");
    expect(draft.returnShippingFee).toBe("5.95");
    expect(draft.greenReturnMaxValue).toBe("15.00");
    expect(draft.rules[1]).toMatchObject({ reasons: "damaged, defective", windowDays: "60" });
    expect(policyFromDraft(draft, "USD")).toEqual({ ok: true, policy });
    expect(draftFromPolicy(policy, "JPY").returnShippingFee).toBe("595");
  });

  it("keeps the automation, types abuse shares as percents and names their errors", () => {
    const draft = draftFromPolicy(policy, "USD");
    expect(draft.rules[2]).toMatchObject({
      customerReturnRateAbove: "35",
      serialReturner: "yes",
      holdAutomaticRefund: true,
    });
    expect(draft.abuse).toMatchObject({ highReturnRate: "40", wardrobingReasons: "style" });
    const wrong = policyFromDraft(
      { ...draft, abuse: { ...draft.abuse!, wardrobingDays: "many" } },
      "USD",
    );
    expect(wrong).toEqual({ ok: false, errors: { "abuse.wardrobingDays": "Enter a number" } });
  });

  it("names the field of each error in words a merchant reads", () => {
    const draft = draftFromPolicy(policy, "USD");
    const result = policyFromDraft(
      {
        ...draft,
        windowDays: "400",
        deliveryBufferDays: "two",
        returnShippingFee: "5,95",
        restockingFeePercent: "-1",
        resolutions: [],
        rules: [{ ...draft.rules[0]!, windowDays: "7.5" }, newRuleDraft("new")],
      },
      "USD",
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        windowDays: "At most 365",
        deliveryBufferDays: "Enter a number",
        returnShippingFee: "Enter a number",
        restockingFeePercent: "At least 0",
        resolutions: "Offer at least one way to resolve a return",
        "rules.0.windowDays": "Enter a whole number",
        "rules.1.name": "Required",
      },
    });
  });

  it("turns an empty green-return value into no green returns by value", () => {
    const draft = { ...draftFromPolicy(policy, "USD"), greenReturnMaxValue: " " };
    const result = policyFromDraft(draft, "USD");
    expect(result.ok && result.policy.greenReturnMaxValue).toBeNull();
  });
});

describe("the refund preview", () => {
  it("totals each resolution and takes the shipping fee off the refund, then the credit", () => {
    const line = (resolution: string, amount: number, fee = 0, bonus = 0) => ({
      resolution,
      quantity: 1,
      amount,
      fee,
      bonus,
    });
    const preview = refundPreview(
      [line("refund", 400, 20), line("store_credit", 1100, 0, 100), line("exchange", 2000)],
      595,
    );
    expect(preview).toEqual({
      byResolution: [
        { resolution: "refund", items: 1, amount: 400 },
        { resolution: "store_credit", items: 1, amount: 1100 },
        { resolution: "exchange", items: 1, amount: 2000 },
      ],
      fees: 20,
      bonus: 100,
      shippingFee: 595,
      refund: 0,
      storeCredit: 905,
    });
  });
});
