import { z } from "zod";
import { db } from "../db.server";
import { jobs } from "../platform/jobs/queue.server";
import { PermanentJobError, defineJob } from "../platform/jobs/types";
import { log } from "../platform/logging/logger.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { fromGid, toGid } from "../platform/shopify/gid";
import { fromMinorUnits } from "../platform/shopify/money";
import {
  ReturnApproveRequestMutation,
  ReturnContextQuery,
  ReturnCreateMutation,
  ReturnDeclineRequestMutation,
  ReturnProcessMutation,
  ReturnReasonDefinitionsQuery,
  ReturnRequestMutation,
  ReturnableFulfillmentsQuery,
  type ReturnLineItemInput,
  type ReturnProcessInput,
} from "./operations";
import { exchangeRemainder } from "./exchange-settlement.server";
import { userErrorText } from "../platform/shopify/admin-gateway.server";

/**
 * Keeps Shopify's Return in step with ours: a return recorded here is created in Shopify by a
 * job (returnCreate when it is open, returnRequest when it waits for approval), and the
 * merchant's actions call the matching mutation before our status moves.
 */

const RETURN_STATUS_FROM_SHOPIFY: Record<string, string> = {
  REQUESTED: "requested",
  OPEN: "open",
  DECLINED: "declined",
  CANCELED: "cancelled",
  CLOSED: "closed",
};

export function localStatus(shopifyStatus: string): string | null {
  return RETURN_STATUS_FROM_SHOPIFY[shopifyStatus.toUpperCase()] ?? null;
}

/** The fulfillment line item each of our lines is returned against, by order line item. */
async function fulfillmentLineItems(
  shop: string,
  orderShopifyId: string,
  lines: { id: string; lineItemShopifyId: string; quantity: number }[],
): Promise<Map<string, string>> {
  const result = await adminGateway.request(shop, ReturnableFulfillmentsQuery, {
    orderId: toGid("Order", orderShopifyId),
  });
  const available = result.returnableFulfillments.nodes.flatMap((fulfillment) =>
    fulfillment.returnableFulfillmentLineItems.nodes.map((node) => ({
      id: node.fulfillmentLineItem.id,
      lineItemId: fromGid(node.fulfillmentLineItem.lineItem.id),
      left: node.quantity,
    })),
  );
  const chosen = new Map<string, string>();
  for (const line of lines) {
    const match = available.find(
      (item) => item.lineItemId === line.lineItemShopifyId && item.left >= line.quantity,
    );
    if (!match) {
      throw new PermanentJobError(
        `Shopify has no returnable fulfillment for line item ${line.lineItemShopifyId} ×${line.quantity}`,
      );
    }
    match.left -= line.quantity;
    chosen.set(line.id, match.id);
  }
  return chosen;
}

/** Our reason handles as Shopify's reason definition ids; unknown handles become "other". */
async function reasonDefinitionIds(shop: string, handles: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set([...handles, "other"])];
  const result = await adminGateway.request(shop, ReturnReasonDefinitionsQuery, {
    handles: wanted,
  });
  const byHandle = new Map(
    result.returnReasonDefinitions.nodes
      .filter((definition) => !definition.deleted)
      .map((definition) => [definition.handle, definition.id]),
  );
  const other = byHandle.get("other");
  return new Map(
    handles.map((handle) => {
      const id = byHandle.get(handle) ?? other;
      if (!id) throw new PermanentJobError(`Shopify has no return reason "${handle}" nor "other"`);
      return [handle, id];
    }),
  );
}

const ReturnJob = z.object({ shop: z.string(), returnId: z.string() });

