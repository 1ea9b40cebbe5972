/** What a shopper can ask the assistant, each answered from our data or by a person. */
export const INTENTS = [
  "order.where",
  "return.start",
  "loyalty.points",
  "order.change_address",
  "order.cancel",
  "agent.human",
] as const;
export type Intent = (typeof INTENTS)[number];
