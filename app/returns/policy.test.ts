import { describe, expect, it } from "vitest";
import {
  evaluateLine,
  evaluateReturn,
  ReturnPolicySchema,
  warrantyDecision,
  type ItemFacts,
  type OrderFacts,
  type ReturnPolicy,
} from "./policy";

const DAY = 86_400_000;
const delivered = new Date("2026-11-01T12:00:00Z");
const order: OrderFacts = {
  orderedAt: new Date("2026-10-25T12:00:00Z"),
  fulfilledAt: new Date("2026-10-27T12:00:00Z"),
  deliveredAt: delivered,
};
const item: ItemFacts = {
  lineItemId: "1",
  unitPrice: 5000,
  returnableQuantity: 2,
  productTags: [],
  productType: "Shirts",
  collectionIds: [],
  discounted: false,
  finalSale: false,
};
const policy = (fields: Partial<ReturnPolicy> = {}) => ReturnPolicySchema.parse(fields);
const within = new Date(delivered.getTime() + 10 * DAY);
const line = { lineItemId: "1", quantity: 1, reason: "too-tight" };

describe("evaluateLine: one table row per rule", () => {
  const cases: {
    name: string;
    policy: Partial<ReturnPolicy>;
    item?: Partial<ItemFacts>;
    order?: Partial<OrderFacts>;
    line?: Partial<typeof line>;
    now?: Date;
    eligible: boolean;
    explanation: string | RegExp;
    resolutions?: string[];
  }[] = [
    {
      name: "default policy, inside the window from delivery",
      policy: {},
      eligible: true,
      explanation: "Eligible",
      resolutions: ["refund", "store_credit", "exchange"],
    },
    {
      name: "the window counts from delivery",
      policy: { windowDays: 30 },
      now: new Date(delivered.getTime() + 31 * DAY),
      eligible: false,
      explanation: "Not eligible: the 30-day return window has closed",
    },
    {
      name: "without delivery, from fulfillment plus the buffer",
      policy: { windowDays: 10, deliveryBufferDays: 5 },
      order: { deliveredAt: null },
      now: new Date(order.fulfilledAt!.getTime() + 14 * DAY),
      eligible: true,
      explanation: "Eligible",
    },
    {
      name: "without fulfillment, from the order date plus the buffer",
      policy: { windowDays: 10, deliveryBufferDays: 5 },
      order: { deliveredAt: null, fulfilledAt: null },
      now: new Date(order.orderedAt.getTime() + 16 * DAY),
      eligible: false,
      explanation: /window has closed/,
    },
    {
      name: "final-sale items",
      policy: {},
      item: { finalSale: true },
      eligible: false,
      explanation: "Not eligible: final sale",
    },
    {
      name: "a product tag makes items non-returnable",
      policy: {
        rules: [
          {
            id: "r",
            name: "Underwear",
            when: { productTags: ["intimates"] },
            then: { returnable: false },
          },
        ],
      },
      item: { productTags: ["Intimates"] },
      eligible: false,
      explanation: "Not eligible: Underwear",
    },
    {
      name: "a collection gets a longer window",
      policy: {
        windowDays: 30,
        rules: [
          {
            id: "r",
            name: "Holiday gifts",
            when: { collectionIds: ["gifts"] },
            then: { windowDays: 60 },
          },
        ],
      },
      item: { collectionIds: ["gifts"] },
      now: new Date(delivered.getTime() + 45 * DAY),
      eligible: true,
      explanation: "Holiday gifts: 60-day window",
    },
    {
      name: "discounted items: store credit only",
      policy: {
        rules: [
          {
            id: "r",
            name: "Sale items",
            when: { discounted: true },
            then: { resolutions: ["store_credit"] },
          },
        ],
      },
      item: { discounted: true },
      eligible: true,
      explanation: "Sale items: store_credit only",
      resolutions: ["store_credit"],
    },
    {
      name: "damaged: photos required",
      policy: {
        rules: [
          {
            id: "r",
            name: "Damaged",
            when: { reasons: ["damaged"] },
            then: { photosRequired: true },
          },
        ],
      },
      line: { reason: "damaged" },
      eligible: true,
      explanation: "Damaged: photos required",
    },
    {
      name: "a product type has no exchanges",
      policy: {
        rules: [
          {
            id: "r",
            name: "Shirts",
            when: { productTypes: ["shirts"] },
            then: { resolutions: ["refund"] },
          },
        ],
      },
      eligible: true,
      explanation: "Shirts: refund only",
      resolutions: ["refund"],
    },
    {
      name: "a later rule overrides an earlier one",
      policy: {
        rules: [
          {
            id: "a",
            name: "Clearance",
            when: { productTags: ["clearance"] },
            then: { returnable: false },
          },
          { id: "b", name: "VIP", when: { productTags: ["vip"] }, then: { returnable: true } },
        ],
      },
      item: { productTags: ["clearance", "vip"] },
      eligible: true,
      explanation: "Returnable: VIP",
    },
    {
      name: "more than can be returned",
      policy: {},
      line: { quantity: 3 },
      eligible: false,
      explanation: "Not eligible: only 2 can be returned",
    },
    {
      name: "already returned",
      policy: {},
      item: { returnableQuantity: 0 },
      eligible: false,
      explanation: "Not eligible: already returned",
    },
    {
      name: "no quantity",
      policy: {},
      line: { quantity: 0 },
      eligible: false,
      explanation: "Not eligible: choose at least one item",
    },
    {
      name: "no resolution offered",
      policy: { resolutions: [] },
      eligible: false,
      explanation: "Not eligible: no resolution is offered for this item",
    },
  ];

  it.each(cases)("$name", (row) => {
    const decision = evaluateLine(
      policy(row.policy),
      { ...order, ...row.order },
      { ...item, ...row.item },
      { ...line, ...row.line },
      row.now ?? within,
    );
    expect(decision.eligible).toBe(row.eligible);
    expect(decision.explanations).toContainEqual(
      typeof row.explanation === "string"
        ? row.explanation
        : expect.stringMatching(row.explanation),
    );
    if (row.resolutions) {
      expect(decision.options.map((option) => option.resolution)).toEqual(row.resolutions);
    }
    if (!row.eligible) expect(decision.options).toEqual([]);
  });
});

