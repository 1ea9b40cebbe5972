import { z } from "zod";
import { db } from "../db.server";
import { parseAddress } from "../orders/index.server";
import { userErrorText } from "../platform/shopify/admin-gateway.server";
import { adminGateway } from "../platform/shopify/admin.server";
import { DraftOrderCreateMutation, draftShippingAddress } from "../platform/shopify/draft-orders";
import { fromGid, toGid } from "../platform/shopify/gid";
import { fromMinorUnits, toMinorUnits } from "../platform/shopify/money";
import { webhookHandler } from "../webhooks/types";
import {
  DraftOrderInvoiceSendMutation,
  ShopNowSearchQuery,
  ShopNowVariantsQuery,
} from "./operations";
import { signalsForCustomer } from "./abuse.server";
import { emitExchangePaid } from "./events.server";
import { loadPolicy } from "./returns.server";

/**
 * Shop-now exchanges: instead of getting the returned value back, the shopper spends it, plus
 * the policy's bonus, on any product of the catalog (not only another variant of the item).
 *
 * The new items go out as a Shopify draft order with an order-level discount equal to the
 * credit (draftOrderCreate), so Shopify prices, taxes and ships them like any order:
 * - new items costing more than the credit: the draft's invoice (draftOrderInvoiceSend) is the
 *   payment link for the difference; the shopper paying it completes the draft in Shopify and
 *   draft_orders/update (status "completed", order_id) marks the exchange paid, once
 *   (return.exchange_paid);
 * - no balance to pay: the draft is completed (draftOrderComplete) when the return is processed,
 *   that is after the returned items came back, as any exchange;
 * - credit left over: becomes store credit or a refund when the return is processed, as the
 *   policy says (a refund never includes the bonus: it is only worth spending).
 * Only variants Shopify can sell now are offered, and they are checked again at confirmation.
 *
 * Instant exchanges (policy `shopNow.instantFor: "trusted"`, customers the abuse signals do not
 * flag, ./abuse.ts): the new items ship before the return arrives. Shopify gives an app no card
 * hold or deferred charge on a shopper's payment method, and a zero-value order for goods not
 * yet returned would leave the merchant nothing to recover if the parcel never comes. What an
 * app can do is the draft order's invoice: the new items are invoiced at full price now
 * (draftOrderInvoiceSend, no credit applied) and ship once paid, like any order; the return
 * itself keeps its refund or store-credit lines, so when it is received and processed the
 * returned value goes back to the original payment (or as store credit) through returnProcess,
 * and the bonus follows as store credit only if the exchange was paid. A return that never
 * arrives is never processed: the shopper has paid for what they received, the merchant risks
 * nothing. The cost is that the shopper pays twice for a while, which is why it is offered,
 * never imposed: the standard exchange stays on the same page.
 */

const OPEN_STATUSES = ["requested", "open"];
const SPENDABLE = ["refund", "store_credit"];

export interface ShopNowOffer {
  returnId: string;
  currency: string;
  returnedValue: number;
  bonus: number;
  credit: number;
  remainderAs: "store_credit" | "refund";
  /** The customer may take the instant exchange (pay now, refunded when the return is in). */
  instant: boolean;
}

/** What a return may spend on the catalog now, or null when shop-now is not offered for it. */
export async function shopNowOffer(
  shopDomain: string,
  returnId: string,
): Promise<ShopNowOffer | null> {
  const policy = await loadPolicy(shopDomain);
  if (!policy.shopNow.enabled) return null;
  const ret = await db.returnRequest.findFirst({
    where: { id: returnId, shopDomain },
    include: { lines: true, exchange: { select: { id: true } } },
  });
  if (!ret || ret.kind !== "return" || ret.exchange || !OPEN_STATUSES.includes(ret.status)) {
    return null;
  }
  const returnedValue = ret.lines
    .filter((line) => SPENDABLE.includes(line.resolution))
    .reduce((sum, line) => sum + line.amount - line.bonus, 0);
  if (returnedValue <= 0) return null;
  const bonus =
    Math.round((returnedValue * policy.shopNow.bonusPercent) / 100) + policy.shopNow.bonusAmount;
  // Trusted: the customer is known and none of the abuse signals is raised.
  const signals =
    policy.shopNow.instantFor === "trusted"
      ? await signalsForCustomer(
          shopDomain,
          { customerShopifyId: ret.customerShopifyId, email: ret.email },
          policy.abuse,
        )
      : null;
  return {
    instant: signals !== null && signals.signals.length === 0,
    returnId: ret.id,
    currency: ret.currency,
    returnedValue,
    bonus,
    credit: returnedValue + bonus,
    remainderAs: policy.shopNow.remainderAs,
  };
}

export interface ShopNowVariant {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  /** Minor units. */
  price: number;
}

