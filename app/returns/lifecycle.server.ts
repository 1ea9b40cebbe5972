import { db } from "../db.server";
import { AdminApiError } from "../platform/shopify/admin-gateway.server";
import { emailReturnNews } from "./emails.server";
import { buyReturnLabel } from "./labels/labels.server";
import {
  approveInShopify,
  queueShopifyReturn,
  declineInShopify,
  processInShopify,
  refundedAmount,
  type ShopifyAnswer,
} from "./shopify-returns.server";

/**
 * The merchant's actions on a return. Each one moves the return only from the statuses it is
 * allowed from, scoped to the shop, records one ReturnEvent (actor "merchant") in the same
 * transaction, and answers ok with the current status when the action was already done, so a
 * double click or a retried request changes nothing.
 *
 * Statuses: requested → open (approve) or declined (decline); open → in_transit (the carrier's
 * first scan of the return label, set by tracking) → received → closed (processed).
 * Issuing a label keeps the return "open": it is in transit only once the parcel is scanned.
 * When Shopify knows the return, Shopify is told first; if it refuses, nothing moves here.
 */
export type LifecycleResult = { ok: true; status: string } | { ok: false; message: string };

type Action = "approve" | "decline" | "issue_label" | "receive" | "process";

interface Transition {
  /** Statuses the action moves the return from. */
  from: string[];
  /** Statuses in which the action is already done: answered ok without a change. */
  done: string[];
  verb: string;
}

const TRANSITIONS: Record<Action, Transition> = {
  approve: {
    from: ["requested"],
    done: ["open", "in_transit", "received", "closed"],
    verb: "approved",
  },
  decline: { from: ["requested"], done: ["declined"], verb: "declined" },
  issue_label: { from: ["open"], done: [], verb: "given a label" },
  receive: { from: ["open", "in_transit"], done: ["received", "closed"], verb: "received" },
  process: { from: ["open", "in_transit", "received"], done: ["closed"], verb: "processed" },
};

const STATUS_WORDS: Record<string, string> = {
  requested: "waiting for approval",
  open: "open",
  in_transit: "on its way back",
  received: "received",
  closed: "closed",
  declined: "declined",
  cancelled: "cancelled",
};

function refusal(action: Action, status: string): string {
  return `This return is ${STATUS_WORDS[status] ?? status} and cannot be ${TRANSITIONS[action].verb}`;
}

async function findReturn(shopDomain: string, returnId: string) {
  return db.returnRequest.findFirst({ where: { id: returnId, shopDomain } });
}

interface Step {
  action: Action;
  to: string;
  event: { kind: string; detail?: string };
  data?: Record<string, unknown>;
  /** Tells Shopify first, when Shopify knows the return; a refusal stops the step. */
  shopify?: (shopifyId: string) => Promise<ShopifyAnswer>;
  /** Runs once this call moved the return, or Shopify accepted it (the shopper's email). */
  after?: () => Promise<void>;
  /** The step only means something in Shopify (a refund): it waits until Shopify knows the return. */
  needsShopify?: boolean;
  now: Date;
}

async function askShopify(call: () => Promise<ShopifyAnswer>): Promise<ShopifyAnswer> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AdminApiError) {
      return { ok: false, message: "Shopify could not be reached; try again in a minute" };
    }
    throw error;
  }
}

/**
 * Moves the return from one of the action's statuses to `to` with its event, or reports why
 * not. The status guard sits in the update itself, so of two racing calls exactly one moves it.
 */
async function transition(
  shopDomain: string,
  returnId: string,
  step: Step,
): Promise<LifecycleResult> {
  const { action, to, event, data = {}, now } = step;
  const current = await findReturn(shopDomain, returnId);
  if (!current) return { ok: false, message: "Return not found" };
  const rule = TRANSITIONS[action];
  if (rule.done.includes(current.status)) return { ok: true, status: current.status };
  if (!rule.from.includes(current.status)) {
    return { ok: false, message: refusal(action, current.status) };
  }
  if (step.needsShopify && !current.shopifyId) {
    return { ok: false, message: "This return is not in Shopify yet; try again in a minute" };
  }
  let shopifyAccepted = false;
  if (step.shopify && current.shopifyId) {
    const shopifyId = current.shopifyId;
    const answer = await askShopify(() => step.shopify!(shopifyId));
    if (!answer.ok) return answer;
    shopifyAccepted = true;
  }
  const moved = await db.$transaction(async (tx) => {
    const updated = await tx.returnRequest.updateMany({
      where: { id: returnId, shopDomain, status: { in: rule.from } },
      data: { status: to, ...data },
    });
    if (updated.count === 0) return false;
    await tx.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: event.kind,
        actor: "merchant",
        detail: event.detail ?? null,
        occurredAt: now,
      },
    });
    return true;
  });
  if (moved) {
    await step.after?.();
    return { ok: true, status: to };
  }
  // Someone else moved it meanwhile: answer from what it is now.
  const after = await findReturn(shopDomain, returnId);
  if (after && (after.status === to || rule.done.includes(after.status))) {
    // Shopify's webhook about our own accepted call got here first: the shopper still hears.
    if (shopifyAccepted && after.status === to) await step.after?.();
    return { ok: true, status: after.status };
  }
  return { ok: false, message: refusal(action, after?.status ?? current.status) };
}

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
  const outcome = await askShopify(() => buyReturnLabel(shopDomain, returnId));
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
  const now = new Date();
  return transition(shopDomain, returnId, {
    action: "process",
    to: "closed",
    event: { kind: "processed" },
    data: { processedAt: now, closedAt: now },
    // Not yet in Shopify: processing must wait, or the refund would never be issued.
    needsShopify: true,
    shopify: () => processInShopify(shopDomain, returnId),
    after: async () => {
      const amount = await refundedAmount(shopDomain, returnId);
      if (amount > 0) await emailReturnNews(shopDomain, returnId, "return.refunded", { amount });
    },
    now,
  });
}
