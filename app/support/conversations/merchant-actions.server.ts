import { z } from "zod";
import { CONVERSATION_STATUSES } from "../statuses";
import {
  addNote,
  replyToShopper,
  updateConversation,
  type MerchantActionResult,
} from "./conversations.server";

/** The merchant's actions on a conversation's page, as its forms post them. */
const ConversationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body: z.string() }),
  z.object({ intent: z.literal("note"), body: z.string() }),
  z.object({
    intent: z.literal("update"),
    status: z.enum(CONVERSATION_STATUSES),
    assignee: z.string().default(""),
  }),
]);
type ConversationIntent = z.infer<typeof ConversationActionSchema>["intent"];

/** What the page shows after an action; the intent tells a reply's delivery from a saved status. */
export type ConversationActionResult =
  { ok: false; error: "invalid" } | (MerchantActionResult & { intent: ConversationIntent });

/** Runs the reply, internal note or status change a form posted on one of the shop's conversations. */
export async function runConversationAction(
  shop: string,
  id: string,
  form: FormData,
): Promise<ConversationActionResult> {
  const parsed = ConversationActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "invalid" };
  const input = parsed.data;
  const result =
    input.intent === "reply"
      ? await replyToShopper(shop, id, input.body)
      : input.intent === "note"
        ? await addNote(shop, id, input.body)
        : await updateConversation(shop, id, { status: input.status, assignee: input.assignee });
  return { ...result, intent: input.intent };
}
