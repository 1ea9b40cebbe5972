import { z } from "zod";
import { db } from "../db.server";
import { jobs } from "../platform/jobs/queue.server";
import { defineSubscriber, transaction } from "../platform/events/index.server";
import { defineJob } from "../platform/jobs/types";
import { signalsForCustomer } from "./abuse.server";
import { emitReturnMoved } from "./events.server";
import { buyReturnLabel } from "./labels/labels.server";
import { automaticRefundDecision, type ParcelMilestone } from "./policy";
import { loadPolicy } from "./returns.server";
import { askShopify, isTemporaryFailure, processWithShopify } from "./transitions.server";

/**
 * Returns that move themselves: an approved return gets its prepaid label when the policy says
 * so (`issueLabelOnApproval`), the return parcel's scans advance the return (first carrier
 * scan → in transit, delivered back to the shop → received) with the actor "system", and the
 * policy decides whether a refund follows. A refund is scheduled, not sent: it waits
 * `refundDelayHours`, shown on the return's page, and the merchant can cancel it until then.
 * Every step is safe to repeat, so a replayed or duplicated scan changes nothing.
 */

const MOVING_TAGS = new Set(["InTransit", "OutForDelivery", "AvailableForPickup", "AttemptFail"]);

async function recordSystemMove(
  shopDomain: string,
  returnId: string,
  from: string[],
  to: string,
  detail: string,
  data: Record<string, unknown> = {},
): Promise<boolean> {
  return transaction(async (tx) => {
    const moved = await tx.returnRequest.updateMany({
      where: { id: returnId, shopDomain, status: { in: from } },
      data: { status: to, ...data },
    });
    if (moved.count === 0) return false;
    await tx.returnEvent.create({
      data: { shopDomain, returnId, kind: to, actor: "system", detail },
    });
    const request = await tx.returnRequest.findUniqueOrThrow({ where: { id: returnId } });
    await emitReturnMoved(tx, request, to);
    return true;
  });
}

/**
 * The return parcel's status moved to `tag` (the shipment status model's tag): moves the
 * return and, as the policy says, schedules its automatic refund.
 */
export async function advanceReturnFromParcel(
  shopDomain: string,
  returnId: string,
  tag: string,
): Promise<void> {
  let milestone: ParcelMilestone | null = null;
  if (MOVING_TAGS.has(tag)) {
    await recordSystemMove(
      shopDomain,
      returnId,
      ["open"],
      "in_transit",
      "The carrier scanned the return parcel",
    );
    milestone = "first_scan";
  } else if (tag === "Delivered") {
    await recordSystemMove(
      shopDomain,
      returnId,
      ["open", "in_transit"],
      "received",
      "The carrier delivered the return parcel to the shop",
      { receivedAt: new Date() },
    );
    milestone = "received";
  }
  if (milestone) await scheduleAutomaticRefund(shopDomain, returnId, milestone);
}

async function scheduleAutomaticRefund(
  shopDomain: string,
  returnId: string,
  milestone: ParcelMilestone,
) {
  const request = await db.returnRequest.findFirst({
    where: { id: returnId, shopDomain },
    include: { lines: { select: { reason: true } } },
  });
  if (!request || !["in_transit", "received"].includes(request.status)) return;
  const policy = await loadPolicy(shopDomain);
  const customer = await signalsForCustomer(shopDomain, request, policy.abuse);
  const decision = automaticRefundDecision(policy, milestone, {
    reasons: request.lines.map((line) => line.reason),
    customer: customer ?? undefined,
  });
  if (decision.heldBy) await recordHold(shopDomain, returnId, decision.explanation);
  if (!decision.refund) return;
  const dueAt = new Date(Date.now() + policy.automation.refundDelayHours * 3_600_000);
  const scheduled = await db.$transaction(async (tx) => {
    const existing = await tx.returnAutoRefund.findUnique({ where: { returnId } });
    if (existing) return null;
    const row = await tx.returnAutoRefund.create({
      data: { shopDomain, returnId, trigger: milestone, dueAt },
    });
    await tx.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: "refund_scheduled",
        actor: "system",
        detail: `${decision.explanation}: due ${dueAt.toISOString()}; cancel it from this page until then`,
      },
    });
    return row;
  });
  if (scheduled) {
    await jobs.send(
      automaticRefund,
      { shop: shopDomain, returnId },
      { startAfter: dueAt, idempotencyKey: `auto-refund:${scheduled.id}` },
    );
  }
}

/** Says once on the timeline why a refund the policy would send waits for the merchant. */
async function recordHold(shopDomain: string, returnId: string, detail: string) {
  const said = await db.returnEvent.findFirst({
    where: { shopDomain, returnId, kind: "refund_held" },
  });
  if (said) return;
  await db.returnEvent.create({
    data: { shopDomain, returnId, kind: "refund_held", actor: "system", detail },
  });
}

export type UndoResult = { ok: true } | { ok: false; message: string };

/**
 * The merchant undoes a scheduled automatic refund, recorded on the timeline. Undoing it again
 * changes nothing; once the job has started sending it to Shopify it can no longer be undone.
 */
