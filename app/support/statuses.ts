/** A support conversation's statuses: open (the team owes an answer), pending (the shopper does), closed. */
export const CONVERSATION_STATUSES = ["open", "pending", "closed"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
