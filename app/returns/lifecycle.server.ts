import { db } from "../db.server";
import { emailReturnNews } from "./emails.server";
import { buyReturnLabel } from "./labels/labels.server";
import { approveInShopify, queueShopifyReturn, declineInShopify } from "./shopify-returns.server";
import {
  TRANSITIONS,
  askShopify,
  findReturn,
  processWithShopify,
  refusal,
  transition,
  type LifecycleResult,
} from "./transitions.server";

export type { LifecycleResult } from "./transitions.server";
export { nextActions } from "./transitions.server";

/**
 * The merchant's actions on a return (see ./transitions.server.ts for the rules every move
 * follows). Each records its event with the actor "merchant".
 */

export async function approveReturn(
  shopDomain: string,
  returnId: string,
): Promise<LifecycleResult> {
  const now = new Date();
  return transition(shopDomain, returnId, {
    action: "approve",
    to: "open",
    event: { kind: "approved" },
    data: { approvedAt: now },
    shopify: (shopifyId) => approveInShopify(shopDomain, shopifyId),
    after: async () => {
      // A return held back from Shopify until approval (one with an exchange) goes there now.
      await queueShopifyReturn(shopDomain, returnId, "approved");
      await emailReturnNews(shopDomain, returnId, "return.approved");
    },
    now,
  });
}

export async function declineReturn(
  shopDomain: string,
  returnId: string,
  reason: string,
): Promise<LifecycleResult> {
  const text = reason.trim();
  if (!text) return { ok: false, message: "Tell the customer why the return is declined" };
  if (text.length > 500) {
    return { ok: false, message: "The reason is too long (500 characters at most)" };
  }
  const now = new Date();
  return transition(shopDomain, returnId, {
    action: "decline",
    to: "declined",
    event: { kind: "declined", detail: text },
    data: { declinedAt: now, declineReason: text },
    shopify: (shopifyId) => declineInShopify(shopDomain, shopifyId, text),
    after: () => emailReturnNews(shopDomain, returnId, "return.declined", { reason: text }),
    now,
  });
}

/**
 * Buys the prepaid return label (see ./labels/labels.server.ts). The return stays "open" with
 * its label: the parcel's progress is followed by tracking like any shipment.
 */
export async function issueLabel(shopDomain: string, returnId: string): Promise<LifecycleResult> {
  const current = await findReturn(shopDomain, returnId);
  if (!current) return { ok: false, message: "Return not found" };
  const labelled = await db.returnLabel.findFirst({
    where: { shopDomain, returnId, reverseDeliveryShopifyId: { not: null } },
  });
  if (labelled) return { ok: true, status: current.status };
  if (!TRANSITIONS.issue_label.from.includes(current.status)) {
    return { ok: false, message: refusal("issue_label", current.status) };
  }
  const outcome = await askShopify(() => buyReturnLabel(shopDomain, returnId, "merchant"));
  return outcome.ok ? { ok: true, status: current.status } : outcome;
}

export async function markReceived(shopDomain: string, returnId: string): Promise<LifecycleResult> {
  const now = new Date();
  return transition(shopDomain, returnId, {
    action: "receive",
    to: "received",
    event: { kind: "received" },
    data: { receivedAt: now },
    now,
  });
}

export async function processReturn(
  shopDomain: string,
  returnId: string,
): Promise<LifecycleResult> {
  return processWithShopify(shopDomain, returnId, { actor: "merchant" });
}

/** Statuses in which the items can be in the merchant's hands, or on their way there. */
const INSPECTABLE = ["open", "in_transit", "received", "closed"];

/**
 * Records what inspection found: the lines that are not the item sold (a mismatch counts in
 * the customer's abuse signals) and a note, on the timeline. Inspecting again replaces the
 * findings, so a wrong tick can be undone.
 */
export async function recordInspection(
  shopDomain: string,
  returnId: string,
  findings: { mismatchedLineIds: string[]; note: string },
): Promise<LifecycleResult> {
  const note = findings.note.trim();
  if (note.length > 500)
    return { ok: false, message: "The note is too long (500 characters at most)" };
  const current = await db.returnRequest.findFirst({
    where: { id: returnId, shopDomain },
    include: { lines: { select: { id: true, title: true, quantity: true } } },
  });
  if (!current) return { ok: false, message: "Return not found" };
  if (!INSPECTABLE.includes(current.status)) {
    return { ok: false, message: "This return has no items to inspect yet" };
  }
  const wanted = new Set(findings.mismatchedLineIds);
  const mismatched = current.lines.filter((line) => wanted.has(line.id));
  if (mismatched.length !== wanted.size) {
    return { ok: false, message: "Some of those items are not part of this return" };
  }
  const now = new Date();
  const summary = mismatched.length
    ? `Not the item sold: ${mismatched.map((line) => `${line.quantity} × ${line.title}`).join(", ")}`
    : "Every item is the one sold";
  await db.$transaction(async (tx) => {
    await tx.returnLine.updateMany({
      where: { shopDomain, returnId },
      data: { mismatch: false, inspectedAt: now },
    });
    if (mismatched.length) {
      await tx.returnLine.updateMany({
        where: { shopDomain, returnId, id: { in: mismatched.map((line) => line.id) } },
        data: { mismatch: true },
      });
    }
    await tx.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: "inspected",
        actor: "merchant",
        detail: note ? `${summary}. ${note}` : summary,
        occurredAt: now,
      },
    });
  });
  return { ok: true, status: current.status };
}