describe("amounts, fees and green returns", () => {
  it("charges restocking on refunds, waives it for exchanges and credit, adds the credit bonus", () => {
    const decision = evaluateLine(
      policy({ restockingFeePercent: 10, storeCreditBonusPercent: 10 }),
      order,
      item,
      { ...line, quantity: 2 },
      within,
    );
    expect(decision.options).toEqual([
      { resolution: "refund", amount: 9000, fee: 1000, bonus: 0 },
      { resolution: "store_credit", amount: 11000, fee: 0, bonus: 1000 },
      { resolution: "exchange", amount: 10000, fee: 0, bonus: 0 },
    ]);
  });

  it("lets the shopper keep a cheap item or one returned for a listed reason", () => {
    const cheap = evaluateLine(policy({ greenReturnMaxValue: 5000 }), order, item, line, within);
    expect(cheap.options.map((option) => option.resolution)).toContain("keep");
    expect(cheap.explanations).toContain("Keep the item: no need to send it back");
    const pricey = evaluateLine(policy({ greenReturnMaxValue: 4999 }), order, item, line, within);
    expect(pricey.options.map((option) => option.resolution)).not.toContain("keep");
    const reason = evaluateLine(
      policy({ greenReturnReasons: ["arrived-late"] }),
      order,
      item,
      { ...line, reason: "arrived-late" },
      within,
    );
    expect(reason.options.map((option) => option.resolution)).toContain("keep");
  });
});

describe("evaluateReturn", () => {
  const two: ItemFacts[] = [item, { ...item, lineItemId: "2" }];

  it("charges the return shipping fee once, not when everything is exchanged or kept", () => {
    const fee = policy({ returnShippingFee: 795 });
    const lines = [line, { ...line, lineItemId: "2" }];
    expect(
      evaluateReturn(fee, order, two, lines, { 1: "refund", 2: "exchange" }, within).shippingFee,
    ).toBe(795);
    expect(
      evaluateReturn(fee, order, two, lines, { 1: "exchange", 2: "store_credit" }, within)
        .shippingFee,
    ).toBe(0);
  });

  it("refuses items of another order and the same item listed twice", () => {
    const decision = evaluateReturn(
      policy(),
      order,
      [item],
      [line, line, { ...line, lineItemId: "999" }],
      {},
      within,
    );
    expect(decision.lines.map((entry) => entry.eligible)).toEqual([true, false, false]);
    expect(decision.lines[1]!.explanations).toEqual(["Not eligible: this item is listed twice"]);
    expect(decision.lines[2]!.explanations).toEqual(["Not eligible: not part of this order"]);
  });

  it("defaults every setting from an empty policy", () => {
    expect(policy()).toMatchObject({
      windowDays: 30,
      resolutions: ["refund", "store_credit", "exchange"],
    });
  });
});

describe("warrantyDecision: one table row per case", () => {
  const warranties = [
    { id: "all", name: "90-day warranty", days: 90 },
    { id: "eyewear", name: "2-year warranty", days: 730, productTags: ["Eyewear"] },
  ];
  const windowEnds = new Date(delivered.getTime() + 30 * DAY);
  const cases: {
    name: string;
    warranties: typeof warranties;
    item?: Partial<ItemFacts>;
    daysAfterDelivery: number;
    claimable: boolean;
    explanation: string;
  }[] = [
    {
      name: "no warranty in the policy",
      warranties: [],
      daysAfterDelivery: 40,
      claimable: false,
      explanation: "No warranty covers this item",
    },
    {
      name: "still inside the return window: return it instead",
      warranties,
      daysAfterDelivery: 10,
      claimable: false,
      explanation: "Still within the return window: return it instead",
    },
    {
      name: "past the window, within the store-wide 90 days",
      warranties,
      daysAfterDelivery: 60,
      claimable: true,
      explanation: "Covered by 90-day warranty",
    },
    {
      name: "past the 90 days for an item without the tag",
      warranties,
      daysAfterDelivery: 120,
      claimable: false,
      explanation: "90-day warranty has ended",
    },
    {
      name: "the longest warranty covering the item counts (tags match without case)",
      warranties,
      item: { productTags: ["eyewear"] },
      daysAfterDelivery: 400,
      claimable: true,
      explanation: "Covered by 2-year warranty",
    },
  ];
  for (const row of cases) {
    it(row.name, () => {
      const decision = warrantyDecision(
        policy({ warranties: row.warranties }),
        order,
        { ...item, ...row.item },
        windowEnds,
        new Date(delivered.getTime() + row.daysAfterDelivery * DAY),
      );
      expect(decision).toMatchObject({
        claimable: row.claimable,
        explanation: row.explanation,
      });
    });
  }
});
