import type { Standin } from "../standin/server";
import type { SimulatedOrder } from "../standin/simulator/shop";

/**
 * Support with something in it: two shoppers ask the help center's assistant about their order
 * and then "talk to a person" (the App Proxy form, signed by the stand-in as Shopify signs it);
 * the merchant saves a reply in the admin and answers the first with it, the second still waits.
 */

type AdminPost = (pathname: string, fields: Record<string, string>) => Promise<Response>;
type AdminGet = (pathname: string) => Promise<Response>;

const QUESTIONS = [
  {
    question: "Where is my parcel?",
    message: "The tracking has not changed for two days. Can you check with the carrier?",
  },
  {
    question: "Can I change the delivery address?",
    message: "I moved last week. Please send it to my new address instead.",
  },
];

const SAVED_REPLY = {
  title: "Where is it",
  body: "Thanks for writing! Your parcel is on its way: {{tracking_url}}\nIf anything is wrong with it, you can send it back here: {{return_link}}",
};

const CONVERSATION_ID = /\bc[a-z0-9]{24}\b/g;

/** The conversation ids the inbox lists (the page's own data request). */
async function inboxIds(adminGet: AdminGet) {
  const response = await adminGet("/app/support/inbox.data");
  if (!response.ok) throw new Error(`The support inbox answered ${response.status}`);
  return new Set((await response.text()).match(CONVERSATION_ID) ?? []);
}

async function helpForm(standin: Standin, shopDomain: string, fields: Record<string, string>) {
  return fetch(standin.storefrontUrl("/help", shopDomain), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

/** Asks the assistant, then writes to the shop's team from its answer; the conversation's id. */
async function contactTeam(
  standin: Standin,
  shopDomain: string,
  adminGet: AdminGet,
  order: SimulatedOrder,
  { question, message }: (typeof QUESTIONS)[number],
) {
  const shopper = { order: String(order.number), email: order.customer.email, question };
  const asked = await helpForm(standin, shopDomain, { intent: "ask", ...shopper });
  const answer = /name="answer" value="([^"]+)"/.exec(await asked.text())?.[1] ?? "human";
  const before = await inboxIds(adminGet);
  const contacted = await helpForm(standin, shopDomain, {
    intent: "contact",
    ...shopper,
    answer,
    message,
  });
  if (contacted.status !== 303) {
    const page = (await contacted.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    throw new Error(`Talking to a person failed for ${order.name} (${contacted.status}): ${page}`);
  }
  const id = [...(await inboxIds(adminGet))].find((candidate) => !before.has(candidate));
  if (!id) throw new Error(`The conversation about ${order.name} is not in the inbox`);
  return { id, order: order.name, email: order.customer.email };
}

export async function startSupportConversations(
  standin: Standin,
  shopDomain: string,
  orders: SimulatedOrder[],
  admin: { post: AdminPost; get: AdminGet },
) {
  const conversations = [];
  for (const [index, order] of orders.slice(0, QUESTIONS.length).entries()) {
    conversations.push(await contactTeam(standin, shopDomain, admin.get, order, QUESTIONS[index]!));
  }
  const saved = await admin.post("/app/support/replies.data", { intent: "save", ...SAVED_REPLY });
  if (!saved.ok) throw new Error(`Saving the reply failed (${saved.status})`);
  const first = conversations[0]!;
  const replied = await admin.post(`/app/support/inbox/${first.id}.data`, {
    intent: "reply",
    body: SAVED_REPLY.body,
  });
  if (!replied.ok) throw new Error(`Answering ${first.order} failed (${replied.status})`);
  return { answered: first, waiting: conversations.slice(1), savedReply: SAVED_REPLY.title };
}
