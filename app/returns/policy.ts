import { z } from "zod";

/**
 * The shop's return policy as data the merchant edits, and the one pure function that decides
 * what a shopper may return and how — explaining every decision in words the shopper can read.
 */

export const RESOLUTIONS = ["refund", "store_credit", "exchange", "keep"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

const resolutionList = z.array(z.enum(RESOLUTIONS));

export const PolicyRuleSchema = z.object({
  id: z.string().min(1),
  /** Names the rule in explanations ("Final sale"). */
  name: z.string().min(1).max(80),
  /** Every condition given must hold; a list matches when any of its values does. */
  when: z
    .object({
      productTags: z.array(z.string()).optional(),
      collectionIds: z.array(z.string()).optional(),
      productTypes: z.array(z.string()).optional(),
      discounted: z.boolean().optional(),
      finalSale: z.boolean().optional(),
      reasons: z.array(z.string()).optional(),
      /** The customer's returned units over delivered units exceed this share (0.4 = 40 %). */
      customerReturnRateAbove: z.number().min(0).max(1).optional(),
      /** The customer is (or is not) a serial returner by the policy's abuse settings. */
      serialReturner: z.boolean().optional(),
    })
    .default({}),
  then: z.object({
    returnable: z.boolean().optional(),
    windowDays: z.number().int().min(0).max(365).optional(),
    resolutions: resolutionList.optional(),
    photosRequired: z.boolean().optional(),
    keepItem: z.boolean().optional(),
    /** The return's refund waits for the merchant whatever `automation.refundOn` says. */
    holdAutomaticRefund: z.boolean().optional(),
  }),
});
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

const PRODUCT_CONDITIONS = [
  "productTags",
  "collectionIds",
  "productTypes",
  "discounted",
  "finalSale",
] as const;

/**
 * A refund falls due when the parcel is scanned, long after the portal looked the products up,
 * so a rule holding automatic refunds may only name the customer and the reasons.
 */
const RuleSchema = PolicyRuleSchema.superRefine((rule, context) => {
  if (!rule.then.holdAutomaticRefund) return;
  for (const condition of PRODUCT_CONDITIONS) {
    if (rule.when[condition] === undefined) continue;
    context.addIssue({
      code: "custom",
      path: ["when", condition],
      message: "A rule that holds automatic refunds can only name the customer and reasons",
    });
  }
});

/**
 * What makes a customer's returns worth a second look (app/returns/abuse.ts): a serial returner
 * has at least `serialReturnerMinReturns` returns and `serialReturnerMinRate` returns per order
 * over the last `lookbackDays`; wardrobing is a return for one of `wardrobingReasons` asked for
 * in the last `wardrobingDays` of its window.
 */
export const AbuseSettingsSchema = z.object({
  lookbackDays: z.number().int().min(1).max(1095).default(365),
  highReturnRate: z.number().min(0).max(1).default(0.5),
  serialReturnerMinReturns: z.number().int().min(1).max(100).default(3),
  serialReturnerMinRate: z.number().min(0).max(10).default(0.5),
  wardrobingReasons: z.array(z.string()).default(["style", "unwanted", "color"]),
  wardrobingDays: z.number().int().min(0).max(60).default(3),
});
export type AbuseSettings = z.infer<typeof AbuseSettingsSchema>;

/**
 * When a return's refund and store credit go out without the merchant: on the carrier's first
 * scan of the return parcel ("quick refunds"), when the parcel is delivered back to the shop, or
 * only after the merchant inspects the items and processes the return.
 */
export const REFUND_MOMENTS = ["inspection", "received", "first_scan"] as const;
export type RefundMoment = (typeof REFUND_MOMENTS)[number];

export const AutomationSchema = z.object({
  refundOn: z.enum(REFUND_MOMENTS).default("inspection"),
  /** Time between the scan and the refund, during which the merchant can cancel it. */
  refundDelayHours: z.number().int().min(0).max(168).default(24),
  /**
   * Buy the prepaid return label as soon as a return is approved (by the policy or the
   * merchant), so the shopper can send the parcel back without waiting for the merchant.
   */
  issueLabelOnApproval: z.boolean().default(false),
});
export type Automation = z.infer<typeof AutomationSchema>;

/**
 * A warranty period for the products it names (by tag, type or collection; naming none covers
 * every product), counted from the day the return window starts (delivery).
 */
export const WarrantyPeriodSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  days: z.number().int().min(1).max(3650),
  productTags: z.array(z.string()).optional(),
  productTypes: z.array(z.string()).optional(),
  collectionIds: z.array(z.string()).optional(),
});
export type WarrantyPeriod = z.infer<typeof WarrantyPeriodSchema>;

