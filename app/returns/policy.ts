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
    })
    .default({}),
  then: z.object({
    returnable: z.boolean().optional(),
    windowDays: z.number().int().min(0).max(365).optional(),
    resolutions: resolutionList.optional(),
    photosRequired: z.boolean().optional(),
    keepItem: z.boolean().optional(),
  }),
});
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

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
  rules: z.array(PolicyRuleSchema).default([]),
});
export type ReturnPolicy = z.infer<typeof ReturnPolicySchema>;

export interface OrderFacts {
  orderedAt: Date;
  fulfilledAt: Date | null;
  deliveredAt: Date | null;
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

function matches(rule: PolicyRule, item: ItemFacts, reason: string): boolean {
  const { when } = rule;
  const any = (wanted: string[] | undefined, have: string[]) =>
    !wanted ||
    wanted.some((value) => have.some((own) => own.toLowerCase() === value.toLowerCase()));
  return (
    any(when.productTags, item.productTags) &&
    any(when.collectionIds, item.collectionIds) &&
    any(when.productTypes, item.productType ? [item.productType] : []) &&
    any(when.reasons, [reason]) &&
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
    if (!matches(rule, item, line.reason)) continue;
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