type VariantNode = {
  availableForSale: boolean;
  inventoryQuantity: number | null;
  inventoryPolicy: "DENY" | "CONTINUE";
};

/** Units Shopify would sell now: none when not for sale, any when untracked or oversold. */
function unitsOnSale(variant: VariantNode): number {
  if (!variant.availableForSale) return 0;
  if (variant.inventoryPolicy === "CONTINUE" || variant.inventoryQuantity === null) {
    return Number.POSITIVE_INFINITY;
  }
  return Math.max(0, variant.inventoryQuantity);
}

/** Shopify search syntax: the shopper's words as plain terms, quoted; active products only. */
function searchQuery(term: string) {
  const words = term
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5);
  return [...words.map((word) => `"${word}"`), "status:active"].join(" ");
}

/** Catalog variants on sale now that match the shopper's search (sold-out ones never listed). */
export async function searchCatalog(
  shopDomain: string,
  term: string,
  currency: string,
): Promise<ShopNowVariant[]> {
  const result = await adminGateway.request(shopDomain, ShopNowSearchQuery, {
    query: searchQuery(term),
  });
  return result.products.nodes.flatMap((product) =>
    product.variants.nodes
      .filter((variant) => unitsOnSale(variant) > 0)
      .map((variant) => ({
        variantId: fromGid(variant.id),
        productTitle: product.title,
        variantTitle: variant.title,
        price: toMinorUnits(variant.price, currency),
      })),
  );
}

export type ConfirmResult =
  | { ok: true; status: "awaiting_payment" | "ready"; invoiceUrl: string | null }
  | { ok: false; problem: "notOffered" | "soldOut" | "shopify"; message?: string };

interface ExchangeItem {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  quantity: number;
  unitPrice: number;
}

/**
 * The shopper confirms the variant they want: its stock is read again from Shopify, and a
 * sold-out choice creates nothing. Then the draft order is made (and its invoice sent when the
 * shopper owes a difference) and the return's spent lines become the exchange.
 */
export async function confirmShopNow(
  shopDomain: string,
  returnId: string,
  choice: { variantId: string; quantity: number; instant?: boolean },
): Promise<ConfirmResult> {
  const offer = await shopNowOffer(shopDomain, returnId);
  if (!offer || !/^\d{1,20}$/.test(choice.variantId)) return { ok: false, problem: "notOffered" };
  const instant = choice.instant === true;
  if (instant && !offer.instant) return { ok: false, problem: "notOffered" };
  const quantity = Math.trunc(choice.quantity);
  if (!(quantity >= 1 && quantity <= 10)) return { ok: false, problem: "notOffered" };
  const checked = await adminGateway.request(shopDomain, ShopNowVariantsQuery, {
    ids: [toGid("ProductVariant", choice.variantId)],
  });
  const variant = checked.nodes[0];
  if (!variant?.id || unitsOnSale(variant) < quantity) return { ok: false, problem: "soldOut" };

  const item: ExchangeItem = {
    variantId: choice.variantId,
    productTitle: variant.product.title,
    variantTitle: variant.title,
    quantity,
    unitPrice: toMinorUnits(variant.price, offer.currency),
  };
  const subtotal = item.unitPrice * quantity;
  // Instant: nothing is credited on the new order; the return refunds its value when processed
  // and the bonus follows as store credit.
  const covered = instant ? 0 : Math.min(offer.credit, subtotal);
  const upcharge = subtotal - covered;
  // A refund gives back at most what was paid and not spent: the bonus is only worth spending.
  const remainder = instant
    ? offer.bonus
    : offer.remainderAs === "refund"
      ? Math.max(0, offer.returnedValue - covered)
      : offer.credit - covered;
  const remainderAs = instant ? "store_credit" : offer.remainderAs;

  const ret = await db.returnRequest.findFirstOrThrow({ where: { id: returnId, shopDomain } });
  const order = await db.order.findUnique({
    where: { shopDomain_shopifyId: { shopDomain, shopifyId: ret.orderShopifyId } },
    select: { shippingAddress: true, email: true, customer: { select: { shopifyId: true } } },
  });
  const email = ret.email ?? order?.email ?? null;
  const customerId = ret.customerShopifyId ?? order?.customer?.shopifyId ?? null;
  const address = parseAddress(order?.shippingAddress ?? null);
  const created = await adminGateway.request(shopDomain, DraftOrderCreateMutation, {
    input: {
      ...(email ? { email } : {}),
      ...(customerId ? { purchasingEntity: { customerId: toGid("Customer", customerId) } } : {}),
      lineItems: [{ variantId: toGid("ProductVariant", item.variantId), quantity }],
      ...(covered > 0
        ? {
            appliedDiscount: {
              value: Number(fromMinorUnits(covered, offer.currency)),
              valueType: "FIXED_AMOUNT" as const,
              title: "Return credit",
              description: `Exchange for the return on ${ret.orderName}`,
            },
          }
        : {}),
      ...draftShippingAddress(address),
      note: `Shop-now exchange for ${ret.orderName} (Aftercare return ${ret.id})`,
      tags: ["aftercare-exchange"],
    },
  });
  const draft = created.draftOrderCreate;
  if (!draft?.draftOrder || draft.userErrors.length) {
    return {
      ok: false,
      problem: "shopify",
      message: `Shopify refused: ${userErrorText(draft?.userErrors ?? [])}`,
    };
  }
  let invoiceUrl: string | null = null;
  if (upcharge > 0) {
    const sent = await adminGateway.request(shopDomain, DraftOrderInvoiceSendMutation, {
      id: draft.draftOrder.id,
    });
    const payload = sent.draftOrderInvoiceSend;
    if (!payload?.draftOrder || payload.userErrors.length) {
      return {
        ok: false,
        problem: "shopify",
        message: `Shopify refused: ${userErrorText(payload?.userErrors ?? [])}`,
      };
    }
    invoiceUrl = payload.draftOrder.invoiceUrl;
  }
  const status = upcharge > 0 ? "awaiting_payment" : "ready";
  const now = new Date();
  await db.$transaction([
    db.returnExchange.create({
      data: {
        shopDomain,
        returnId,
        status,
        currency: offer.currency,
        returnedValue: offer.returnedValue,
        bonus: offer.bonus,
        credit: offer.credit,
        subtotal,
        upcharge,
        remainder,
        remainderAs,
        instant,
        items: JSON.stringify([item]),
        draftOrderShopifyId: fromGid(draft.draftOrder.id),
        invoiceUrl,
      },
    }),
    // Spent on the exchange, unless instant: then the return refunds its value as it said.
    db.returnLine.updateMany({
      where: { shopDomain, returnId, resolution: { in: instant ? [] : SPENDABLE } },
      data: { resolution: "exchange" },
    }),
    db.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: "exchange_chosen",
        actor: "shopper",
        detail: `${instant ? "Instant: " : ""}${item.productTitle} – ${item.variantTitle} × ${quantity}`,
        occurredAt: now,
      },
    }),
  ]);
  return { ok: true, status, invoiceUrl };
}