/**
 * Shop-now exchanges (app/returns/shop-now.server.ts): the shopper spends the returned value,
 * plus this bonus, on any product of the catalog; what is left becomes `remainderAs`.
 */
export const ShopNowSchema = z.object({
  enabled: z.boolean().default(false),
  bonusPercent: z.number().min(0).max(100).default(0),
  /** Minor units added to the credit of every shop-now exchange. */
  bonusAmount: z.number().int().min(0).default(0),
  remainderAs: z.enum(["store_credit", "refund"]).default("store_credit"),
  /** Instant exchanges (pay now, refunded when the return is in) for customers without signals. */
  instantFor: z.enum(["nobody", "trusted"]).default("nobody"),
});
export type ShopNowSettings = z.infer<typeof ShopNowSchema>;

export const ReturnPolicySchema = z.object({
  /** Days from delivery. */
  windowDays: z.number().int().min(0).max(365).default(30),
  /** Without a delivery date the window starts this many days after fulfillment (or the order). */
  deliveryBufferDays: z.number().int().min(0).max(60).default(5),
  resolutions: resolutionList.default(["refund", "store_credit", "exchange"]),
  storeCreditBonusPercent: z.number().min(0).max(100).default(0),
  /** Minor units, charged once per return. */
  returnShippingFee: z.number().int().min(0).default(0),
  restockingFeePercent: z.number().min(0).max(100).default(0),
  waiveFeesFor: resolutionList.default(["exchange", "store_credit"]),
  /** Keep the item (no shipping back) when the returned value is at most this, in minor units. */
  greenReturnMaxValue: z.number().int().min(0).nullable().default(null),
  greenReturnReasons: z.array(z.string()).default([]),
  rules: z.array(RuleSchema).default([]),
  /** What the return parcel's scans do without the merchant (app/returns/automation.server.ts). */
  automation: AutomationSchema.default(AutomationSchema.parse({})),
  abuse: AbuseSettingsSchema.default(AbuseSettingsSchema.parse({})),
  warranties: z.array(WarrantyPeriodSchema).default([]),
  shopNow: ShopNowSchema.default(ShopNowSchema.parse({})),
});
export type ReturnPolicy = z.infer<typeof ReturnPolicySchema>;

/** What the policy's customer conditions read (app/returns/abuse.ts computes it). */
export interface CustomerFacts {
  /** Returned units over delivered units; null before anything was delivered. */
  unitReturnRate: number | null;
  serialReturner: boolean;
}

export interface OrderFacts {
  orderedAt: Date;
  fulfilledAt: Date | null;
  deliveredAt: Date | null;
  /** Absent when unknown: a rule with customer conditions then does not apply. */
  customer?: CustomerFacts;
}

export interface ItemFacts {
  lineItemId: string;
  /** What the shopper paid per unit, after discounts, in minor units. */
  unitPrice: number;
  /** Units bought and not yet returned or being returned. */
  returnableQuantity: number;
  productTags: string[];
  productType: string | null;
  collectionIds: string[];
  discounted: boolean;
  finalSale: boolean;
}

export interface RequestedLine {
  lineItemId: string;
  quantity: number;
  reason: string;
}

export interface ResolutionOption {
  resolution: Resolution;
  /** Minor units the shopper gets back (refund, credit incl. bonus) or the value exchanged. */
  amount: number;
  fee: number;
  bonus: number;
}

export interface LineDecision {
  lineItemId: string;
  eligible: boolean;
  /** Why, in order: the rules that applied and what they decided. */
  explanations: string[];
  windowEndsAt: Date;
  photosRequired: boolean;
  options: ResolutionOption[];
}

const DAY_MS = 86_400_000;

const anyOf = (wanted: string[] | undefined, have: string[]) =>
  !wanted || wanted.some((value) => have.some((own) => own.toLowerCase() === value.toLowerCase()));

function matchesCustomer(rule: PolicyRule, customer: CustomerFacts | undefined): boolean {
  const { customerReturnRateAbove, serialReturner } = rule.when;
  if (customerReturnRateAbove === undefined && serialReturner === undefined) return true;
  if (!customer) return false;
  return (
    (customerReturnRateAbove === undefined ||
      (customer.unitReturnRate !== null && customer.unitReturnRate > customerReturnRateAbove)) &&
    (serialReturner === undefined || customer.serialReturner === serialReturner)
  );
}

