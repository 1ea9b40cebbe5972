import { z } from "zod";
import { cancelAutomaticRefund } from "./automation.server";
import {
  approveReturn,
  declineReturn,
  issueLabel,
  markReceived,
  processReturn,
  recordInspection,
} from "./lifecycle.server";
import { CLAIM_OUTCOMES, decideClaim } from "./warranty.server";

/** The merchant's actions on the return's page, as its form posts them. */
export const ReturnActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("decline"), reason: z.string().default("") }),
  z.object({ intent: z.literal("issue_label") }),
  z.object({ intent: z.literal("receive") }),
  z.object({ intent: z.literal("process") }),
  z.object({ intent: z.literal("undo_automatic_refund") }),
  z.object({ intent: z.literal("decide"), outcome: z.enum(CLAIM_OUTCOMES) }),
  z.object({
    intent: z.literal("inspect"),
    mismatch: z.array(z.string().max(40)).max(100),
    note: z.string().default(""),
  }),
]);

export type ReturnAction = z.infer<typeof ReturnActionSchema>;

export type ReturnActionResult = { ok: true; status?: string } | { ok: false; message: string };

/** Runs one action on one of the shop's returns. */
export async function runReturnAction(
  shop: string,
  returnId: string,
  input: ReturnAction,
): Promise<ReturnActionResult> {
  switch (input.intent) {
    case "approve":
      return approveReturn(shop, returnId);
    case "decline":
      return declineReturn(shop, returnId, input.reason);
    case "issue_label":
      return issueLabel(shop, returnId);
    case "receive":
      return markReceived(shop, returnId);
    case "process":
      return processReturn(shop, returnId);
    case "undo_automatic_refund":
      return cancelAutomaticRefund(shop, returnId);
    case "decide":
      return decideClaim(shop, returnId, input.outcome);
    case "inspect":
      return recordInspection(shop, returnId, {
        mismatchedLineIds: input.mismatch,
        note: input.note,
      });
  }
}

const BulkSchema = z.object({
  intent: z.enum(["approve", "decline"]),
  ids: z.array(z.string().min(1).max(40)).min(1, "Select at least one return").max(250),
  reason: z.string().default(""),
});

export type BulkAnswer =
  | { ok: true; done: number; refused: { id: string; message: string }[] }
  | { ok: false; error: string };

/** Approves or declines each return selected in the queue; each one the lifecycle refuses says why. */
export async function runBulkReturnAction(shop: string, form: FormData): Promise<BulkAnswer> {
  const parsed = BulkSchema.safeParse({
    intent: form.get("intent"),
    ids: form.getAll("ids"),
    reason: form.get("reason") ?? "",
  });
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? "Unknown action" };
  }
  const { intent, ids, reason } = parsed.data;
  const refused: { id: string; message: string }[] = [];
  for (const id of ids) {
    const result =
      intent === "approve" ? await approveReturn(shop, id) : await declineReturn(shop, id, reason);
    if (!result.ok) refused.push({ id, message: result.message });
  }
  return { ok: true, done: ids.length - refused.length, refused };
}
