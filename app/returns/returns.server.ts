import { z } from "zod";
import { db } from "../db.server";
import { transaction } from "../platform/events/index.server";
import {
  findShopperOrder,
  getOrder,
  normalizeEmail,
  orderAnswersToEmail,
} from "../orders/index.server";
import { orderDeliveryDates } from "../tracking/index.server";
import {
  RESOLUTIONS,
  ReturnPolicySchema,
  evaluateReturn,
  type ItemFacts,
  type OrderFacts,
  type ReturnDecision,
  type ReturnPolicy,
} from "./policy";
import { signalsForCustomer } from "./abuse.server";
import { emitReturnRecorded } from "./events.server";
import { storePhotos, type PreparedPhoto } from "./photos.server";
import { productFacts, type ExchangeVariant, type ProductCatalog } from "./products.server";
import { queueShopifyReturn } from "./shopify-returns.server";

/** A return is built from what the server knows; the shopper only names lines, counts and choices. */

export async function loadPolicy(shopDomain: string): Promise<ReturnPolicy> {
  const row = await db.returnPolicyVersion.findUnique({ where: { shopDomain } });
  return ReturnPolicySchema.parse(row ? JSON.parse(row.policy) : {});
}

export async function savePolicy(shopDomain: string, input: unknown): Promise<ReturnPolicy> {
  const policy = ReturnPolicySchema.parse(input);
  const json = JSON.stringify(policy);
  await db.returnPolicyVersion.upsert({
    where: { shopDomain },
    create: { shopDomain, policy: json },
    update: { policy: json },
  });
  return policy;
}

/** An order or product tagged so is final sale. */
const FINAL_SALE_TAGS = ["final-sale", "final sale"];

/** Statuses whose lines still hold units back from being returned again. */
const ACTIVE_STATUSES = ["requested", "open", "in_transit", "received", "closed"];

export interface ReturnableOrder {
  shopifyId: string;
  name: string;
  email: string | null;
  currency: string;
  facts: OrderFacts;
  items: ReturnableItem[];
}

export interface ReturnableItem extends ItemFacts {
  title: string;
  variantTitle: string | null;
  variantId: string | null;
  /** The product's other variants on sale now: what an exchange may send instead. */
  exchangeVariants: ExchangeVariant[];
}

/**
 * The order a shopper may return from, or null. A wrong email and a missing order get the same
 * answer, so the portal never tells whether an order number exists.
 */
export async function findReturnableOrder(
  shopDomain: string,
  orderNumber: string,
  email: string,
  catalog: ProductCatalog = productFacts,
): Promise<ReturnableOrder | null> {
  const found = await findShopperOrder(shopDomain, { orderNumber });
  if (!found || !orderAnswersToEmail(found, email)) return null;
  return returnableOrder(shopDomain, found.shopifyId, catalog);
}

export async function returnableOrder(
  shopDomain: string,
  orderShopifyId: string,
  catalog: ProductCatalog = productFacts,
): Promise<ReturnableOrder | null> {
  const order = await getOrder(shopDomain, orderShopifyId);
  if (!order || order.cancelledAt) return null;
  const [dates, claimed] = await Promise.all([
    orderDeliveryDates(shopDomain, orderShopifyId),
    db.returnLine.groupBy({
      by: ["lineItemShopifyId"],
      where: {
        shopDomain,
        returnRequest: { orderShopifyId, status: { in: ACTIVE_STATUSES } },
      },
      _sum: { quantity: true },
    }),
  ]);
  // The policy's customer conditions read the customer's history as it stands at this lookup.
  const customer = await signalsForCustomer(
    shopDomain,
    { customerShopifyId: order.customer?.shopifyId ?? null, email: order.email },
    (await loadPolicy(shopDomain)).abuse,
  );
  const claimedBy = new Map(claimed.map((row) => [row.lineItemShopifyId, row._sum.quantity ?? 0]));
  const products = await catalog(
    shopDomain,
    order.lineItems.flatMap((line) => (line.productId ? [line.productId] : [])),
    order.currency,
  );
  const orderTags = order.tags
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return {
    shopifyId: order.shopifyId,
    name: order.name,
    email: order.email,
    currency: order.currency,
    facts: {
      orderedAt: order.processedAt,
      ...dates,
      ...(customer
        ? {
            customer: {
              unitReturnRate: customer.unitReturnRate,
              serialReturner: customer.serialReturner,
            },
          }
        : {}),
    },
    items: order.lineItems
      .filter((line) => !line.giftCard && line.requiresShipping)
      .map((line) => {
        const product = line.productId ? products.get(line.productId) : undefined;
        const tags = product?.tags ?? [];
        return {
          lineItemId: line.shopifyId,
          title: line.title,
          variantTitle: line.variantTitle,
          variantId: line.variantId,
          // The discount is spread over the units: a refund never exceeds what was paid.
          unitPrice: line.price - Math.ceil(line.totalDiscount / Math.max(1, line.quantity)),
          returnableQuantity: Math.max(
            0,
            line.currentQuantity - (claimedBy.get(line.shopifyId) ?? 0),
          ),
          productTags: tags,
          productType: product?.productType ?? null,
          collectionIds: product?.collectionIds ?? [],
          discounted: line.totalDiscount > 0,
          finalSale: [...orderTags, ...tags].some((tag) => FINAL_SALE_TAGS.includes(tag)),
          exchangeVariants: (product?.availableVariants ?? []).filter(
            (variant) => variant.variantId !== line.variantId,
          ),
        };
      }),
  };
}