export const createShopifyReturn = defineJob({
  name: "returns.create-in-shopify",
  schema: ReturnJob,
  retryLimit: 8,
  retryDelaySeconds: 15,
  async run({ shop, returnId }) {
    const request = await db.returnRequest.findFirst({
      where: { id: returnId, shopDomain: shop },
      include: { lines: true },
    });
    // Already in Shopify (an earlier run, or Shopify told us first), or no longer wanted; a
    // warranty claim is no Shopify return (./warranty.server.ts).
    if (!request || request.shopifyId || request.kind === "warranty") return;
    if (request.status !== "requested" && request.status !== "open") return;
    // Shopify's returnRequest takes no exchange items: a return with an exchange that waits for
    // approval reaches Shopify once approved, through returnCreate (queued by approveReturn).
    const holdsExchange = request.lines.some((line) => line.resolution === "exchange");
    if (request.status === "requested" && holdsExchange) return;

    const fulfillmentIds = await fulfillmentLineItems(shop, request.orderShopifyId, request.lines);
    const reasons = await reasonDefinitionIds(
      shop,
      request.lines.map((line) => line.reason),
    );
    // Stored before the call: Shopify's returns/request webhook can arrive before the mutation
    // answers, and the webhook sync recognises our return by these ids.
    for (const line of request.lines) {
      await db.returnLine.update({
        where: { id: line.id },
        data: { fulfillmentLineItemShopifyId: fromGid(fulfillmentIds.get(line.id)!) },
      });
    }
    const lineInputs = request.lines.map((line) => ({
      fulfillmentLineItemId: fulfillmentIds.get(line.id)!,
      quantity: line.quantity,
      returnReasonDefinitionId: reasons.get(line.reason)!,
      note: line.customerNote ?? undefined,
    }));
    const returnShippingFee =
      request.shippingFee > 0
        ? {
            amount: {
              amount: fromMinorUnits(request.shippingFee, request.currency),
              currencyCode: request.currency,
            },
          }
        : undefined;
    const orderId = toGid("Order", request.orderShopifyId);
    let payload;
    if (request.status === "open") {
      const result = await adminGateway.request(shop, ReturnCreateMutation, {
        returnInput: {
          orderId,
          requestedAt: request.requestedAt.toISOString(),
          returnLineItems: lineInputs.map(({ note, ...line }): ReturnLineItemInput =>
            note ? { ...line, returnReasonNote: note } : line,
          ),
          exchangeLineItems: request.lines
            .filter((line) => line.resolution === "exchange" && line.exchangeVariantId)
            .map((line) => ({
              variantId: toGid("ProductVariant", line.exchangeVariantId!),
              quantity: line.quantity,
            })),
          returnShippingFee,
        },
      });
      payload = result.returnCreate;
    } else {
      const result = await adminGateway.request(shop, ReturnRequestMutation, {
        input: {
          orderId,
          returnLineItems: lineInputs.map(({ note, ...line }) =>
            note ? { ...line, customerNote: note } : line,
          ),
          returnShippingFee,
        },
      });
      payload = result.returnRequest;
    }
    if (!payload?.return || payload.userErrors.length) {
      throw new PermanentJobError(
        `Shopify did not accept the return: ${payload ? userErrorText(payload.userErrors) : "empty answer"}`,
      );
    }
    await linkShopifyReturn(shop, returnId, payload.return);
  },
  async onFinalFailure({ shop, returnId }, error) {
    log().warn({ shop, returnId, error: error.message }, "Return not created in Shopify");
    await db.returnEvent.create({
      data: { shopDomain: shop, returnId, kind: "note", actor: "system", detail: error.message },
    });
  },
});

/** Records Shopify's ids for our return and its lines (matched by fulfillment line item). */
export async function linkShopifyReturn(
  shop: string,
  returnId: string,
  shopifyReturn: {
    id: string;
    status: string;
    returnLineItems: {
      nodes: { id: string; quantity: number; fulfillmentLineItem?: { id: string } | null }[];
    };
  },
) {
  const lines = await db.returnLine.findMany({ where: { returnId, shopDomain: shop } });
  const remaining = [...shopifyReturn.returnLineItems.nodes];
  await db.$transaction(async (tx) => {
    await tx.returnRequest.updateMany({
      where: { id: returnId, shopDomain: shop },
      data: { shopifyId: fromGid(shopifyReturn.id), shopifyStatus: shopifyReturn.status },
    });
    for (const line of lines) {
      const index = remaining.findIndex(
        (node) =>
          node.fulfillmentLineItem &&
          fromGid(node.fulfillmentLineItem.id) === line.fulfillmentLineItemShopifyId &&
          node.quantity === line.quantity,
      );
      if (index < 0) continue;
      const [node] = remaining.splice(index, 1);
      await tx.returnLine.update({
        where: { id: line.id },
        data: { shopifyId: fromGid(node!.id) },
      });
    }
  });
}

/**
 * Queues the creation of a return in Shopify: once when it is recorded, once more when the
 * merchant approves one that was held back (the job does nothing once Shopify knows it).
 */
export async function queueShopifyReturn(
  shop: string,
  returnId: string,
  moment: "recorded" | "approved" = "recorded",
) {
  await jobs.send(
    createShopifyReturn,
    { shop, returnId },
    { idempotencyKey: moment === "recorded" ? returnId : `${returnId}:${moment}` },
  );
}

export type ShopifyAnswer = { ok: true } | { ok: false; message: string };

/** Shopify's status as its answer gave it (ReturnRequest.shopifyStatus). */
async function recordShopifyStatus(
  shop: string,
  shopifyId: string,
  status: string,
): Promise<ShopifyAnswer> {
  await db.returnRequest.updateMany({
    where: { shopDomain: shop, shopifyId },
    data: { shopifyStatus: status },
  });
  return { ok: true };
}

export async function approveInShopify(shop: string, shopifyId: string): Promise<ShopifyAnswer> {
  const result = await adminGateway.request(shop, ReturnApproveRequestMutation, {
    input: { id: toGid("Return", shopifyId) },
  });
  const payload = result.returnApproveRequest;
  if (payload?.return?.status === "OPEN") return recordShopifyStatus(shop, shopifyId, "OPEN");
  return { ok: false, message: `Shopify refused: ${userErrorText(payload?.userErrors ?? [])}` };
}

