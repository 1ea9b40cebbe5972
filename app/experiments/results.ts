import {
  meanDifference,
  proportionDifference,
  requiredPerArm,
  variance,
  verdict,
  type Interval,
  type Moments,
  type Verdict,
} from "./stats";
import type { Arm } from "./touches";

/**
 * The smallest effects an experiment is sized to find (80 % power, 5 % level): 5 points of
 * repeat-purchase rate, and 10 % of the pooled mean for revenue, tracking lookups and support contacts per customer. An
 * interval spanning zero before the arms reach that size says "too small to conclude".
 */
export const REPEAT_RATE_EFFECT = 0.05;
export const RELATIVE_MEAN_EFFECT = 0.1;

export interface AssignmentRow {
  customerShopifyId: string;
  arm: string;
  assignedAt: Date;
}

export interface OrderRow {
  shopifyId: string;
  customerShopifyId: string;
  processedAt: Date;
  /** Minor units, after refunds and edits; 0 once cancelled. */
  netRevenue: number;
}

/** Something a shopper did about one order: a tracking lookup or a support conversation. */
export interface OrderContactRow {
  orderShopifyId: string | null;
  createdAt: Date;
}

/** One metric, treated against held out. */
export interface Metric {
  treated: number | null;
  heldOut: number | null;
  /** Treated minus held out, and its 95 % interval. */
  difference: number | null;
  interval: Interval | null;
  /** Customers each arm needs to find the minimum detectable effect; null when unknowable. */
  required: number | null;
  verdict: Verdict;
}

export interface Outcomes {
  customers: Record<Arm, number>;
  /** Share of customers who placed an order after their assignment. */
  repeatRate: Metric;
  /** Net revenue per customer after their assignment, minor units. */
  revenuePerCustomer: Metric;
  /** Tracking page and widget views per customer after their assignment. */
  wismoPerCustomer: Metric;
  /** Support conversations opened per customer after their assignment. */
  supportContactsPerCustomer: Metric;
}

function moments(values: number[]): Moments {
  return {
    n: values.length,
    sum: values.reduce((total, value) => total + value, 0),
    sumSquares: values.reduce((total, value) => total + value * value, 0),
  };
}

function meanMetric(treated: number[], heldOut: number[]): Metric {
  const a = moments(treated);
  const b = moments(heldOut);
  const result = meanDifference(a, b);
  const smaller = Math.min(a.n, b.n);
  if (!result) {
    return {
      treated: a.n ? a.sum / a.n : null,
      heldOut: b.n ? b.sum / b.n : null,
      difference: null,
      interval: null,
      required: null,
      verdict: "too_small",
    };
  }
  const effect = (RELATIVE_MEAN_EFFECT * (a.sum + b.sum)) / (a.n + b.n);
  const required = effect > 0 ? requiredPerArm(variance(a) + variance(b), effect) : null;
  return {
    treated: a.sum / a.n,
    heldOut: b.sum / b.n,
    difference: result.difference,
    interval: result.interval,
    required,
    verdict: verdict(result.interval, smaller, required ?? Infinity),
  };
}

function rateMetric(treated: boolean[], heldOut: boolean[]): Metric {
  const a = { x: treated.filter(Boolean).length, n: treated.length };
  const b = { x: heldOut.filter(Boolean).length, n: heldOut.length };
  const result = proportionDifference(a, b);
  if (!result) {
    return {
      treated: a.n ? a.x / a.n : null,
      heldOut: b.n ? b.x / b.n : null,
      difference: null,
      interval: null,
      required: null,
      verdict: "too_small",
    };
  }
  // Planned at the pooled rate against that rate moved by the effect.
  const p = (a.x + b.x) / (a.n + b.n);
  const q = Math.min(1, p + REPEAT_RATE_EFFECT);
  const required = requiredPerArm(p * (1 - p) + q * (1 - q), REPEAT_RATE_EFFECT);
  return {
    treated: a.x / a.n,
    heldOut: b.x / b.n,
    difference: result.difference,
    interval: result.interval,
    required,
    // The smaller arm against an equal-arms size: a 10 % holdout's large treated arm only helps.
    verdict: verdict(result.interval, Math.min(a.n, b.n), required),
  };
}

/**
 * Each assigned customer's outcomes from their assignment until `until` (the experiment's stop,
 * or now): whether they ordered again, what they spent, how often they looked up their tracking
 * and how often they asked a person.
 */
export function experimentOutcomes(
  assignments: AssignmentRow[],
  orders: OrderRow[],
  contacts: { views: OrderContactRow[]; conversations: OrderContactRow[] },
  until: Date,
): Outcomes {
  const ordersOf = new Map<string, OrderRow[]>();
  const customerOfOrder = new Map<string, string>();
  for (const order of orders) {
    const list = ordersOf.get(order.customerShopifyId);
    if (list) list.push(order);
    else ordersOf.set(order.customerShopifyId, [order]);
    customerOfOrder.set(order.shopifyId, order.customerShopifyId);
  }
  const byCustomer = (rows: OrderContactRow[]) => {
    const datesOf = new Map<string, Date[]>();
    for (const row of rows) {
      const customer = row.orderShopifyId ? customerOfOrder.get(row.orderShopifyId) : undefined;
      if (!customer) continue;
      const list = datesOf.get(customer);
      if (list) list.push(row.createdAt);
      else datesOf.set(customer, [row.createdAt]);
    }
    return datesOf;
  };
  const viewsOf = byCustomer(contacts.views);
  const conversationsOf = byCustomer(contacts.conversations);
  const within = (at: Date, from: Date) => at > from && at <= until;
  const arms = {
    treated: {
      repeat: [] as boolean[],
      revenue: [] as number[],
      views: [] as number[],
      asks: [] as number[],
    },
    holdout: {
      repeat: [] as boolean[],
      revenue: [] as number[],
      views: [] as number[],
      asks: [] as number[],
    },
  };
  for (const assignment of assignments) {
    const arm = arms[assignment.arm as Arm];
    if (!arm) continue;
    const after = (ordersOf.get(assignment.customerShopifyId) ?? []).filter((order) =>
      within(order.processedAt, assignment.assignedAt),
    );
    arm.repeat.push(after.length > 0);
    arm.revenue.push(after.reduce((total, order) => total + order.netRevenue, 0));
    const countSince = (datesOf: Map<string, Date[]>) =>
      (datesOf.get(assignment.customerShopifyId) ?? []).filter((at) =>
        within(at, assignment.assignedAt),
      ).length;
    arm.views.push(countSince(viewsOf));
    arm.asks.push(countSince(conversationsOf));
  }
  return {
    customers: { treated: arms.treated.repeat.length, holdout: arms.holdout.repeat.length },
    repeatRate: rateMetric(arms.treated.repeat, arms.holdout.repeat),
    revenuePerCustomer: meanMetric(arms.treated.revenue, arms.holdout.revenue),
    wismoPerCustomer: meanMetric(arms.treated.views, arms.holdout.views),
    supportContactsPerCustomer: meanMetric(arms.treated.asks, arms.holdout.asks),
  };
}