export const ReturnSubmissionSchema = z.object({
  idempotencyKey: z.string().trim().min(8).max(100),
  note: z.string().trim().max(1000).optional(),
  locale: z.string().max(10).optional(),
  lines: z
    .array(
      z.object({
        lineItemId: z.string().regex(/^\d{1,20}$/),
        quantity: z.coerce.number().int(),
        reason: z.string().trim().min(1).max(60),
        resolution: z.enum(RESOLUTIONS),
        exchangeVariantId: z
          .string()
          .regex(/^\d{1,20}$/)
          .optional(),
        customerNote: z.string().trim().max(300).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type ReturnSubmission = z.infer<typeof ReturnSubmissionSchema>;

/** Refusal for a line whose reason needs photos (the policy's per-reason rule) sent without. */
export const PHOTO_REQUIRED = "Add a photo of the item";

export type SubmitResult =
  | { ok: true; returnId: string; repeated: boolean; decision: ReturnDecision }
  | { ok: false; errors: { lineItemId: string | null; message: string }[] };

/**
 * Records a shopper's return after evaluating it again on the server: whatever the page sent,
 * the quantities, prices and options are the policy's. The same idempotency key returns the
 * return it already created.
 */
export async function submitReturn(
  shopDomain: string,
  order: ReturnableOrder,
  submission: ReturnSubmission,
  source: "portal" | "customer_account" = "portal",
  now = new Date(),
  photos: PreparedPhoto[] = [],
): Promise<SubmitResult> {
  const existing = await db.returnRequest.findUnique({
    where: {
      shopDomain_idempotencyKey: { shopDomain, idempotencyKey: submission.idempotencyKey },
    },
  });
  if (existing) {
    if (existing.orderShopifyId !== order.shopifyId) {
      return {
        ok: false,
        errors: [{ lineItemId: null, message: "This request was already used" }],
      };
    }
    return {
      ok: true,
      returnId: existing.id,
      repeated: true,
      decision: JSON.parse(existing.decision) as ReturnDecision,
    };
  }

  const policy = await loadPolicy(shopDomain);
  const chosen = Object.fromEntries(
    submission.lines.map((line) => [line.lineItemId, line.resolution]),
  );
  const decision = evaluateReturn(policy, order.facts, order.items, submission.lines, chosen, now);
  const errors: { lineItemId: string | null; message: string }[] = [];
  for (const line of decision.lines) {
    if (!line.eligible) {
      errors.push({
        lineItemId: line.lineItemId,
        message: line.explanations.filter((text) => text.startsWith("Not eligible")).join("; "),
      });
    } else if (!line.options.some((entry) => entry.resolution === chosen[line.lineItemId])) {
      errors.push({
        lineItemId: line.lineItemId,
        message: `Not offered for this item: ${chosen[line.lineItemId]}`,
      });
    } else if (
      line.photosRequired &&
      !photos.some((photo) => photo.lineItemId === line.lineItemId)
    ) {
      errors.push({ lineItemId: line.lineItemId, message: PHOTO_REQUIRED });
    }
  }
  const items = new Map(order.items.map((item) => [item.lineItemId, item]));
  for (const line of submission.lines) {
    if (line.resolution !== "exchange") continue;
    const offered = items.get(line.lineItemId)?.exchangeVariants ?? [];
    if (!line.exchangeVariantId) {
      errors.push({ lineItemId: line.lineItemId, message: "Choose the size or variant you want" });
    } else if (!offered.some((variant) => variant.variantId === line.exchangeVariantId)) {
      errors.push({
        lineItemId: line.lineItemId,
        message: "That variant is not available for an exchange",
      });
    }
  }
  if (errors.length) return { ok: false, errors };

  const lines = submission.lines.map((line, index) => {
    const item = items.get(line.lineItemId)!;
    const picked = decision.lines[index]!.options.find(
      (entry) => entry.resolution === line.resolution,
    )!;
    return {
      shopDomain,
      lineItemShopifyId: line.lineItemId,
      title: item.title,
      variantTitle: item.variantTitle,
      quantity: line.quantity,
      reason: line.reason,
      customerNote: line.customerNote ?? null,
      resolution: line.resolution,
      unitPrice: item.unitPrice,
      amount: picked.amount,
      fee: picked.fee,
      bonus: picked.bonus,
      ...exchangeOf(item, line),
    };
  });
  const needsApproval = decision.lines.some((line) => line.photosRequired);
  const stored = await storePhotos(shopDomain, photos);
  let created;
  try {
    created = await transaction(async (tx) => {
      const request = await tx.returnRequest.create({
        data: {
          shopDomain,
          orderShopifyId: order.shopifyId,
          orderName: order.name,
          email: normalizeEmail(order.email),
          locale: submission.locale ?? null,
          idempotencyKey: submission.idempotencyKey,
          source,
          note: submission.note ?? null,
          currency: order.currency,
          status: needsApproval ? "requested" : "open",
          shippingFee: decision.shippingFee,
          totalAmount: lines.reduce((sum, line) => sum + line.amount, 0) - decision.shippingFee,
          decision: JSON.stringify(decision),
          requestedAt: now,
          lines: { create: lines },
          events: { create: { shopDomain, kind: "requested", actor: "shopper", occurredAt: now } },
        },
        include: { lines: true },
      });
      const lineIds = new Map(request.lines.map((line) => [line.lineItemShopifyId, line.id]));
      await tx.returnPhoto.createMany({
        data: stored.rows.map(({ lineItemShopifyId, ...row }) => ({
          ...row,
          returnId: request.id,
          lineId: lineIds.get(lineItemShopifyId) ?? null,
        })),
      });
      await emitReturnRecorded(tx, request);
      return request;
    });
  } catch (error) {
    await stored.discard();
    // Two identical submissions racing: the unique key let one through; answer with it.
    const raced = await db.returnRequest.findUnique({
      where: {
        shopDomain_idempotencyKey: { shopDomain, idempotencyKey: submission.idempotencyKey },
      },
    });
    if (!raced) throw error;
    return { ok: true, returnId: raced.id, repeated: true, decision };
  }
  await queueShopifyReturn(shopDomain, created.id);
  return { ok: true, returnId: created.id, repeated: false, decision };
}

/** The variant an exchange sends and what the shopper owes (positive) or gets back (negative). */
function exchangeOf(item: ReturnableItem, line: ReturnSubmission["lines"][number]) {
  const variant = item.exchangeVariants.find(
    (candidate) => line.resolution === "exchange" && candidate.variantId === line.exchangeVariantId,
  );
  if (!variant) {
    return { exchangeVariantId: null, exchangeVariantTitle: null, priceDifference: 0 };
  }
  return {
    exchangeVariantId: variant.variantId,
    exchangeVariantTitle: variant.title,
    priceDifference: (variant.price - item.unitPrice) * line.quantity,
  };
}

/** The return as the shopper follows it; null unless it belongs to this order. */
export function shopperReturn(shopDomain: string, orderShopifyId: string, returnId: string) {
  return db.returnRequest.findFirst({
    where: { id: returnId, shopDomain, orderShopifyId },
    include: {
      lines: true,
      labels: true,
      events: { orderBy: { occurredAt: "asc" } },
    },
  });
}
