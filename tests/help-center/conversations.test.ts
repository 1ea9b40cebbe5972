import { randomBytes, randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { ReceivedEmail } from "../../scripts/standin/mailbox";
import { TEST_INBOUND_MAIL_DOMAIN, uniqueShop } from "../support/constants";
import { adminFetch, standinUrl, storefrontFetch } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { shopWithOrder, TRACKING } from "../chat/live";

/**
 * Issue #19 items 3 and 6: a shopper who asks the assistant for a person writes to the shop's
 * team; the conversation reaches the admin inbox with the order's context, the merchant's reply
 * goes by e-mail threaded as RFC 5322 §3.6.4 describes, and the shopper's e-mail answer comes
 * back through Mailgun's inbound route (played by the stand-in, scripts/standin/mailgun.ts, from
 * Mailgun's "Receiving Messages via HTTP through a forward() action" and "Securing Webhooks").
 */

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/** "Talk to a person" after asking the assistant; the conversation page's query (t, locale). */
async function contactTeam(shop: string, email: string, message: string) {
  const asked = await storefrontFetch(
    shop,
    "/help",
    form({ intent: "ask", order: "9999", email, question: "I want to talk to a human" }),
  );
  const page = await asked.text();
  expect(page).toContain("Write to the shop's team".replace("'", "&#x27;"));
  expect(page).toContain('name="answer" value="human"');
  const response = await storefrontFetch(
    shop,
    "/help",
    form({
      intent: "contact",
      order: "9999",
      email,
      question: "I want to talk to a human",
      answer: "human",
      message,
    }),
  );
  expect(response.status).toBe(303);
  const location = response.headers.get("location") ?? "";
  expect(location).toMatch(/\/apps\/aftercare\/help\/conversation\?t=v2\./);
  const conversation = await db.supportConversation.findFirstOrThrow({
    where: { shopDomain: shop },
    orderBy: { createdAt: "desc" },
  });
  return { query: location.split("?")[1]!, id: conversation.id };
}

async function mailbox(to: string): Promise<ReceivedEmail[]> {
  const response = await fetch(`${standinUrl()}/__standin/mailbox?to=${encodeURIComponent(to)}`);
  return (await response.json()) as ReceivedEmail[];
}

const waitForEmails = (to: string, count: number) =>
  waitFor(
    async () => {
      const received = await mailbox(to);
      return received.length >= count ? received : undefined;
    },
    { message: `${count} emails to ${to}`, timeout: 60_000 },
  );

/** The shopper answers the latest e-mail they received; Mailgun posts it to the app. */
async function shopperEmailReply(to: string, options: Record<string, unknown>) {
  const response = await fetch(`${standinUrl()}/__standin/mailgun/reply`, {
    method: "POST",
    body: JSON.stringify({ to, ...options }),
  });
  return (await response.json()) as {
    status: number;
    body: string;
    fields: Record<string, string>;
  };
}

const adminPost = (shop: string, path: string, fields: Record<string, string>) =>
  adminFetch(shop, `${path}.data`, form(fields));

const messagesOf = (conversationId: string) =>
  db.supportConversationMessage.findMany({
    where: { conversationId },
    orderBy: { createdAt: "asc" },
  });

describe("support conversations", () => {
  it("talk to a person opens a conversation with the order's context and the assistant's transcript, in the admin inbox", async () => {
    const { shop, email } = await shopWithOrder("convo-open");
    const { query, id } = await contactTeam(shop, email, "My parcel has not moved for a week.");

    const conversation = await db.supportConversation.findUniqueOrThrow({ where: { id } });
    expect(conversation).toMatchObject({
      orderName: "#9999",
      email,
      status: "open",
      firstResponseAt: null,
    });
    const context = JSON.parse(conversation.context) as {
      order: { name: string };
      shipments: { trackingNumber: string; tag: string; trackingUrl: string }[];
      returns: unknown[];
    };
    expect(context.order.name).toBe("#9999");
    expect(context.shipments).toEqual([
      expect.objectContaining({
        trackingNumber: TRACKING,
        tag: "InTransit",
        trackingUrl: `https://${shop}/apps/aftercare/track?tracking=${TRACKING}`,
      }),
    ]);
    expect(context.returns).toEqual([]);
    expect((await messagesOf(id)).map((message) => [message.author, message.body])).toEqual([
      ["shopper", "I want to talk to a human"],
      ["assistant", expect.stringContaining("The shop's team will answer you.")],
      ["shopper", "My parcel has not moved for a week."],
    ]);

    // The shopper's page shows the thread; the inbox lists it; another shop's admin sees nothing.
    const thread = await storefrontFetch(shop, `/help/conversation?${query}`);
    expect(thread.status).toBe(200);
    expect(await thread.text()).toContain("My parcel has not moved for a week.");
    const inbox = await adminFetch(shop, "/app/support/inbox.data?status=open");
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain(id);
    const other = uniqueShop("convo-other");
    await installShop(other);
    expect((await adminFetch(other, `/app/support/inbox/${id}.data`)).status).toBe(404);
    expect(await (await adminFetch(other, "/app/support/inbox.data")).text()).not.toContain(id);

    // The shopper is reading the thread right now: the reply reaches them there, not by e-mail.
    await adminPost(shop, `/app/support/inbox/${id}`, { intent: "reply", body: "On it!" });
    const seen = await storefrontFetch(shop, `/help/conversation?${query}&format=json`);
    const { thread: current } = (await seen.json()) as {
      thread: { messages: { author: string; body: string }[] };
    };
    expect(current.messages.at(-1)).toEqual(
      expect.objectContaining({ author: "merchant", body: "On it!" }),
    );
    expect(
      (await messagesOf(id)).find((message) => message.author === "merchant")?.emailStatus,
    ).toBe("none");
    expect(await mailbox(email)).toEqual([]);

    // Asking again about the same order adds to the open conversation instead of opening another.
    await contactTeam(shop, email, "Any news?");
    expect(await db.supportConversation.count({ where: { shopDomain: shop } })).toBe(1);
  });

  it("a merchant reply with saved-reply variables arrives by e-mail, threaded; the shopper's signed e-mail reply lands in the thread", async () => {
    const { shop, email } = await shopWithOrder("convo-mail");
    const { id } = await contactTeam(shop, email, "Where is my parcel?");

    const saved = await adminPost(shop, "/app/support/replies", {
      intent: "save",
      title: "Where is it",
      body: "Your parcel is on its way: {{tracking_url}}\nTo send something back: {{return_link}}",
    });
    expect(saved.status).toBe(200);
    const unknown = await adminPost(shop, "/app/support/replies", {
      intent: "save",
      title: "Typo",
      body: "See {{trackin_url}}",
    });
    expect(await unknown.text()).toContain("trackin_url");
    const reply = await db.supportSavedReply.findFirstOrThrow({ where: { shopDomain: shop } });
    expect(
      (await adminPost(shop, `/app/support/inbox/${id}`, { intent: "reply", body: reply.body }))
        .status,
    ).toBe(200);

    const [first] = await waitForEmails(email, 1);
    const headers = first!.headers;
    const ours = await db.supportConversationMessage.findFirstOrThrow({
      where: { conversationId: id, author: "merchant" },
    });
    expect(headers["message-id"]).toBe(`<${ours.id}@${TEST_INBOUND_MAIL_DOMAIN}>`);
    expect(headers["reply-to"]).toMatch(
      new RegExp(
        `^reply\\+${id}\\.[0-9a-f]{24}@${TEST_INBOUND_MAIL_DOMAIN.replaceAll(".", "\\.")}$`,
      ),
    );
    expect(first!.subject).toMatch(/^Re: your order #9999 at /);
    expect(first!.text).toContain(
      `Your parcel is on its way: https://${shop}/apps/aftercare/track?tracking=${TRACKING}`,
    );
    expect(first!.text).toContain(
      `To send something back: https://${shop}/apps/aftercare/returns?order=%239999`,
    );
    expect(first!.text).toContain(`https://${shop}/apps/aftercare/help/conversation?t=v2.`);
    const conversation = await db.supportConversation.findUniqueOrThrow({ where: { id } });
    expect(conversation.status).toBe("pending");
    expect(conversation.firstResponseAt).not.toBeNull();

    // The shopper answers from their mail client; Mailgun posts the signed reply.
    const answered = await shopperEmailReply(email, { text: "Thanks! It says in transit." });
    expect(answered.status).toBe(200);
    expect(answered.body).toBe("added");
    const messages = await messagesOf(id);
    expect(messages.at(-1)).toMatchObject({
      author: "shopper",
      channel: "email",
      body: "Thanks! It says in transit.",
      emailMessageId: answered.fields["Message-Id"],
    });
    expect((await db.supportConversation.findUniqueOrThrow({ where: { id } })).status).toBe("open");

    // The next reply answers the shopper's message and carries the thread's references.
    await adminPost(shop, `/app/support/inbox/${id}`, {
      intent: "reply",
      body: "Great, it should arrive tomorrow.",
    });
    const [, second] = await waitForEmails(email, 2);
    const shopperIds = (await messagesOf(id))
      .filter((message) => message.author === "shopper" && message.emailMessageId)
      .map((message) => message.emailMessageId);
    expect(second!.headers["in-reply-to"]).toBe(shopperIds.at(-1));
    // Header folding (RFC 5322 §2.2.3) may break a long References line anywhere between ids.
    expect(second!.headers.references?.replace(/\s+/g, " ")).toBe(
      `${headers["message-id"]} ${shopperIds.at(-1)}`,
    );
  });

  it("refuses a forged signature, a replayed token, a stale timestamp and another sender", async () => {
    const { shop, email } = await shopWithOrder("convo-forged");
    const { id } = await contactTeam(shop, email, "Hello?");
    await adminPost(shop, `/app/support/inbox/${id}`, { intent: "reply", body: "Hello!" });
    await waitForEmails(email, 1);
    const before = (await messagesOf(id)).length;

    const forged = await shopperEmailReply(email, { text: "forged", signingKey: "not-the-key" });
    expect([forged.status, forged.body]).toEqual([401, "badSignature"]);
    const stale = await shopperEmailReply(email, {
      text: "stale",
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect([stale.status, stale.body]).toEqual([401, "stale"]);
    const stranger = await shopperEmailReply(email, {
      text: "I am someone else",
      sender: "mallory@example.com",
    });
    expect([stranger.status, stranger.body]).toEqual([406, "unknownSender"]);
    const token = randomUUID().replaceAll("-", "");
    const accepted = await shopperEmailReply(email, { text: "real", token, multipart: true });
    expect([accepted.status, accepted.body]).toEqual([200, "added"]);
    const replayed = await shopperEmailReply(email, { text: "replayed", token });
    expect([replayed.status, replayed.body]).toEqual([401, "replayed"]);

    expect((await messagesOf(id)).map((message) => message.body).slice(before)).toEqual(["real"]);
  });

  it("keeps an e-mail reply's photo in the thread, and its text whatever else it carries, telling the merchant what was not kept", async () => {
    const { shop, email } = await shopWithOrder("convo-mail-photo");
    const { id } = await contactTeam(shop, email, "The vase arrived broken.");
    await adminPost(shop, `/app/support/inbox/${id}`, { intent: "reply", body: "Photo please?" });
    await waitForEmails(email, 1);
    // A phone's photo: 3000x2000 with EXIF, a few MB once noise is in it (well past the old 256 KB).
    const noise = randomBytes(3000 * 2000 * 3);
    const photo = await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } })
      .jpeg({ quality: 95 })
      .withExif({ IFD0: { Make: "PhoneCam" } })
      .toBuffer();
    expect(photo.byteLength).toBeGreaterThan(1024 * 1024);
    const jpeg = {
      fileName: "IMG_0042.JPG",
      contentType: "image/jpeg",
      base64: photo.toString("base64"),
    };

    const withPhoto = await shopperEmailReply(email, {
      text: "Here it is, the neck snapped.",
      attachments: [jpeg],
    });
    expect([withPhoto.status, withPhoto.body]).toEqual([200, "added"]);
    const added = await db.supportConversationMessage.findFirstOrThrow({
      where: { conversationId: id, emailMessageId: withPhoto.fields["Message-Id"] },
      include: { attachments: true },
    });
    expect(added).toMatchObject({ author: "shopper", body: "Here it is, the neck snapped." });
    expect(added.attachments).toHaveLength(1);
    expect(added.attachments[0]).toMatchObject({ contentType: "image/jpeg", width: 2000 });
    const image = await adminFetch(shop, `/app/support/attachments/${added.attachments[0]!.id}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    const shown = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(shown).toMatchObject({ format: "jpeg", width: 2000, height: 1333 });
    expect(shown.exif).toBeUndefined();
    const detail = await (await adminFetch(shop, `/app/support/inbox/${id}.data`)).text();
    expect(detail).toContain(added.attachments[0]!.id);

    // A PDF and a page named like a photo: the text is kept, nothing stored, the merchant told.
    const pdf = {
      fileName: "receipt.pdf",
      contentType: "application/pdf",
      base64: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n").toString("base64"),
    };
    const fake = {
      fileName: "photo.jpg",
      contentType: "image/jpeg",
      base64: Buffer.from("<html><script>alert(1)</script></html>").toString("base64"),
    };
    const stored = await db.supportConversationAttachment.count({ where: { conversationId: id } });
    const withPdf = await shopperEmailReply(email, {
      text: "And the receipt.",
      attachments: [pdf, fake],
    });
    expect([withPdf.status, withPdf.body]).toEqual([200, "added"]);
    expect(await db.supportConversationAttachment.count({ where: { conversationId: id } })).toBe(
      stored,
    );
    const [reply, note] = (await messagesOf(id)).slice(-2);
    expect(reply).toMatchObject({ author: "shopper", body: "And the receipt." });
    expect(note!.author).toBe("note");
    expect(note!.body).toContain("2 attachments of the shopper's e-mail above were not kept");
    expect(note!.body).toContain('"receipt.pdf": not a photo');
    expect(note!.body).toContain('"photo.jpg": not a photo');
    const inbox = await (await adminFetch(shop, `/app/support/inbox/${id}.data`)).text();
    expect(inbox).toContain("were not kept");
  });

  it("stores nothing for a forged post however big, nor twice for a post delivered again", async () => {
    const { shop, email } = await shopWithOrder("convo-mail-twice");
    const { id } = await contactTeam(shop, email, "Broken lid.");
    await adminPost(shop, `/app/support/inbox/${id}`, { intent: "reply", body: "Show me?" });
    await waitForEmails(email, 1);
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: "#36c" },
    })
      .jpeg()
      .toBuffer();
    const jpeg = {
      fileName: "lid.jpg",
      contentType: "image/jpeg",
      base64: photo.toString("base64"),
    };
    const big = {
      fileName: "big.jpg",
      contentType: "image/jpeg",
      base64: randomBytes(8 * 1024 * 1024).toString("base64"),
    };
    const before = (await messagesOf(id)).length;

    const forged = await shopperEmailReply(email, {
      text: "forged",
      signingKey: "not-the-key",
      attachments: [jpeg, big],
    });
    expect([forged.status, forged.body]).toEqual([401, "badSignature"]);
    expect(await db.supportConversationAttachment.count({ where: { conversationId: id } })).toBe(0);
    expect(await messagesOf(id)).toHaveLength(before);

    const token = randomUUID().replaceAll("-", "");
    const first = await shopperEmailReply(email, { text: "The lid", token, attachments: [jpeg] });
    expect([first.status, first.body]).toEqual([200, "added"]);
    // The same post again (its token), and the same e-mail in a new post (its Message-Id).
    const replayed = await shopperEmailReply(email, {
      text: "The lid",
      token,
      attachments: [jpeg],
    });
    expect([replayed.status, replayed.body]).toEqual([401, "replayed"]);
    const again = await shopperEmailReply(email, {
      text: "The lid",
      messageId: first.fields["Message-Id"],
      attachments: [jpeg],
    });
    expect([again.status, again.body]).toEqual([200, "duplicate"]);
    expect(await db.supportConversationAttachment.count({ where: { conversationId: id } })).toBe(1);
    expect((await messagesOf(id)).map((message) => message.body).slice(before)).toEqual([
      "The lid",
    ]);
  });

  it("another shop's or a forged conversation token gives nothing", async () => {
    const { shop, email } = await shopWithOrder("convo-token");
    const { query } = await contactTeam(shop, email, "Private message about my order");
    const token = new URLSearchParams(query).get("t")!;
    const forged = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    const other = uniqueShop("convo-token-other");
    await installShop(other);
    for (const ask of [
      storefrontFetch(other, `/help/conversation?${query}`),
      storefrontFetch(other, `/help/conversation?${query}&format=json`),
      storefrontFetch(other, `/help/conversation?${query}`, form({ message: "hi" })),
      storefrontFetch(shop, `/help/conversation?t=${encodeURIComponent(forged)}`),
    ]) {
      const response = await ask;
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("Private message");
    }
    const json = await storefrontFetch(shop, `/help/conversation?${query}&format=json`);
    expect(json.status).toBe(200);
    const body = (await json.json()) as { thread: { messages: { body: string }[] } };
    expect(body.thread.messages.at(-1)?.body).toBe("Private message about my order");
  });

  it("shows a Liquid or HTML payload in a message as inert text, and refuses oversized and flooding input with a message", async () => {
    const { shop, email } = await shopWithOrder("convo-liquid");
    const payload = "{{ shop.email }} {% capture x %}y{% endcapture %} <script>alert(1)</script>";
    const { query, id } = await contactTeam(shop, email, payload);
    await adminPost(shop, `/app/support/inbox/${id}`, { intent: "note", body: "internal only" });
    const html = await (await storefrontFetch(shop, `/help/conversation?${query}`)).text();
    expect(html).toContain("theme stand-in");
    expect(html).not.toContain(`owner@${shop.replace(/\.myshopify\.com$/, "")}.example.com`);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("shop.email");
    expect(html).not.toContain("internal only");

    const tooLong = await storefrontFetch(
      shop,
      `/help/conversation?${query}`,
      form({ message: "x".repeat(5001) }),
    );
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("Keep your message under 5,000 characters.");

    // Ten messages per conversation per ten minutes; opening it counted one.
    const statuses: number[] = [];
    for (let index = 0; index < 10; index++) {
      const response = await storefrontFetch(
        shop,
        `/help/conversation?${query}`,
        form({ message: `message ${index}` }),
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(await response.text()).toContain("Too many messages. Please try again in");
      }
    }
    expect(statuses).toEqual([...Array<number>(9).fill(200), 429]);
  });

  it("shows on the customer's timeline with its answer and closing", async () => {
    const { shop, email } = await shopWithOrder("convo-figures");
    // One question the assistant answered alone, one that ended with a person.
    const where = await storefrontFetch(
      shop,
      "/help",
      form({ intent: "ask", order: "9999", email, question: "where is my order?" }),
    );
    expect(where.status).toBe(200);
    const { id } = await contactTeam(shop, email, "Please call me.");
    await adminPost(shop, `/app/support/inbox/${id}`, { intent: "reply", body: "Sure." });
    await adminPost(shop, `/app/support/inbox/${id}`, {
      intent: "update",
      status: "closed",
      assignee: "Sam",
    });
    const conversation = await db.supportConversation.findUniqueOrThrow({ where: { id } });
    expect(conversation).toMatchObject({ status: "closed", assignee: "Sam" });

    const customer = await db.customer.findFirstOrThrow({ where: { shopDomain: shop } });
    const csv = await (await adminFetch(shop, `/app/customers/${customer.id}/export`)).text();
    expect(csv).toContain("support,Asked the team about #9999");
    expect(csv).toContain("support,The team answered about #9999");
    expect(csv).toContain("support,Conversation about #9999 closed");
  });
});
