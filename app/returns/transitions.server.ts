import { db, type Tx } from "../db.server";
import { transaction } from "../platform/events/index.server";
import { AdminApiError } from "../platform/shopify/admin-gateway.server";
import { emailReturnNews } from "./emails.server";
import { orderReadyExchange } from "./exchange-settlement.server";
import { emitReturnMoved, emitReturnRefunded } from "./events.server";
import { processInShopify, refundedAmount, type ShopifyAnswer } from "./shopify-returns.server";

/**
 * How a return moves, whoever moves it (the merchant, or the system on a carrier scan). Each move the return only from the statuses it is
 * allowed from, scoped to the shop, records one ReturnEvent (its actor) in the same
 * transaction, and answers ok with the current status when the action was already done, so a
 * double click or a retried request changes nothing.
 *
 * The move's domain event (./events.server.ts) is written in that transaction too.
 *
 * Statuses: requested → open (approve) or declined (decline); open → in_transit (the carrier's
 * first scan of the return label, set by tracking) → received → closed (processed).
 * Issuing a label keeps the return "open": it is in transit only once the parcel is scanned.
 * When Shopify knows the return, Shopify is told first; if it refuses, nothing moves here.
 */
export type LifecycleResult = { ok: true; status: string } | { ok: false; message: string };

export type Action = "approve" | "decline" | "issue_label" | "receive" | "process";

interface Transition {
  /** Statuses the action moves the return from. */
  from: string[];
  /** Statuses in which the action is already done: answered ok without a change. */
  done: string[];
  verb: string;
}

export const TRANSITIONS: Record<Action, Transition> = {
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

/**
 * The actions that move a return on from `status`, in the order a merchant takes them. Declining
 * is left out: the page offers it beside approving, behind a reason.
 */
export function nextActions(status: string): Action[] {
  return (Object.keys(TRANSITIONS) as Action[]).filter(
    (action) => action !== "decline" && TRANSITIONS[action].from.includes(status),
  );
}

const STATUS_WORDS: Record<string, string> = {
  requested: "waiting for approval",
  open: "open",
  in_transit: "on its way back",
  received: "received",
  closed: "closed",
  declined: "declined",
  cancelled: "cancelled",
};

export function refusal(action: Action, status: string): string {
  return `This return is ${STATUS_WORDS[status] ?? status} and cannot be ${TRANSITIONS[action].verb}`;
}

export async function findReturn(shopDomain: string, returnId: string) {
  return db.returnRequest.findFirst({ where: { id: returnId, shopDomain } });
}

export type Actor = "merchant" | "system";

export interface Step {
  action: Action;
  /** Who moved it, as the timeline says; the merchant unless told otherwise. */
  actor?: Actor;
  to: string;
  event: { kind: string; detail?: string };
  data?: Record<string, unknown>;
  /** Tells Shopify first, when Shopify knows the return; a refusal stops the step. */
  shopify?: (shopifyId: string) => Promise<ShopifyAnswer>;
  /** Runs once this call moved the return, or Shopify accepted it (the shopper's email). */
  after?: () => Promise<void>;
  /**
   * Events beyond the status's own, written with the move (or with claiming Shopify's echo of
   * it): what only this action knows, such as the money a refund gave back.
   */
  alsoEmit?: (tx: Tx) => Promise<void>;
  /** The step only means something in Shopify (a refund): it waits until Shopify knows the return. */
  needsShopify?: boolean;
  now: Date;
}

/**
 * Whether a failure clears up by itself (Shopify unreachable, the return not in Shopify yet): its
 * message asks to try again, and a job retries it instead of recording it.
 */
export function isTemporaryFailure(message: string): boolean {
  return message.includes("try again");
}

export async function askShopify(call: () => Promise<ShopifyAnswer>): Promise<ShopifyAnswer> {
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
export async function transition(
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
  const moved = await transaction(async (tx) => {
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
        actor: step.actor ?? "merchant",
        detail: event.detail ?? null,
        occurredAt: now,
      },
    });
    await emitReturnMoved(tx, current, to);
    await step.alsoEmit?.(tx);
    return true;
  });
  if (moved) {
    await step.after?.();
    return { ok: true, status: to };
  }
  // Someone else moved it meanwhile: answer from what it is now.
  const after = await findReturn(shopDomain, returnId);
  if (after && (after.status === to || rule.done.includes(after.status))) {
    if (shopifyAccepted && after.status === to) {
      await claimEcho(shopDomain, returnId, step);
      await step.after?.();
    }
    return { ok: true, status: after.status };
  }
  return { ok: false, message: refusal(action, after?.status ?? current.status) };
}

/** The kind Shopify's webhook records for a move to each status (see webhooks.server.ts). */
const ECHO_KIND: Record<string, string> = {
  open: "approved",
  declined: "declined",
  closed: "closed",
};

/** How far Shopify's clock may trail ours when it stamps the webhook about our own call. */
const ECHO_CLOCK_SKEW_MS = 5_000;

/**
 * Shopify's webhook about our own accepted call got here first and recorded the move as
 * Shopify's. It was the merchant's action: the timeline and the action's fields say so, exactly
 * as if this call had moved the return itself.
 */
async function claimEcho(shopDomain: string, returnId: string, step: Step) {
  const kind = ECHO_KIND[step.to];
  if (!kind) return;
  await transaction(async (tx) => {
    // One guarded write, no read before it: on SQLite a transaction that reads first cannot take
    // the write lock once another process (the app's event relay) has written meanwhile.
    const claimed = await tx.returnEvent.updateMany({
      where: {
        shopDomain,
        returnId,
        actor: "shopify",
        kind,
        occurredAt: { gte: new Date(step.now.getTime() - ECHO_CLOCK_SKEW_MS) },
      },
      data: {
        kind: step.event.kind,
        actor: step.actor ?? "merchant",
        detail: step.event.detail ?? null,
        occurredAt: step.now,
      },
    });
    if (claimed.count === 0) return;
    if (step.data)
      await tx.returnRequest.updateMany({ where: { id: returnId, shopDomain }, data: step.data });
    // Shopify's webhook announced the move itself; what only this action knows is said here.
    await step.alsoEmit?.(tx);
  });
}

/**
 * Processes the return in Shopify (refunds, store credit, exchange lines) and closes it here:
 * the merchant's "Process" button, or the automatic refund the policy scheduled.
 */
export async function processWithShopify(
  shopDomain: string,
  returnId: string,
  options: { actor: Actor; detail?: string },
): Promise<LifecycleResult> {
  const now = new Date();
  const request = await findReturn(shopDomain, returnId);
  const amount = request ? await refundedAmount(shopDomain, returnId) : 0;
  return transition(shopDomain, returnId, {
    action: "process",
    actor: options.actor,
    to: "closed",
    event: { kind: "processed", detail: options.detail },
    data: { processedAt: now, closedAt: now },
    // Not yet in Shopify: processing must wait, or the refund would never be issued.
    needsShopify: true,
    shopify: () => processInShopify(shopDomain, returnId),
    alsoEmit: async (tx) => {
      if (request && amount > 0) {
        await emitReturnRefunded(tx, request, { currency: request.currency, amount });
      }
    },
    after: async () => {
      // A shop-now exchange with nothing left to pay is ordered now that the return is in.
      await orderReadyExchange(shopDomain, returnId);
      if (amount > 0) await emailReturnNews(shopDomain, returnId, "return.refunded", { amount });
    },
    now,
  });
}
