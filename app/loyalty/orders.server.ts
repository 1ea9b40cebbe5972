import { db } from "../db.server";
import { retryOnUniqueViolation } from "../platform/db/errors";
import { earnForOrder, isStoreCreditRefund, refundedAmount } from "./earning";
import { ensureMember, settleOrder, type SettleResult } from "./ledger.server";
import { loadProgram } from "./program.server";
import type { LoyaltyOrderPayload, RefundPayload } from "./schemas";
import type { Program } from "./settings";
import { tierOf } from "./tiers";

/**
 * The facts loyalty keeps about orders, recorded once each whatever the delivery order, then
 * settled into the ledger (ledger.server.ts).
 */

const DAY_MS = 24 * 3600 * 1000;

export interface RecordOptions {
  /** Tags of the order's products, when the program has tag multipliers. */
  productTags?: Map<string, string[]>;
  program?: Program;
}

function customerOf(order: LoyaltyOrderPayload) {
  return order.customer
    ? {
        customerShopifyId: order.customer.id,
        email: order.customer.email ?? order.email ?? null,
        firstName: order.customer.first_name ?? null,
        lastName: order.customer.last_name ?? null,
      }
    : null;
}

export interface PaidResult extends SettleResult {
  points: number;
  confirmAfter: Date | null;
  firstOrder: boolean;
}

/** orders/paid: what the order earns (frozen the first time), pending until the return window closes. */
export async function recordOrderPaid(
  shopDomain: string,
  order: LoyaltyOrderPayload,
  options: RecordOptions = {},
): Promise<PaidResult | null> {
  const customer = customerOf(order);
  if (!customer || order.test) return null;
  const program = options.program ?? (await loadProgram(shopDomain));
  if (!program.enabled) return null;
  // Two deliveries can race to create the same rows: the loser retries and finds the winner's.
  const member = await retryOnUniqueViolation(() =>
    db.$transaction((tx) => ensureMember(tx, shopDomain, customer)),
  );
  const tier = tierOf(program, member.tier);
  const earning = earnForOrder(order, program, {
    productTags: options.productTags,
    tierMultiplier: tier?.earnMultiplier ?? 1,
  });
  const paidAt = new Date(order.processed_at ?? order.created_at);
  const confirmAfter = new Date(paidAt.getTime() + program.returnWindowDays * DAY_MS);
  const paidFacts = {
    customerShopifyId: customer.customerShopifyId,
    orderName: order.name,
    currency: earning.currency,
    earnBase: earning.base,
    pointsEarned: earning.points,
    paidAt,
    confirmAfter,
  };
  const cancelledAt = order.cancelled_at ? new Date(order.cancelled_at) : null;
  const key = { shopDomain_orderShopifyId: { shopDomain, orderShopifyId: order.id } };
  const previousPaid = await db.loyaltyOrder.count({
    where: { shopDomain, customerShopifyId: customer.customerShopifyId, paidAt: { not: null } },
  });
  await retryOnUniqueViolation(() =>
    db.loyaltyOrder.upsert({
      where: key,
      create: { shopDomain, orderShopifyId: order.id, ...paidFacts, cancelledAt },
      update: {},
    }),
  );
  // Earned points are frozen by the first paid delivery; later ones only fill in what is missing.
  await db.loyaltyOrder.updateMany({
    where: { shopDomain, orderShopifyId: order.id, paidAt: null },
    data: paidFacts,
  });
  if (cancelledAt) {
    await db.loyaltyOrder.updateMany({
      where: { shopDomain, orderShopifyId: order.id, cancelledAt: null },
      data: { cancelledAt },
    });
  }
  const stored = await db.loyaltyOrder.findUniqueOrThrow({ where: key });
  const settled = await settleOrder(shopDomain, order.id);
  return {
    ...settled,
    points: stored.pointsEarned ?? 0,
    confirmAfter: stored.confirmedAt ? null : stored.confirmAfter,
    firstOrder: previousPaid === 0,
  };
}

/** orders/cancelled: everything the order earned goes back. */
export async function recordOrderCancelled(shopDomain: string, order: LoyaltyOrderPayload) {
  const customer = customerOf(order);
  const cancelledAt = new Date(order.cancelled_at ?? Date.now());
  await retryOnUniqueViolation(() =>
    db.loyaltyOrder.upsert({
      where: { shopDomain_orderShopifyId: { shopDomain, orderShopifyId: order.id } },
      create: {
        shopDomain,
        orderShopifyId: order.id,
        orderName: order.name,
        customerShopifyId: customer?.customerShopifyId ?? null,
        cancelledAt,
      },
      update: {},
    }),
  );
  await db.loyaltyOrder.updateMany({
    where: { shopDomain, orderShopifyId: order.id, cancelledAt: null },
    data: { cancelledAt },
  });
  if (customer) {
    await db.loyaltyOrder.updateMany({
      where: { shopDomain, orderShopifyId: order.id, customerShopifyId: null },
      data: { customerShopifyId: customer.customerShopifyId, orderName: order.name },
    });
  }
  return settleOrder(shopDomain, order.id);
}

/**
 * refunds/create (full, partial, and store-credit returns): the refunded share of what the order
 * earned goes back; a refund that arrives before the order is kept until the order does.
 */
export async function recordRefund(
  shopDomain: string,
  refund: RefundPayload,
  options: RecordOptions = {},
) {
  const program = options.program ?? (await loadProgram(shopDomain));
  const order = await retryOnUniqueViolation(() =>
    db.loyaltyOrder.upsert({
      where: { shopDomain_orderShopifyId: { shopDomain, orderShopifyId: refund.order_id } },
      create: { shopDomain, orderShopifyId: refund.order_id },
      update: {},
    }),
  );
  const currency =
    refund.refund_line_items[0]?.subtotal_set?.shop_money.currency_code ?? order.currency ?? "USD";
  await retryOnUniqueViolation(() =>
    db.loyaltyRefund.upsert({
      where: {
        shopDomain_refundShopifyId: { shopDomain, refundShopifyId: refund.id },
      },
      create: {
        shopDomain,
        refundShopifyId: refund.id,
        orderShopifyId: refund.order_id,
        amount: refundedAmount(refund, currency, program),
        storeCredit: isStoreCreditRefund(refund) || Boolean(refund.return),
        processedAt: new Date(refund.processed_at ?? refund.created_at),
      },
      update: {},
    }),
  );
  return settleOrder(shopDomain, refund.order_id);
}

/** The return window closed: pending points become spendable. */
export async function confirmOrder(shopDomain: string, orderShopifyId: string, now = new Date()) {
  const confirmed = await db.loyaltyOrder.updateMany({
    where: {
      shopDomain,
      orderShopifyId,
      paidAt: { not: null },
      confirmedAt: null,
      confirmAfter: { lte: now },
    },
    data: { confirmedAt: now },
  });
  if (confirmed.count === 0) return null;
  return settleOrder(shopDomain, orderShopifyId);
}

/** Orders whose return window has closed but which are not confirmed yet (the hourly sweep). */
export function ordersDueForConfirmation(now: Date, take = 500) {
  return db.loyaltyOrder.findMany({
    where: { paidAt: { not: null }, confirmedAt: null, confirmAfter: { lte: now } },
    select: { shopDomain: true, orderShopifyId: true },
    take,
  });
}
