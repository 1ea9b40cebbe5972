import { describe, expect, it } from "vitest";
import { customerSignals, type CustomerHistory, type HistoryReturn } from "./abuse";
import { ABUSE_MESSAGES, abuseMessages, describeSignal } from "./abuse-messages";
import {
  AbuseSettingsSchema,
  ReturnPolicySchema,
  automaticRefundDecision,
  evaluateLine,
  type AbuseSettings,
  type ItemFacts,
} from "./policy";

const DAY = 86_400_000;
const windowEnd = new Date("2026-11-30T00:00:00Z");
const settings = (fields: Partial<AbuseSettings> = {}) => AbuseSettingsSchema.parse(fields);

/** A return of `units` units for `reason`, asked for `daysLeft` days before its window closed. */
function returned(
  units: number,
  reason = "defective",
  daysLeft = 20,
  mismatch = false,
): HistoryReturn {
  return {
    id: `r${units}${reason}${daysLeft}`,
    requestedAt: new Date(windowEnd.getTime() - daysLeft * DAY),
    lines: [{ quantity: units, reason, windowEndsAt: windowEnd, mismatch }],
  };
}

describe("customerSignals: one table row per signal", () => {
  const cases: {
    name: string;
    history: CustomerHistory;
    settings?: Partial<AbuseSettings>;
    kinds: string[];
    unitReturnRate: number | null;
    returnsPerOrder: number | null;
  }[] = [
    {
      name: "a new customer: nothing to say",
      history: { orders: 0, deliveredUnits: 0, returns: [] },
      kinds: [],
      unitReturnRate: null,
      returnsPerOrder: null,
    },
    {
      name: "one return of 1 unit out of 10 delivered: below the 50 % default",
      history: { orders: 4, deliveredUnits: 10, returns: [returned(1)] },
      kinds: [],
      unitReturnRate: 0.1,
      returnsPerOrder: 0.25,
    },
    {
      name: "half the delivered units returned: high return rate (at the threshold)",
      history: { orders: 4, deliveredUnits: 4, returns: [returned(2)] },
      kinds: ["high_return_rate"],
      unitReturnRate: 0.5,
      returnsPerOrder: 0.25,
    },
    {
      name: "a return before anything is delivered has no unit rate",
      history: { orders: 1, deliveredUnits: 0, returns: [returned(1)] },
      kinds: [],
      unitReturnRate: null,
      returnsPerOrder: 1,
    },
    {
      name: "3 returns in 4 orders: serial returner by default (3 returns, 50 % of orders)",
      history: {
        orders: 4,
        deliveredUnits: 20,
        returns: [returned(1), returned(1, "damaged"), returned(1, "wrong-item")],
      },
      kinds: ["serial_returner"],
      unitReturnRate: 0.15,
      returnsPerOrder: 0.75,
    },
    {
      name: "3 returns in 10 orders: too few per order for the default",
      history: {
        orders: 10,
        deliveredUnits: 30,
        returns: [returned(1), returned(1, "damaged"), returned(1, "wrong-item")],
      },
      kinds: [],
      unitReturnRate: 0.1,
      returnsPerOrder: 0.3,
    },
    {
      name: "the same 3 in 10 with the threshold set to 2 returns at 25 %",
      history: {
        orders: 10,
        deliveredUnits: 30,
        returns: [returned(1), returned(1, "damaged"), returned(1, "wrong-item")],
      },
      settings: { serialReturnerMinReturns: 2, serialReturnerMinRate: 0.25 },
      kinds: ["serial_returner"],
      unitReturnRate: 0.1,
      returnsPerOrder: 0.3,
    },
    {
      name: "unwanted, asked for 2 days before the window closed: wardrobing",
      history: { orders: 5, deliveredUnits: 10, returns: [returned(1, "unwanted", 2)] },
      kinds: ["wardrobing"],
      unitReturnRate: 0.1,
      returnsPerOrder: 0.2,
    },
    {
      name: "unwanted, asked for 10 days before: not wardrobing",
      history: { orders: 5, deliveredUnits: 10, returns: [returned(1, "unwanted", 10)] },
      kinds: [],
      unitReturnRate: 0.1,
      returnsPerOrder: 0.2,
    },
    {
      name: "defective, 1 day before: the reason is not a wardrobing one",
      history: { orders: 5, deliveredUnits: 10, returns: [returned(1, "defective", 1)] },
      kinds: [],
      unitReturnRate: 0.1,
      returnsPerOrder: 0.2,
    },
    {
      name: "style, 1 day before, with style not in the merchant's reasons",
      history: { orders: 5, deliveredUnits: 10, returns: [returned(1, "style", 1)] },
      settings: { wardrobingReasons: ["unwanted"] },
      kinds: [],
      unitReturnRate: 0.1,
      returnsPerOrder: 0.2,
    },
    {
      name: "inspection found another item: mismatch",
      history: { orders: 5, deliveredUnits: 10, returns: [returned(2, "defective", 20, true)] },
      kinds: ["mismatch"],
      unitReturnRate: 0.2,
      returnsPerOrder: 0.2,
    },
  ];

  for (const row of cases) {
    it(row.name, () => {
      const signals = customerSignals(row.history, settings(row.settings));
      expect(signals.signals.map((signal) => signal.kind)).toEqual(row.kinds);
      expect(signals.unitReturnRate).toBe(row.unitReturnRate);
      expect(signals.returnsPerOrder).toBe(row.returnsPerOrder);
      expect(signals.serialReturner).toBe(row.kinds.includes("serial_returner"));
    });
  }
});

