import { db } from "../db.server";
import { adminGateway } from "../platform/shopify/admin.server";
import {
  DraftOrderCompleteMutation,
  DraftOrderCreateMutation,
  draftShippingAddress,
} from "../platform/shopify/draft-orders";
import { userErrorText } from "../platform/shopify/admin-gateway.server";
import { fromGid, toGid } from "../platform/shopify/gid";
import { parseAddress } from "./orders.server";

/**
 * A replacement order at no charge: a draft order at 100 % off, then completed. Shopify has no
 * other way for an app to create an order the shopper does not pay for, and a draft prices the
 * lines itself, so a total above zero (a variant repriced, a rounding) is caught before anything
 * ships. Used for warranty replacements and for reshipping a lost or damaged parcel.
 */

export interface ReplacementRequest {
  /** The order the replacement stands in for: its shopper, e-mail and shipping address. */
  orderShopifyId: string;
  /** Numeric variant ids. */
  lines: { variantId: string; quantity: number }[];
  /** The discount's title, shown to the merchant in Shopify ("Warranty replacement"). */
  title: string;
  description: string;
  note: string;
  tag: string;
  /** Used when the order is not stored (yet) or has no e-mail or customer. */
  email?: string | null;
  customerShopifyId?: string | null;
}

export type ReplacementResult =
  { ok: true; order: { id: string; name: string } } | { ok: false; message: string };

export async function placeReplacementOrder(
  shopDomain: string,
  request: ReplacementRequest,
): Promise<ReplacementResult> {
  if (request.lines.length === 0) {
    return { ok: false, message: "Nothing to send: no item has a variant to order again" };
  }
  const order = await db.order.findUnique({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId: request.orderShopifyId } },
    select: { email: true, shippingAddress: true, customer: { select: { shopifyId: true } } },
  });
  const address = parseAddress(order?.shippingAddress ?? null);
  const email = request.email ?? order?.email ?? null;
  const customerId = request.customerShopifyId ?? order?.customer?.shopifyId ?? null;
  const created = await adminGateway.request(shopDomain, DraftOrderCreateMutation, {
    input: {
      ...(email ? { email } : {}),
      ...(customerId ? { purchasingEntity: { customerId: toGid("Customer", customerId) } } : {}),
      lineItems: request.lines.map((line) => ({
        variantId: toGid("ProductVariant", line.variantId),
        quantity: line.quantity,
      })),
      appliedDiscount: {
        value: 100,
        valueType: "PERCENTAGE",
        title: request.title,
        description: request.description,
      },
      ...draftShippingAddress(address),
      note: request.note,
      tags: [request.tag],
    },
  });
  const draft = created.draftOrderCreate;
  if (!draft?.draftOrder || draft.userErrors.length) {
    return { ok: false, message: `Shopify refused: ${userErrorText(draft?.userErrors ?? [])}` };
  }
  if (Number(draft.draftOrder.totalPriceSet.shopMoney.amount) !== 0) {
    return { ok: false, message: "Shopify priced the replacement above zero; nothing was ordered" };
  }
  const completed = await adminGateway.request(shopDomain, DraftOrderCompleteMutation, {
    id: draft.draftOrder.id,
  });
  const done = completed.draftOrderComplete;
  if (!done?.draftOrder?.order || done.userErrors.length) {
    return { ok: false, message: `Shopify refused: ${userErrorText(done?.userErrors ?? [])}` };
  }
  return {
    ok: true,
    order: { id: fromGid(done.draftOrder.order.id), name: done.draftOrder.order.name },
  };
}
