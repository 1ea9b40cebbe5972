import { db } from "../db.server";
import { userErrorText } from "../platform/shopify/admin-gateway.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { fromGid, toGid } from "../platform/shopify/gid";
import { DraftOrderCompleteMutation } from "../platform/shopify/draft-orders";

/**
 * What processing a return owes a shop-now exchange (./shop-now.server.ts): its remainder, and its
 * order once nothing is left to pay. Kept apart from the shopper's side so the return's
 * processing does not import the portal's.
 */

/** What processing adds to the money back: the credit left over, as the policy said. */
export async function exchangeRemainder(shopDomain: string, returnId: string) {
  const exchange = await db.returnExchange.findFirst({ where: { shopDomain, returnId } });
  if (!exchange || exchange.remainder <= 0) return { refund: 0, credit: 0 };
  // An instant exchange's bonus is owed only once its new items were paid for.
  if (exchange.instant && exchange.status !== "paid") return { refund: 0, credit: 0 };
  return exchange.remainderAs === "refund"
    ? { refund: exchange.remainder, credit: 0 }
    : { refund: 0, credit: exchange.remainder };
}

/**
 * Once the return is processed, an exchange with nothing left to pay becomes its order
 * (draftOrderComplete). Claimed first, so a second processing never orders twice.
 */
export async function orderReadyExchange(shopDomain: string, returnId: string) {
  const exchange = await db.returnExchange.findFirst({
    where: { shopDomain, returnId, status: "ready" },
  });
  if (!exchange) return;
  const claimed = await db.returnExchange.updateMany({
    where: { id: exchange.id, status: "ready" },
    data: { status: "ordering" },
  });
  if (claimed.count === 0) return;
  const completed = await adminGateway
    .request(shopDomain, DraftOrderCompleteMutation, {
      id: toGid("DraftOrder", exchange.draftOrderShopifyId),
    })
    .catch(() => null);
  const done = completed?.draftOrderComplete;
  if (!done?.draftOrder?.order || done.userErrors.length) {
    await db.returnExchange.update({ where: { id: exchange.id }, data: { status: "ready" } });
    await db.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: "note",
        actor: "system",
        detail: `The exchange's order was not created: ${userErrorText(done?.userErrors ?? [])}`,
      },
    });
    return;
  }
  await db.$transaction([
    db.returnExchange.update({
      where: { id: exchange.id },
      data: {
        status: "ordered",
        orderShopifyId: fromGid(done.draftOrder.order.id),
        orderName: done.draftOrder.order.name,
      },
    }),
    db.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: "exchange_ordered",
        actor: "system",
        detail: done.draftOrder.order.name,
      },
    }),
  ]);
}