describe("abuse signals change a policy decision", () => {
  const serialHistory: CustomerHistory = {
    orders: 4,
    deliveredUnits: 5,
    returns: [returned(1), returned(1, "damaged"), returned(1, "unwanted")],
  };
  const goodHistory: CustomerHistory = { orders: 10, deliveredUnits: 30, returns: [returned(1)] };
  const base = {
    automation: { refundOn: "first_scan" as const, refundDelayHours: 24 },
    rules: [
      {
        id: "serial",
        name: "Serial returners",
        when: { serialReturner: true },
        then: { holdAutomaticRefund: true },
      },
      {
        id: "rate",
        name: "Returns more than 40 % of what they get",
        when: { customerReturnRateAbove: 0.4, reasons: ["unwanted"] },
        then: { holdAutomaticRefund: true, resolutions: ["store_credit" as const] },
      },
    ],
  };
  const policy = ReturnPolicySchema.parse(base);

  const cases: {
    name: string;
    history: CustomerHistory | null;
    reasons: string[];
    refund: boolean;
    explanation: string;
  }[] = [
    {
      name: "a customer with one return in ten orders gets the quick refund",
      history: goodHistory,
      reasons: ["unwanted"],
      refund: true,
      explanation: "Quick refund on the carrier's first scan (return policy)",
    },
    {
      name: "a serial returner's refund waits for the merchant",
      history: serialHistory,
      reasons: ["defective"],
      refund: false,
      explanation: "Refund waits for the merchant: Serial returners (return policy)",
    },
    {
      name: "a return rate above 40 % holds refunds for the reasons the rule names",
      history: { orders: 10, deliveredUnits: 10, returns: [returned(5, "unwanted")] },
      reasons: ["unwanted"],
      refund: false,
      explanation:
        "Refund waits for the merchant: Returns more than 40 % of what they get (return policy)",
    },
    {
      name: "the same rate, another reason: the rule does not apply",
      history: { orders: 10, deliveredUnits: 10, returns: [returned(5, "unwanted")] },
      reasons: ["defective"],
      refund: true,
      explanation: "Quick refund on the carrier's first scan (return policy)",
    },
    {
      name: "no customer known: customer conditions never apply",
      history: null,
      reasons: ["unwanted"],
      refund: true,
      explanation: "Quick refund on the carrier's first scan (return policy)",
    },
  ];

  for (const row of cases) {
    it(row.name, () => {
      const customer = row.history ? customerSignals(row.history, policy.abuse) : undefined;
      expect(
        automaticRefundDecision(policy, "first_scan", { reasons: row.reasons, customer }),
      ).toMatchObject({ refund: row.refund, explanation: row.explanation });
    });
  }

  it("waiting for inspection stays the answer whatever the customer", () => {
    const inspection = ReturnPolicySchema.parse({ ...base, automation: {} });
    const customer = customerSignals(goodHistory, inspection.abuse);
    expect(
      automaticRefundDecision(inspection, "received", { reasons: ["defective"], customer }),
    ).toEqual({ refund: false, explanation: "Refund waits for inspection (return policy)" });
  });

  it("the portal offers a high-rate customer store credit only for unwanted items", () => {
    const item: ItemFacts = {
      lineItemId: "1",
      unitPrice: 5000,
      returnableQuantity: 1,
      productTags: [],
      productType: null,
      collectionIds: [],
      discounted: false,
      finalSale: false,
    };
    const delivered = new Date("2026-11-01T00:00:00Z");
    const order = { orderedAt: delivered, fulfilledAt: delivered, deliveredAt: delivered };
    const line = { lineItemId: "1", quantity: 1, reason: "unwanted" };
    const now = new Date(delivered.getTime() + 5 * DAY);
    const highRate = customerSignals(
      { orders: 10, deliveredUnits: 10, returns: [returned(5, "unwanted")] },
      policy.abuse,
    );
    const options = (customer?: typeof highRate) =>
      evaluateLine(policy, { ...order, customer }, item, line, now).options.map(
        (option) => option.resolution,
      );
    expect(options(customerSignals(goodHistory, policy.abuse))).toEqual([
      "refund",
      "store_credit",
      "exchange",
    ]);
    expect(options(highRate)).toEqual(["store_credit"]);
    expect(options(undefined)).toEqual(["refund", "store_credit", "exchange"]);
  });

  it("a rule holding refunds cannot name product conditions", () => {
    const parsed = ReturnPolicySchema.safeParse({
      rules: [
        {
          id: "x",
          name: "Sale items",
          when: { discounted: true, serialReturner: true },
          then: { holdAutomaticRefund: true },
        },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["rules", 0, "when", "discounted"]);
  });
});

describe("signal explanations", () => {
  it("every language names each signal and fills every figure", () => {
    const signals = customerSignals(
      {
        orders: 4,
        deliveredUnits: 4,
        returns: [returned(1, "unwanted", 1, true), returned(1), returned(1)],
      },
      settings(),
    ).signals;
    expect(signals.map((signal) => signal.kind)).toEqual([
      "high_return_rate",
      "serial_returner",
      "wardrobing",
      "mismatch",
    ]);
    for (const locale of Object.keys(ABUSE_MESSAGES) as (keyof typeof ABUSE_MESSAGES)[]) {
      const t = abuseMessages(locale);
      for (const signal of signals) {
        const { title, explanation } = describeSignal(t, signal);
        expect(title).not.toBe("");
        expect(explanation).not.toMatch(/\{\w+\}/);
      }
      expect(Object.keys(ABUSE_MESSAGES[locale]).sort()).toEqual(
        Object.keys(ABUSE_MESSAGES.en).sort(),
      );
    }
    expect(describeSignal(abuseMessages("en"), signals[0]!).explanation).toBe(
      "Returned 3 of 4 delivered units (75 %); the policy flags 50 % or more.",
    );
  });
});