function matches(
  rule: PolicyRule,
  item: ItemFacts,
  reason: string,
  customer: CustomerFacts | undefined,
): boolean {
  const { when } = rule;
  return (
    matchesCustomer(rule, customer) &&
    anyOf(when.productTags, item.productTags) &&
    anyOf(when.collectionIds, item.collectionIds) &&
    anyOf(when.productTypes, item.productType ? [item.productType] : []) &&
    anyOf(when.reasons, [reason]) &&
    (when.discounted === undefined || when.discounted === item.discounted) &&
    (when.finalSale === undefined || when.finalSale === item.finalSale)
  );
}

export function windowStart(policy: ReturnPolicy, order: OrderFacts): Date {
  if (order.deliveredAt) return order.deliveredAt;
  const shipped = order.fulfilledAt ?? order.orderedAt;
  return new Date(shipped.getTime() + policy.deliveryBufferDays * DAY_MS);
}

/** What the policy allows for one requested line, and why. */
export function evaluateLine(
  policy: ReturnPolicy,
  order: OrderFacts,
  item: ItemFacts,
  line: RequestedLine,
  now: Date,
): LineDecision {
  const explanations: string[] = [];
  let returnable = !item.finalSale;
  if (item.finalSale) explanations.push("Not eligible: final sale");
  let windowDays = policy.windowDays;
  let resolutions: Resolution[] = [...policy.resolutions];
  let photosRequired = false;
  let keepItem = false;

  // Rules apply in the merchant's order; a later rule's decision overrides an earlier one's.
  for (const rule of policy.rules) {
    if (!matches(rule, item, line.reason, order.customer)) continue;
    const { then } = rule;
    if (then.returnable !== undefined) {
      returnable = then.returnable;
      explanations.push(
        then.returnable ? `Returnable: ${rule.name}` : `Not eligible: ${rule.name}`,
      );
    }
    if (then.windowDays !== undefined) {
      windowDays = then.windowDays;
      explanations.push(`${rule.name}: ${then.windowDays}-day window`);
    }
    if (then.resolutions) {
      resolutions = [...then.resolutions];
      explanations.push(`${rule.name}: ${then.resolutions.join(", ")} only`);
    }
    if (then.photosRequired) {
      photosRequired = true;
      explanations.push(`${rule.name}: photos required`);
    }
    if (then.keepItem) keepItem = true;
  }

  const windowEndsAt = new Date(windowStart(policy, order).getTime() + windowDays * DAY_MS);
  if (now > windowEndsAt) {
    returnable = false;
    explanations.push(`Not eligible: the ${windowDays}-day return window has closed`);
  }
  if (!Number.isInteger(line.quantity) || line.quantity < 1) {
    returnable = false;
    explanations.push("Not eligible: choose at least one item");
  } else if (line.quantity > item.returnableQuantity) {
    returnable = false;
    explanations.push(
      item.returnableQuantity === 0
        ? "Not eligible: already returned"
        : `Not eligible: only ${item.returnableQuantity} can be returned`,
    );
  }

  const value = item.unitPrice * Math.max(0, Math.min(line.quantity, item.returnableQuantity));
  const green =
    keepItem ||
    policy.greenReturnReasons.includes(line.reason) ||
    (policy.greenReturnMaxValue !== null && value <= policy.greenReturnMaxValue);
  if (green && returnable) explanations.push("Keep the item: no need to send it back");

  const options = returnable
    ? resolutions
        .filter((resolution) => resolution !== "keep")
        .map((resolution) => option(policy, resolution, value))
    : [];
  if (returnable && green) {
    const refund = options.find((entry) => entry.resolution === "refund") ?? options[0];
    if (refund) options.push({ ...refund, resolution: "keep" });
  }
  if (returnable && options.length === 0) {
    returnable = false;
    explanations.push("Not eligible: no resolution is offered for this item");
  }
  if (returnable && explanations.length === 0) explanations.push("Eligible");

  return {
    lineItemId: line.lineItemId,
    eligible: returnable,
    explanations,
    windowEndsAt,
    photosRequired,
    options,
  };
}

function option(policy: ReturnPolicy, resolution: Resolution, value: number): ResolutionOption {
  const waived = policy.waiveFeesFor.includes(resolution);
  const fee = waived ? 0 : Math.round((value * policy.restockingFeePercent) / 100);
  const bonus =
    resolution === "store_credit" ? Math.round((value * policy.storeCreditBonusPercent) / 100) : 0;
  return { resolution, amount: value - fee + bonus, fee, bonus };
}

export interface ReturnDecision {
  lines: LineDecision[];
  /** The flat return shipping fee, charged once unless every line is exchanged or kept. */
  shippingFee: number;
}