export async function declineInShopify(
  shop: string,
  shopifyId: string,
  reason: string,
): Promise<ShopifyAnswer> {
  const result = await adminGateway.request(shop, ReturnDeclineRequestMutation, {
    input: {
      id: toGid("Return", shopifyId),
      declineReason: "OTHER",
      declineNote: reason,
      notifyCustomer: false,
    },
  });
  const payload = result.returnDeclineRequest;
  if (payload?.return?.status === "DECLINED") {
    return recordShopifyStatus(shop, shopifyId, "DECLINED");
  }
  return { ok: false, message: `Shopify refused: ${userErrorText(payload?.userErrors ?? [])}` };
}

/** What the shopper gets back: refund lines (and kept items) and store credit, less the fee. */
function moneyBack(
  request: {
    shippingFee: number;
    lines: { resolution: string; amount: number }[];
  },
  // A shop-now exchange's credit left over (./shop-now.server.ts), as the policy says.
  remainder: { refund: number; credit: number } = { refund: 0, credit: 0 },
) {
  const sum = (kinds: string[]) =>
    request.lines
      .filter((line) => kinds.includes(line.resolution))
      .reduce((total, line) => total + line.amount, 0);
  const refund = sum(["refund", "keep"]) + remainder.refund;
  const feeFromRefund = Math.min(refund, request.shippingFee);
  return {
    refund: refund - feeFromRefund,
    credit: Math.max(
      0,
      sum(["store_credit"]) + remainder.credit - (request.shippingFee - feeFromRefund),
    ),
  };
}

export async function refundedAmount(shop: string, returnId: string): Promise<number> {
  const request = await db.returnRequest.findFirst({
    where: { id: returnId, shopDomain: shop },
    include: { lines: true },
  });
  if (!request) return 0;
  const { refund, credit } = moneyBack(request, await exchangeRemainder(shop, returnId));
  return refund + credit;
}

/**
 * Processes the return in Shopify with the amounts the server computed at submission: refund
 * lines (and kept items) to the original payment, store credit lines as store credit (bonus
 * included), exchanges through their exchange line items. The return shipping fee comes off the
 * refund first, then off the credit.
 */
export async function processInShopify(shop: string, returnId: string): Promise<ShopifyAnswer> {
  const request = await db.returnRequest.findFirst({
    where: { id: returnId, shopDomain: shop },
    include: { lines: true },
  });
  if (!request?.shopifyId) return { ok: false, message: "Return not found" };
  const context = await adminGateway.request(shop, ReturnContextQuery, {
    id: toGid("Return", request.shopifyId),
  });
  const shopifyReturn = context.return;
  if (!shopifyReturn) return { ok: false, message: "Shopify no longer has this return" };
  // Processed already (an earlier attempt whose answer we lost): nothing to send again.
  if (shopifyReturn.status === "CLOSED") return { ok: true };

  const { refund, credit } = moneyBack(request, await exchangeRemainder(shop, returnId));

  const money = (minor: number) => ({
    amount: fromMinorUnits(minor, request.currency),
    currencyCode: request.currency,
  });
  const input: ReturnProcessInput = {
    returnId: shopifyReturn.id,
    returnLineItems: shopifyReturn.returnLineItems.nodes.map((node) => ({
      id: node.id,
      quantity: node.quantity,
    })),
    exchangeLineItems: shopifyReturn.exchangeLineItems.nodes.map((node) => ({
      id: node.id,
      quantity: node.quantity,
    })),
    // The shopper hears about it from Aftercare's own return email.
    notifyCustomer: false,
  };
  if (refund > 0 || credit > 0) {
    const payment = shopifyReturn.order.transactions.find(
      (transaction) =>
        (transaction.kind === "SALE" || transaction.kind === "CAPTURE") &&
        transaction.status === "SUCCESS",
    );
    if (refund > 0 && !payment) {
      return { ok: false, message: "The order has no captured payment to refund" };
    }
    input.financialTransfer = {
      issueRefund: {
        orderTransactions:
          refund > 0 ? [{ parentId: payment!.id, transactionAmount: money(refund) }] : [],
        refundMethods: credit > 0 ? [{ storeCreditRefund: { amount: money(credit) } }] : [],
      },
    };
  }
  const result = await adminGateway.request(shop, ReturnProcessMutation, { input });
  const payload = result.returnProcess;
  if (!payload?.return || payload.userErrors.length) {
    return { ok: false, message: `Shopify refused: ${userErrorText(payload?.userErrors ?? [])}` };
  }
  return recordShopifyStatus(shop, request.shopifyId, payload.return.status);
}

export const RETURN_JOBS = [createShopifyReturn];