export function exchangeItems(items: string): ExchangeItem[] {
  return z
    .array(
      z.object({
        variantId: z.string(),
        productTitle: z.string(),
        variantTitle: z.string(),
        quantity: z.number(),
        unitPrice: z.number(),
      }),
    )
    .parse(JSON.parse(items));
}

const shopifyId = z.union([z.string(), z.number()]).transform(String);

/**
 * draft_orders/update carries the REST DraftOrder
 * (https://shopify.dev/docs/api/admin-rest/latest/resources/draftorder): `status` becomes
 * "completed" and `order_id` is set once the invoice is paid. A duplicate or a later update
 * finds the exchange already paid and changes nothing.
 */
export const markExchangePaid = webhookHandler(
  "returns.exchange-paid",
  z
    .object({
      admin_graphql_api_id: z.string().startsWith("gid://shopify/DraftOrder/"),
      status: z.string(),
      order_id: shopifyId.nullish(),
      name: z.string().nullish(),
    })
    .passthrough(),
  async ({ shop, payload }) => {
    if (payload.status !== "completed" || !payload.order_id) return;
    const exchange = await db.returnExchange.findUnique({
      where: {
        shopDomain_draftOrderShopifyId: {
          shopDomain: shop,
          draftOrderShopifyId: fromGid(payload.admin_graphql_api_id),
        },
      },
    });
    if (!exchange) return;
    const now = new Date();
    await db.$transaction(async (tx) => {
      const paid = await tx.returnExchange.updateMany({
        where: { id: exchange.id, status: "awaiting_payment" },
        data: { status: "paid", paidAt: now, orderShopifyId: payload.order_id! },
      });
      if (paid.count === 0) return;
      const ret = await tx.returnRequest.findUniqueOrThrow({
        where: { id: exchange.returnId },
        select: { orderShopifyId: true },
      });
      await emitExchangePaid(
        tx,
        { shopDomain: shop, id: exchange.returnId, orderShopifyId: ret.orderShopifyId },
        {
          exchangeOrderId: payload.order_id!,
          currency: exchange.currency,
          amount: exchange.upcharge,
        },
      );
      await tx.returnEvent.create({
        data: {
          shopDomain: shop,
          returnId: exchange.returnId,
          kind: "exchange_paid",
          actor: "shopper",
          occurredAt: now,
        },
      });
    });
  },
);
