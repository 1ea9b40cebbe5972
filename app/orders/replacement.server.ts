import { db } from "../db.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { adminOperation } from "../platform/shopify/admin-operation";
import { userErrorText, type UserError } from "../platform/shopify/admin-gateway.server";
import { fromGid, toGid } from "../platform/shopify/gid";
import { parseAddress } from "./orders.server";

/**
 * A replacement order at no charge: a draft order at 100 % off, then completed. Shopify has no
 * other way for an app to create an order the shopper does not pay for, and a draft prices the
 * lines itself, so a total above zero (a variant repriced, a rounding) is caught before anything
 * ships. Used for warranty replacements and for reshipping a lost or damaged parcel.
 */

/** https://shopify.dev/docs/api/admin-graphql/latest/input-objects/DraftOrderInput (the fields we send). */
interface ReplacementDraftInput {
  email?: string;
  purchasingEntity?: { customerId: string };
  lineItems: { variantId: string; quantity: number }[];
  appliedDiscount: {
    value: number;
    valueType: "PERCENTAGE";
    title: string;
    description: string;
  };
  shippingAddress?: {
    firstName?: string;
    lastName?: string;
    company?: string;
    address1?: string;
    address2?: string;
    city?: string;
    provinceCode?: string;
    zip?: string;
    countryCode?: string;
    phone?: string;
  };
  note: string;
  tags: string[];
}

const ReplacementDraftCreate = adminOperation<
  {
    draftOrderCreate: {
      draftOrder: { id: string; totalPriceSet: { shopMoney: { amount: string } } } | null;
      userErrors: UserError[];
    } | null;
  },
  { input: ReplacementDraftInput }
>(`#graphql
  mutation OrdersReplacementDraftCreate($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder { id totalPriceSet { shopMoney { amount currencyCode } } }
      userErrors { field message }
    }
  }
`);

const ReplacementDraftComplete = adminOperation<
  {
    draftOrderComplete: {
      draftOrder: { id: string; status: string; order: { id: string; name: string } | null } | null;
      userErrors: UserError[];
    } | null;
  },
  { id: string }
>(`#graphql
  mutation OrdersReplacementDraftComplete($id: ID!) {
    draftOrderComplete(id: $id) {
      draftOrder { id status order { id name } }
      userErrors { field message }
    }
  }
`);

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
  const created = await adminGateway.request(shopDomain, ReplacementDraftCreate, {
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
      ...(address
        ? {
            shippingAddress: {
              firstName: address.first_name ?? undefined,
              lastName: address.last_name ?? undefined,
              company: address.company ?? undefined,
              address1: address.address1 ?? undefined,
              address2: address.address2 ?? undefined,
              city: address.city ?? undefined,
              provinceCode: address.province_code ?? undefined,
              zip: address.zip ?? undefined,
              countryCode: address.country_code ?? undefined,
              phone: address.phone ?? undefined,
            },
          }
        : {}),
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
  const completed = await adminGateway.request(shopDomain, ReplacementDraftComplete, {
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
