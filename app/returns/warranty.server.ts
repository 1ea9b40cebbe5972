import { z } from "zod";
import { db } from "../db.server";
import { transaction } from "../platform/events/index.server";
import {
  normalizeEmail,
  placeReplacementOrder,
  type ReplacementResult,
} from "../orders/index.server";
import { emitReturnMoved, emitReturnRecorded } from "./events.server";
import { storePhotos, type PreparedPhoto } from "./photos.server";
import { evaluateLine, warrantyDecision, type ReturnPolicy } from "./policy";
import { loadPolicy, type ReturnableOrder } from "./returns.server";
import { AdminApiError } from "../platform/shopify/admin-gateway.server";
import { findReturn, type LifecycleResult } from "./transitions.server";

/**
 * Warranty claims: an item past its return window but within its warranty (the policy's
 * `warranties`) is claimed through the same portal, with photos and a description, and lands in
 * the returns queue as a ReturnRequest of kind "warranty". The merchant decides repair, replace
 * or refund; a replacement is a zero-value order in Shopify (a draft order at 100 % off, then
 * completed). A claim is not a Shopify return: nothing is created in Shopify until the decision.
 */

export const ClaimSchema = z.object({
  idempotencyKey: z.string().trim().min(8).max(100),
  lineItemId: z.string().regex(/^\d{1,20}$/),
  quantity: z.coerce.number().int().min(1).max(100),
  description: z.string().trim().min(10).max(2000),
  locale: z.string().max(10).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** Each line's warranty as the portal shows it next to the return options. */
export function warrantyOptions(policy: ReturnPolicy, order: ReturnableOrder, now: Date) {
  return order.items.map((item) => {
    const line = evaluateLine(
      policy,
      order.facts,
      item,
      { lineItemId: item.lineItemId, quantity: 1, reason: "" },
      now,
    );
    const decision = warrantyDecision(policy, order.facts, item, line.windowEndsAt, now);
    return {
      lineItemId: item.lineItemId,
      claimable: decision.claimable && item.returnableQuantity > 0,
      warranty: decision.warranty && {
        name: decision.warranty.name,
        endsAt: decision.warranty.endsAt.toISOString(),
      },
      explanation: decision.explanation,
    };
  });
}

export type ClaimResult =
  { ok: true; returnId: string; repeated: boolean } | { ok: false; message: string };

export async function fileClaim(
  shopDomain: string,
  order: ReturnableOrder,
  claim: Claim,
  photos: PreparedPhoto[],
  now = new Date(),
): Promise<ClaimResult> {
  const existing = await db.returnRequest.findUnique({
    where: { shopDomain_idempotencyKey: { shopDomain, idempotencyKey: claim.idempotencyKey } },
  });
  if (existing) {
    return existing.orderShopifyId === order.shopifyId
      ? { ok: true, returnId: existing.id, repeated: true }
      : { ok: false, message: "This request was already used" };
  }
  const item = order.items.find((candidate) => candidate.lineItemId === claim.lineItemId);
  if (!item) return { ok: false, message: "Not eligible: not part of this order" };
  const policy = await loadPolicy(shopDomain);
  const option = warrantyOptions(policy, { ...order, items: [item] }, now)[0]!;
  if (!option.claimable) return { ok: false, message: option.explanation };
  if (claim.quantity > item.returnableQuantity) {
    return { ok: false, message: `Only ${item.returnableQuantity} can be claimed` };
  }
  if (photos.length === 0) return { ok: false, message: "Add a photo of the problem" };
  if (photos.some((photo) => photo.lineItemId !== item.lineItemId)) {
    return { ok: false, message: "Photos must show the item claimed" };
  }
  const stored = await storePhotos(shopDomain, photos);
  try {
    const created = await transaction(async (tx) => {
      const request = await tx.returnRequest.create({
        data: {
          shopDomain,
          kind: "warranty",
          orderShopifyId: order.shopifyId,
          orderName: order.name,
          email: normalizeEmail(order.email),
          locale: claim.locale ?? null,
          idempotencyKey: claim.idempotencyKey,
          source: "portal",
          note: claim.description,
          currency: order.currency,
          status: "requested",
          decision: JSON.stringify({ warranty: option }),
          requestedAt: now,
          lines: {
            create: {
              shopDomain,
              lineItemShopifyId: item.lineItemId,
              title: item.title,
              variantTitle: item.variantTitle,
              quantity: claim.quantity,
              reason: "warranty",
              customerNote: claim.description,
              resolution: "warranty",
              unitPrice: item.unitPrice,
              amount: 0,
              // A replacement sends the same variant again.
              exchangeVariantId: item.variantId,
              exchangeVariantTitle: item.variantTitle,
            },
          },
          events: {
            create: {
              shopDomain,
              kind: "requested",
              actor: "shopper",
              detail: `Warranty claim (${option.warranty?.name ?? "warranty"})`,
              occurredAt: now,
            },
          },
        },
        include: { lines: true },
      });
      await tx.returnPhoto.createMany({
        data: stored.rows.map(({ lineItemShopifyId: _line, ...row }) => ({
          ...row,
          returnId: request.id,
          lineId: request.lines[0]!.id,
        })),
      });
      await emitReturnRecorded(tx, request);
      return request;
    });
    return { ok: true, returnId: created.id, repeated: false };
  } catch (error) {
    await stored.discard();
    const raced = await db.returnRequest.findUnique({
      where: { shopDomain_idempotencyKey: { shopDomain, idempotencyKey: claim.idempotencyKey } },
    });
    if (!raced) throw error;
    return { ok: true, returnId: raced.id, repeated: true };
  }
}

export const CLAIM_OUTCOMES = ["repair", "replace", "refund"] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

const OUTCOME_WORDS: Record<ClaimOutcome, string> = {
  repair: "Repair",
  replace: "Replacement",
  refund: "Refund",
};

/** Statuses a claim can be decided from. */
const UNDECIDED = ["requested", "open"];

/**
 * The merchant's decision on a warranty claim. The decision is taken once: the claim is marked
 * decided before Shopify is asked, so a double click never orders two replacements, and a
 * refusal from Shopify gives the claim back undecided with Shopify's message.
 */
export async function decideClaim(
  shopDomain: string,
  returnId: string,
  outcome: ClaimOutcome,
): Promise<LifecycleResult> {
  const claim = await findReturn(shopDomain, returnId);
  if (!claim || claim.kind !== "warranty") return { ok: false, message: "Claim not found" };
  if (claim.claimOutcome === outcome && claim.status === "closed") {
    return { ok: true, status: claim.status };
  }
  const taken = await db.returnRequest.updateMany({
    where: { id: returnId, shopDomain, status: { in: UNDECIDED }, claimOutcome: null },
    data: { claimOutcome: outcome },
  });
  if (taken.count === 0) {
    return { ok: false, message: "This claim was already decided" };
  }
  let replacement: { id: string; name: string } | null = null;
  if (outcome === "replace") {
    const answer = await orderReplacement(shopDomain, returnId).catch((error: unknown) => {
      if (!(error instanceof AdminApiError)) throw error;
      return { ok: false as const, message: "Shopify could not be reached; try again in a minute" };
    });
    if (!answer.ok) {
      await db.returnRequest.update({ where: { id: returnId }, data: { claimOutcome: null } });
      return answer;
    }
    replacement = answer.order;
  }
  const now = new Date();
  await transaction(async (tx) => {
    const closed = await tx.returnRequest.update({
      where: { id: returnId },
      data: {
        status: "closed",
        closedAt: now,
        processedAt: now,
        replacementOrderShopifyId: replacement?.id ?? null,
        replacementOrderName: replacement?.name ?? null,
      },
    });
    await tx.returnLine.updateMany({
      where: { shopDomain, returnId },
      data: { resolution: outcome },
    });
    await emitReturnMoved(tx, closed, "closed");
    await tx.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: "claim_decided",
        actor: "merchant",
        detail: replacement
          ? `${OUTCOME_WORDS[outcome]}: order ${replacement.name} created in Shopify at no charge`
          : OUTCOME_WORDS[outcome],
        occurredAt: now,
      },
    });
  });
  return { ok: true, status: "closed" };
}

/** The claimed variant again, at no charge, for the claim's customer. */
async function orderReplacement(shopDomain: string, returnId: string): Promise<ReplacementResult> {
  const claim = await db.returnRequest.findFirstOrThrow({
    where: { id: returnId, shopDomain },
    include: { lines: true },
  });
  const lines = claim.lines.flatMap((line) =>
    line.exchangeVariantId ? [{ variantId: line.exchangeVariantId, quantity: line.quantity }] : [],
  );
  if (lines.length === 0) {
    return { ok: false, message: "The claimed item has no variant to send again" };
  }
  return placeReplacementOrder(shopDomain, {
    orderShopifyId: claim.orderShopifyId,
    lines,
    title: "Warranty replacement",
    description: `Warranty claim on ${claim.orderName}`,
    note: `Warranty replacement for ${claim.orderName} (Aftercare claim ${claim.id})`,
    tag: "aftercare-warranty",
    email: claim.email,
    customerShopifyId: claim.customerShopifyId,
  });
}