export async function cancelAutomaticRefund(
  shopDomain: string,
  returnId: string,
): Promise<UndoResult> {
  return db.$transaction(async (tx) => {
    const cancelled = await tx.returnAutoRefund.updateMany({
      where: { shopDomain, returnId, state: "scheduled" },
      data: { state: "cancelled" },
    });
    if (cancelled.count === 0) {
      const row = await tx.returnAutoRefund.findFirst({ where: { shopDomain, returnId } });
      if (row?.state === "cancelled") return { ok: true };
      if (!row && !(await tx.returnRequest.findFirst({ where: { id: returnId, shopDomain } }))) {
        return { ok: false, message: "Return not found" };
      }
      return { ok: false, message: UNDO_REFUSALS[row?.state ?? "none"] ?? UNDO_REFUSALS.none! };
    }
    await tx.returnEvent.create({
      data: {
        shopDomain,
        returnId,
        kind: "refund_cancelled",
        actor: "merchant",
        detail: "Automatic refund cancelled: the return waits for the merchant",
      },
    });
    return { ok: true };
  });
}

/** Why an automatic refund in each state cannot be undone. */
const UNDO_REFUSALS: Record<string, string> = {
  none: "This return has no automatic refund to undo",
  sending: "The automatic refund has already been sent to Shopify and can no longer be undone",
  done: "The automatic refund has already been sent to Shopify and can no longer be undone",
  failed: "The automatic refund was not made, so there is nothing to undo",
};

/** The return's automatic refund, for its page. */
export async function automaticRefundOf(shopDomain: string, returnId: string) {
  return db.returnAutoRefund.findFirst({ where: { shopDomain, returnId } });
}

/** Processes the return when its automatic refund falls due, unless it was cancelled. */
export const automaticRefund = defineJob({
  name: "returns.auto-refund",
  schema: z.object({ shop: z.string(), returnId: z.string() }),
  retryLimit: 8,
  retryDelaySeconds: 60,
  async run({ shop, returnId }) {
    const row = await db.returnAutoRefund.findFirst({ where: { shopDomain: shop, returnId } });
    if (!row) return;
    // Taken before Shopify is asked, so an undo either wins before it or is refused after it.
    // A run that died while sending ("sending") is taken again: Shopify processes a return once.
    const taken = await db.returnAutoRefund.updateMany({
      where: { id: row.id, state: { in: ["scheduled", "sending"] } },
      data: { state: "sending" },
    });
    if (taken.count === 0) return;
    const result = await processWithShopify(shop, returnId, {
      actor: "system",
      detail:
        row.trigger === "first_scan"
          ? "Refunded automatically after the carrier's first scan"
          : "Refunded automatically on delivery to the shop",
    });
    if (!result.ok && isTemporaryFailure(result.message)) throw new Error(result.message);
    await db.$transaction(async (tx) => {
      await tx.returnAutoRefund.update({
        where: { id: row.id },
        data: result.ok ? { state: "done" } : { state: "failed", error: result.message },
      });
      if (!result.ok) {
        await tx.returnEvent.create({
          data: {
            shopDomain: shop,
            returnId,
            kind: "note",
            actor: "system",
            detail: `Automatic refund not made: ${result.message}`,
          },
        });
      }
    });
  },
});

const ReturnJob = z.object({ shop: z.string(), returnId: z.string() });

/** Notes on the timeline why the label the policy asked for was not bought. */
async function recordLabelFailure(shopDomain: string, returnId: string, reason: string) {
  await db.returnEvent.create({
    data: {
      shopDomain,
      returnId,
      kind: "note",
      actor: "system",
      detail: `Return label not bought automatically: ${reason}`,
    },
  });
}

/**
 * Buys an approved return's label as the policy asks, once the return is in Shopify (its own
 * job creates it there; until then this one is retried). A return that moved on meanwhile, or
 * whose items all stay with the shopper, needs none.
 */
export const automaticLabel = defineJob({
  name: "returns.auto-label",
  schema: ReturnJob,
  retryLimit: 8,
  retryDelaySeconds: 15,
  async run({ shop, returnId }) {
    const request = await db.returnRequest.findFirst({
      where: { id: returnId, shopDomain: shop },
      include: { lines: { select: { resolution: true } } },
    });
    if (!request || request.kind !== "return" || request.status !== "open") return;
    if (request.lines.every((line) => line.resolution === "keep")) return;
    const outcome = await askShopify(() => buyReturnLabel(shop, returnId, "system"));
    if (outcome.ok) return;
    if (isTemporaryFailure(outcome.message)) throw new Error(outcome.message);
    await recordLabelFailure(shop, returnId, outcome.message);
  },
  async onFinalFailure({ shop, returnId }, error) {
    await recordLabelFailure(shop, returnId, error.message);
  },
});

/** An approved return's label, bought without the merchant when the policy says so. */
export const labelOnApproval = defineSubscriber({
  name: "returns.label-on-approval",
  events: ["return.approved"],
  async handle({ shop, data }) {
    const policy = await loadPolicy(shop);
    if (!policy.automation.issueLabelOnApproval) return;
    await jobs.send(
      automaticLabel,
      { shop, returnId: data.returnId },
      { idempotencyKey: `auto-label:${data.returnId}` },
    );
  },
});

export const AUTOMATION_JOBS = [automaticRefund, automaticLabel];
