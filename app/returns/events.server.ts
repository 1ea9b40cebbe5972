import type { Tx } from "../db.server";
import { emit } from "../platform/events/index.server";

/**
 * The domain events of a return (app/platform/events/catalog.ts). Every place that changes a
 * return's status writes the matching event here, in the transaction that changes it, and only
 * when the guarded update moved the row: a duplicate or stale delivery emits nothing.
 */

/** The events whose data names only the return and its order. */
type ReturnMoveEvent =
  | "return.approved"
  | "return.in_transit"
  | "return.received"
  | "return.declined"
  | "return.cancelled"
  | "return.closed"
  | "return.reopened";

/** The event a return reaching each status (other than requested) is announced with. */
const STATUS_EVENT: Record<string, ReturnMoveEvent> = {
  open: "return.approved",
  in_transit: "return.in_transit",
  received: "return.received",
  declined: "return.declined",
  cancelled: "return.cancelled",
  closed: "return.closed",
};

interface ReturnIdentity {
  shopDomain: string;
  id: string;
  orderShopifyId: string;
  source: string;
}

/**
 * Announces that the return reached `status`; `reopened` for Shopify's returns/reopen (closed →
 * open), which is no approval.
 */
export async function emitReturnMoved(
  tx: Tx,
  request: ReturnIdentity,
  status: string,
  options: { reopened?: boolean } = {},
): Promise<void> {
  const ref = { returnId: request.id, orderId: request.orderShopifyId };
  const base = { shop: request.shopDomain, aggregateId: request.id };
  if (status === "requested") {
    await emit(tx, { ...base, type: "return.requested", data: { ...ref, source: request.source } });
    return;
  }
  const type = options.reopened ? "return.reopened" : STATUS_EVENT[status];
  if (!type) throw new Error(`No event for a return moving to "${status}"`);
  await emit(tx, { ...base, type, data: ref });
}

/**
 * Announces a new return: requested, and approved as well when the policy let it skip approval
 * (or Shopify already had it further along).
 */
export async function emitReturnRecorded(
  tx: Tx,
  request: ReturnIdentity & { status: string },
): Promise<void> {
  await emitReturnMoved(tx, request, "requested");
  if (request.status !== "requested") await emitReturnMoved(tx, request, request.status);
}

/** Announces the money a processed return gave back: refunds and store credit together. */
export async function emitReturnRefunded(
  tx: Tx,
  request: ReturnIdentity,
  refund: { currency: string; amount: number },
): Promise<void> {
  await emit(tx, {
    type: "return.refunded",
    shop: request.shopDomain,
    aggregateId: request.id,
    data: { returnId: request.id, orderId: request.orderShopifyId, ...refund },
  });
}

/** Announces that the shopper paid a shop-now exchange's difference (its draft became an order). */
export async function emitExchangePaid(
  tx: Tx,
  request: Pick<ReturnIdentity, "shopDomain" | "id" | "orderShopifyId">,
  payment: { exchangeOrderId: string; currency: string; amount: number },
): Promise<void> {
  await emit(tx, {
    type: "return.exchange_paid",
    shop: request.shopDomain,
    aggregateId: request.id,
    data: { returnId: request.id, orderId: request.orderShopifyId, ...payment },
  });
}
