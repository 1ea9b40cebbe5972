import { db } from "../db.server";
import { customerOrderIds } from "../orders/index.server";
import { deliveredUnits } from "../tracking/index.server";
import { customerSignals, type CustomerHistory, type CustomerSignals } from "./abuse";
import type { AbuseSettings } from "./policy";

/** The customer history abuse signals are computed from, read over the policy's look-back. */

const DAY_MS = 86_400_000;

export interface ReturnCustomer {
  customerShopifyId: string | null;
  email: string | null;
}

async function customerHistory(
  shopDomain: string,
  customer: ReturnCustomer,
  since: Date,
): Promise<CustomerHistory> {
  const who = [
    ...(customer.customerShopifyId ? [{ customerShopifyId: customer.customerShopifyId }] : []),
    ...(customer.email ? [{ email: customer.email.toLowerCase() }] : []),
  ];
  const [orderIds, returns] = await Promise.all([
    customerOrderIds(shopDomain, customer, since),
    db.returnRequest.findMany({
      where: {
        shopDomain,
        OR: who,
        requestedAt: { gte: since },
        status: { notIn: ["declined", "cancelled"] },
      },
      select: {
        id: true,
        requestedAt: true,
        decision: true,
        lines: {
          select: { lineItemShopifyId: true, quantity: true, reason: true, mismatch: true },
        },
      },
    }),
  ]);
  return {
    orders: orderIds.length,
    deliveredUnits: await deliveredUnits(shopDomain, orderIds),
    returns: returns.map((entry) => {
      const windows = windowsOf(entry.decision);
      return {
        id: entry.id,
        requestedAt: entry.requestedAt,
        lines: entry.lines.map((line) => ({
          quantity: line.quantity,
          reason: line.reason,
          mismatch: line.mismatch,
          windowEndsAt: windows.get(line.lineItemShopifyId) ?? null,
        })),
      };
    }),
  };
}

/** Each line's window end as the policy decided it at submission (absent for Shopify's returns). */
function windowsOf(decisionJson: string): Map<string, Date> {
  const decision = JSON.parse(decisionJson) as {
    lines?: { lineItemId?: string; windowEndsAt?: string }[];
  };
  const windows = new Map<string, Date>();
  for (const line of decision.lines ?? []) {
    if (line.lineItemId && line.windowEndsAt) {
      windows.set(line.lineItemId, new Date(line.windowEndsAt));
    }
  }
  return windows;
}

/** The customer's signals, or null when the return names no customer and no email. */
export async function signalsForCustomer(
  shopDomain: string,
  customer: ReturnCustomer,
  settings: AbuseSettings,
  now = new Date(),
): Promise<CustomerSignals | null> {
  if (!customer.customerShopifyId && !customer.email) return null;
  const since = new Date(now.getTime() - settings.lookbackDays * DAY_MS);
  return customerSignals(await customerHistory(shopDomain, customer, since), settings);
}