/** A whole return request: each line, then the return-level fee. */
export function evaluateReturn(
  policy: ReturnPolicy,
  order: OrderFacts,
  items: ItemFacts[],
  lines: RequestedLine[],
  chosen: Record<string, Resolution> = {},
  now = new Date(),
): ReturnDecision {
  const byId = new Map(items.map((item) => [item.lineItemId, item]));
  const seen = new Set<string>();
  const decisions = lines.map((line) => {
    const item = byId.get(line.lineItemId);
    if (!item || seen.has(line.lineItemId)) {
      return {
        lineItemId: line.lineItemId,
        eligible: false,
        explanations: [
          item ? "Not eligible: this item is listed twice" : "Not eligible: not part of this order",
        ],
        windowEndsAt: now,
        photosRequired: false,
        options: [],
      };
    }
    seen.add(line.lineItemId);
    return evaluateLine(policy, order, item, line, now);
  });
  const sendsSomethingBack = decisions.some(
    (decision) => decision.eligible && chosen[decision.lineItemId] !== "keep",
  );
  const allWaived = decisions
    .filter((decision) => decision.eligible)
    .every((decision) => {
      const resolution = chosen[decision.lineItemId];
      return resolution === "keep" || (resolution && policy.waiveFeesFor.includes(resolution));
    });
  return {
    lines: decisions,
    shippingFee: sendsSomethingBack && !allWaived ? policy.returnShippingFee : 0,
  };
}

/** The parcel news a return's automatic steps follow. */
export type ParcelMilestone = "first_scan" | "received";

/** What a return's automatic refund is judged on when it falls due. */
export interface RefundFacts {
  reasons: string[];
  /** Absent when the return names no customer: customer conditions then do not apply. */
  customer?: CustomerFacts;
}

/**
 * Whether this parcel news refunds the return automatically, and why, in the merchant's words
 * for the return's timeline. A return that waits for inspection never refunds by itself; a quick
 * refund on the first scan is also due on receipt, should the first scan never have been seen.
 * A rule holding automatic refunds for this customer (or one of the reasons) keeps the refund
 * for the merchant.
 */
export function automaticRefundDecision(
  policy: ReturnPolicy,
  milestone: ParcelMilestone,
  facts: RefundFacts,
): { refund: boolean; explanation: string; heldBy?: string } {
  const { refundOn } = policy.automation;
  if (refundOn === "inspection") {
    return { refund: false, explanation: "Refund waits for inspection (return policy)" };
  }
  if (refundOn === "received" && milestone === "first_scan") {
    return {
      refund: false,
      explanation: "Refund when the parcel reaches the shop (return policy)",
    };
  }
  const holding = policy.rules.find(
    (rule) =>
      rule.then.holdAutomaticRefund &&
      matchesCustomer(rule, facts.customer) &&
      facts.reasons.some((reason) => anyOf(rule.when.reasons, [reason])),
  );
  if (holding) {
    return {
      refund: false,
      explanation: `Refund waits for the merchant: ${holding.name} (return policy)`,
      heldBy: holding.id,
    };
  }
  return {
    refund: true,
    explanation:
      refundOn === "first_scan"
        ? "Quick refund on the carrier's first scan (return policy)"
        : "Refund on delivery to the shop (return policy)",
  };
}

export interface WarrantyDecision {
  /** A claim may be filed: the return window has closed and a warranty still covers the item. */
  claimable: boolean;
  /** The longest warranty covering the item, and when it ends. */
  warranty: { name: string; endsAt: Date } | null;
  explanation: string;
}

/**
 * Whether an item past its return window can be claimed under warranty. Within the window the
 * shopper returns it instead; a warranty naming tags, types or collections covers the items with
 * any of them, and of several the longest counts.
 */
export function warrantyDecision(
  policy: ReturnPolicy,
  order: OrderFacts,
  item: ItemFacts,
  returnWindowEndsAt: Date,
  now: Date,
): WarrantyDecision {
  const start = windowStart(policy, order).getTime();
  const covering = policy.warranties
    .filter(
      (period) =>
        anyOf(period.productTags, item.productTags) &&
        anyOf(period.productTypes, item.productType ? [item.productType] : []) &&
        anyOf(period.collectionIds, item.collectionIds),
    )
    .sort((a, b) => b.days - a.days)[0];
  if (!covering) {
    return { claimable: false, warranty: null, explanation: "No warranty covers this item" };
  }
  const warranty = { name: covering.name, endsAt: new Date(start + covering.days * DAY_MS) };
  if (now <= returnWindowEndsAt) {
    return {
      claimable: false,
      warranty,
      explanation: "Still within the return window: return it instead",
    };
  }
  if (now > warranty.endsAt) {
    return { claimable: false, warranty, explanation: `${covering.name} has ended` };
  }
  return { claimable: true, warranty, explanation: `Covered by ${covering.name}` };
}
