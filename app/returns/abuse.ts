import type { AbuseSettings, CustomerFacts } from "./policy";

/**
 * Abuse signals: what a customer's history of orders and returns says about the return in front
 * of the merchant. Pure, so the same history always gives the same signals and their
 * explanations; ./abuse.server.ts reads the history.
 */

export interface HistoryLine {
  quantity: number;
  reason: string;
  /** The end of the line's return window as the policy decided it at submission. */
  windowEndsAt: Date | null;
  /** Inspection found something other than the item sold. */
  mismatch: boolean;
}

export interface HistoryReturn {
  id: string;
  requestedAt: Date;
  lines: HistoryLine[];
}

export interface CustomerHistory {
  /** Orders placed in the look-back period, not counting test and cancelled orders. */
  orders: number;
  /** Units of those orders whose shipment was delivered. */
  deliveredUnits: number;
  /** Returns asked for in the period, not counting declined and cancelled ones. */
  returns: HistoryReturn[];
}

export type AbuseSignalKind = "high_return_rate" | "serial_returner" | "wardrobing" | "mismatch";

export interface AbuseSignal {
  kind: AbuseSignalKind;
  /** The figures its explanation names (./abuse-messages.ts). */
  values: Record<string, number>;
}

export interface CustomerSignals extends CustomerFacts {
  orders: number;
  returns: number;
  returnedUnits: number;
  deliveredUnits: number;
  /** Returns per order; null without an order. */
  returnsPerOrder: number | null;
  /** Returns for a wardrobing reason asked for in the last days of their window. */
  wardrobingReturns: number;
  mismatchedUnits: number;
  signals: AbuseSignal[];
}

const DAY_MS = 86_400_000;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function isWardrobing(entry: HistoryReturn, settings: AbuseSettings): boolean {
  const reasons = new Set(settings.wardrobingReasons.map((reason) => reason.toLowerCase()));
  return entry.lines.some(
    (line) =>
      reasons.has(line.reason.toLowerCase()) &&
      line.windowEndsAt !== null &&
      entry.requestedAt <= line.windowEndsAt &&
      line.windowEndsAt.getTime() - entry.requestedAt.getTime() <= settings.wardrobingDays * DAY_MS,
  );
}

export function customerSignals(
  history: CustomerHistory,
  settings: AbuseSettings,
): CustomerSignals {
  const returnedUnits = history.returns.reduce(
    (sum, entry) => sum + entry.lines.reduce((units, line) => units + line.quantity, 0),
    0,
  );
  const returns = history.returns.length;
  const unitReturnRate = ratio(returnedUnits, history.deliveredUnits);
  const returnsPerOrder = ratio(returns, history.orders);
  const serialReturner =
    returns >= settings.serialReturnerMinReturns &&
    returnsPerOrder !== null &&
    returnsPerOrder >= settings.serialReturnerMinRate;
  const wardrobingReturns = history.returns.filter((entry) => isWardrobing(entry, settings)).length;
  const mismatchedUnits = history.returns.reduce(
    (sum, entry) =>
      sum + entry.lines.reduce((units, line) => units + (line.mismatch ? line.quantity : 0), 0),
    0,
  );

  const percent = (value: number) => Math.round(value * 100);
  const signals: AbuseSignal[] = [];
  if (unitReturnRate !== null && unitReturnRate >= settings.highReturnRate) {
    signals.push({
      kind: "high_return_rate",
      values: {
        rate: percent(unitReturnRate),
        returned: returnedUnits,
        delivered: history.deliveredUnits,
        threshold: percent(settings.highReturnRate),
      },
    });
  }
  if (serialReturner) {
    signals.push({
      kind: "serial_returner",
      values: {
        returns,
        orders: history.orders,
        minReturns: settings.serialReturnerMinReturns,
        minRate: percent(settings.serialReturnerMinRate),
      },
    });
  }
  if (wardrobingReturns > 0) {
    signals.push({
      kind: "wardrobing",
      values: { returns: wardrobingReturns, days: settings.wardrobingDays },
    });
  }
  if (mismatchedUnits > 0) {
    signals.push({ kind: "mismatch", values: { units: mismatchedUnits } });
  }

  return {
    orders: history.orders,
    returns,
    returnedUnits,
    deliveredUnits: history.deliveredUnits,
    unitReturnRate,
    returnsPerOrder,
    serialReturner,
    wardrobingReturns,
    mismatchedUnits,
    signals,
  };
}
