import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "../../app/db.server";
import { databaseProvider } from "../../app/platform/db/provider";
import { startAppServer, type AppServer } from "../support/app-server";
import { appUrl } from "../support/http";
import { adminPost, chat, openStream, saveHours, shopWithOrder, TRACKING } from "./live";

/**
 * Issue #19 item 4: the storefront chat widget's server side over real HTTP, through the
 * stand-in's App Proxy (Shopify's signature) and the app's own live stream (Server-Sent Events,
 * WHATWG HTML §9.2), with the order fixture Shopify documents (tests/fixtures/shopify).
 */

interface Conversation {
  token: string;
  stream: string;
  presence: string;
  notice: string;
  messages: { id: string; author: string; body: string }[];
}

async function contact(shop: string, email: string, message: string): Promise<Conversation> {
  const response = await chat(shop, {
    intent: "contact",
    locale: "en",
    order: "9999",
    email,
    question: "I want a refund, the item arrived damaged",
    answer: "unsure",
    message,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Conversation;
}

describe("the chat widget's assistant and live conversation", () => {
  it("answers « où est ma commande ? » from the order's tracking with nobody involved", async () => {
    const { shop, email } = await shopWithOrder("chat-where");
    const response = await chat(shop, {
      intent: "ask",
      locale: "fr",
      order: "9999",
      email,
      question: "où est ma commande ?",
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { intent: string; answerHtml: string };
    expect(answer.intent).toBe("order.where");
    expect(answer.answerHtml).toContain("En transit");
    expect(answer.answerHtml).toContain(TRACKING);
    // Links point into the App Proxy, wherever on the storefront the widget is.
    expect(answer.answerHtml).toContain('href="/apps/aftercare/track"');
    expect(await db.supportConversation.count({ where: { shopDomain: shop } })).toBe(0);

    // A wrong e-mail and no such order get the same answer.
    const wrong = await chat(shop, {
      intent: "ask",
      order: "9999",
      email: "someone@example.com",
      question: "où est ma commande ?",
    });
    const missing = await chat(shop, {
      intent: "ask",
      order: "1234",
      email,
      question: "où est ma commande ?",
    });
    expect([wrong.status, missing.status]).toEqual([404, 404]);
    expect(await wrong.json()).toEqual(await missing.json());
  });

  it("opens a conversation with the order's context; the merchant's saved reply arrives live", async () => {
    const { shop, email } = await shopWithOrder("chat-live");
    await saveHours(shop, true);
    const saved = await adminPost(shop, "/app/support/replies", {
      intent: "save",
      title: "Damaged item",
      body: "Sorry about {{order_name}}! Start a return here: {{return_link}}",
    });
    expect(saved.status).toBe(200);

    const opened = await contact(shop, email, "My mug arrived broken, can I get a refund?");
    expect(opened.presence).toBe("away");
    expect(opened.messages.map((message) => message.author)).toEqual([
      "shopper",
      "assistant",
      "shopper",
    ]);
    const conversation = await db.supportConversation.findFirstOrThrow({
      where: { shopDomain: shop },
    });
    expect(conversation.orderName).toBe("#9999");
    expect(JSON.parse(conversation.context)).toHaveProperty("shipments");

    const stream = await openStream(opened.stream);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reply = (await db.supportSavedReply.findFirstOrThrow({ where: { shopDomain: shop } }))
      .body;
    const replied = await adminPost(shop, `/app/support/inbox/${conversation.id}`, {
      intent: "reply",
      body: reply,
    });
    expect(replied.status).toBe(200);
    const live = await stream.next((message) => message.author === "merchant");
    expect(live.body).toBe(
      `Sorry about #9999! Start a return here: https://${shop}/apps/aftercare/returns?order=%239999`,
    );
    // The shopper was on the stream, so the reply is not also e-mailed.
    const stored = await db.supportConversationMessage.findUniqueOrThrow({
      where: { id: live.id },
    });
    expect(stored.emailStatus).toBe("none");

    // The shopper's answer, sent through the App Proxy, comes back on the stream too.
    const text = "Thanks! <script>alert(1)</script> {{ shop.email }}";
    const sent = await chat(shop, { intent: "send", token: opened.token, message: text });
    expect(sent.status).toBe(200);
    const echoed = await stream.next((message) => message.author === "shopper");
    expect(echoed.body).toBe(text);
    stream.close();
  }, 120_000);

  it("outside business hours says the answer comes by e-mail, and sends it there", async () => {
    const { shop, email } = await shopWithOrder("chat-closed");
    await saveHours(shop, false);
    const status = await chat(shop, { intent: "status", locale: "de" });
    expect(await status.json()).toMatchObject({ presence: "closed" });
    const opened = await contact(shop, email, "Is anyone there?");
    expect(opened.presence).toBe("closed");
    expect(opened.notice).toMatch(/by email/);
    const conversation = await db.supportConversation.findFirstOrThrow({
      where: { shopDomain: shop },
    });
    // The shopper left: the reply goes to the order's e-mail.
    await db.supportConversation.update({
      where: { id: conversation.id },
      data: { shopperSeenAt: new Date(Date.now() - 10 * 60_000) },
    });
    await adminPost(shop, `/app/support/inbox/${conversation.id}`, {
      intent: "reply",
      body: "We'll look into it tomorrow.",
    });
    const reply = await db.supportConversationMessage.findFirstOrThrow({
      where: { conversationId: conversation.id, author: "merchant" },
    });
    expect(reply.emailStatus).not.toBe("none");
  }, 120_000);

  it("gives another shop's or a forged token nothing, refuses other origins, floods and oversized input", async () => {
    const { shop, email } = await shopWithOrder("chat-guard");
    const other = await shopWithOrder("chat-other");
    const opened = await contact(shop, email, "Hello");

    // Another shop's storefront with this token: the same answer as a conversation that is not.
    const elsewhere = await chat(other.shop, { intent: "thread", token: opened.token });
    const forged = await chat(shop, { intent: "thread", token: `${opened.token}x` });
    expect([elsewhere.status, forged.status]).toEqual([404, 404]);
    expect(await elsewhere.json()).toEqual(await forged.json());
    const sendElsewhere = await chat(other.shop, {
      intent: "send",
      token: opened.token,
      message: "hi",
    });
    expect(sendElsewhere.status).toBe(404);

    const forgedStream = await fetch(opened.stream.replace(/token=[^&]+/, "token=v2.e30.x.y"));
    expect(forgedStream.status).toBe(404);
    const foreign = await fetch(opened.stream, { headers: { Origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();

    const long = await chat(shop, {
      intent: "send",
      token: opened.token,
      message: "a".repeat(5001),
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { message: string }).message).toMatch(/5,000/);
    const control = await chat(shop, { intent: "send", token: opened.token, message: "hi\u0000" });
    expect(control.status).toBe(400);
    const huge = await chat(shop, "x".repeat(64 * 1024));
    expect(huge.status).toBe(413);
    const garbage = await chat(shop, "{not json");
    expect(garbage.status).toBe(400);

    // A script posting in a loop is stopped with how long to wait; nothing past it is stored.
    const statuses: number[] = [];
    for (let n = 0; n < 12; n += 1) {
      const response = await chat(shop, { intent: "send", token: opened.token, message: `m${n}` });
      statuses.push(response.status);
    }
    // The conversation's budget is 10 messages per 10 minutes; opening it spent one.
    expect(statuses).toEqual([...Array(9).fill(200), ...Array(3).fill(429)]);
    const { id } = await db.supportConversation.findFirstOrThrow({ where: { shopDomain: shop } });
    const stored = await db.supportConversationMessage.count({
      where: { conversationId: id, author: "shopper" },
    });
    // The question asked of the assistant, the first message and the nine accepted.
    expect(stored).toBe(2 + 9);
  }, 120_000);
});

describe.runIf(databaseProvider(inject("databaseUrl")) === "postgresql")(
  "across web processes on PostgreSQL (LISTEN/NOTIFY)",
  () => {
    let second: AppServer;
    beforeAll(async () => {
      second = await startAppServer({
        databaseUrl: inject("databaseUrl"),
        shopOrigin: inject("shopOriginTemplate"),
        appBridgeUrl: inject("appBridgeUrl"),
        logName: "chat-second-process",
        env: { WORKERS_IN_WEB_PROCESS: "false" },
      });
    }, 90_000);
    afterAll(() => second?.stop());

    it("delivers a message posted on one process to a stream open on the other", async () => {
      const { shop, email } = await shopWithOrder("chat-processes");
      const opened = await contact(shop, email, "Hello from process one");
      const stream = await openStream(opened.stream.replace(appUrl(), second.url));
      expect(stream.response.status).toBe(200);
      const { id } = await db.supportConversation.findFirstOrThrow({ where: { shopDomain: shop } });
      await adminPost(shop, `/app/support/inbox/${id}`, { intent: "reply", body: "Hi there" });
      const live = await stream.next((message) => message.author === "merchant");
      expect(live.body).toBe("Hi there");
      stream.close();
    }, 120_000);
  },
);
