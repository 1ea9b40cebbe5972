import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { adminFetch, storefrontFetch } from "../support/http";
import { chat, shopWithOrder } from "../chat/live";

/**
 * Issue #19 (after-sales support): "attachments are images only, checked and re-encoded like
 * return photos; oversized or flooding input is refused with a clear message; another shop's or
 * shopper's conversation ids give nothing." Through the real routes: the stand-in's App Proxy
 * signs the storefront requests, the admin requests carry a real session token.
 */

const urlencoded = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/** "Talk to a person" from the help center: the conversation page's query (t, locale). */
async function contactTeam(shop: string, email: string) {
  const response = await storefrontFetch(
    shop,
    "/help",
    urlencoded({
      intent: "contact",
      order: "9999",
      email,
      question: "I want to talk to a human",
      answer: "human",
      message: "The parcel arrived damaged.",
    }),
  );
  expect(response.status).toBe(303);
  const query = (response.headers.get("location") ?? "").split("?")[1]!;
  const conversation = await db.supportConversation.findFirstOrThrow({
    where: { shopDomain: shop },
    orderBy: { createdAt: "desc" },
  });
  return { query, token: new URLSearchParams(query).get("t")!, id: conversation.id };
}

/** A phone photo: EXIF with the camera and a GPS reference, stored sideways (Orientation 6). */
const phonePhoto = async () =>
  sharp({ create: { width: 1200, height: 600, channels: 3, background: "#c33" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: "PhoneCam" }, IFD3: { GPSLatitudeRef: "N" } })
    .toBuffer();

function reply(shop: string, query: string, message: string, files: [string, string, Buffer][]) {
  const form = new FormData();
  form.set("message", message);
  for (const [name, type, bytes] of files) {
    form.append("images", new Blob([new Uint8Array(bytes)], { type }), name);
  }
  return storefrontFetch(shop, `/help/conversation?${query}`, { method: "POST", body: form });
}

const attachmentsOf = (conversationId: string) =>
  db.supportConversationAttachment.findMany({
    where: { conversationId },
    orderBy: { createdAt: "asc" },
  });

describe("support attachments through the routes", () => {
  it("a shopper's photos reach the thread and the inbox, re-encoded, and no one else", async () => {
    const { shop, email } = await shopWithOrder("attach");
    const mine = await contactTeam(shop, email);
    const png = await sharp({ create: { width: 50, height: 40, channels: 4, background: "#00f8" } })
      .png()
      .toBuffer();
    const response = await reply(shop, mine.query, "Here is the box", [
      ["box.jpg", "image/jpeg", await phonePhoto()],
      ["label.png", "image/png", png],
    ]);
    expect(response.status).toBe(200);
    const page = await response.text();
    const rows = await attachmentsOf(mine.id);
    expect(rows.map((row) => [row.contentType, row.width, row.height])).toEqual([
      ["image/jpeg", 600, 1200],
      ["image/jpeg", 50, 40],
    ]);
    for (const row of rows) {
      expect(page).toContain(
        `src="conversation/attachments/${row.id}?${new URLSearchParams({ t: mine.token })}"`,
      );
    }

    // The shopper, through their link token: the upright picture, no EXIF, served as an image.
    const served = await storefrontFetch(
      shop,
      `/help/conversation/attachments/${rows[0]!.id}?t=${encodeURIComponent(mine.token)}`,
    );
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 600, height: 1200 });
    expect(metadata.exif).toBeUndefined();

    // The merchant, in the admin.
    const admin = await adminFetch(shop, `/app/support/attachments/${rows[1]!.id}`);
    expect(admin.status).toBe(200);
    expect(admin.headers.get("x-content-type-options")).toBe("nosniff");
    const detail = await adminFetch(shop, `/app/support/inbox/${mine.id}.data`);
    expect(await detail.text()).toContain(rows[1]!.id);

    // Another shop's merchant and shopper, another conversation of the same shop, a missing id.
    const { shop: other, email: otherEmail } = await shopWithOrder("attach-other");
    const theirs = await contactTeam(other, otherEmail);
    const missing = await storefrontFetch(
      shop,
      `/help/conversation/attachments/nosuchattachment0000?t=${encodeURIComponent(mine.token)}`,
    );
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();
    for (const attempt of [
      adminFetch(other, `/app/support/attachments/${rows[0]!.id}`),
      storefrontFetch(
        other,
        `/help/conversation/attachments/${rows[0]!.id}?t=${encodeURIComponent(theirs.token)}`,
      ),
      storefrontFetch(
        other,
        `/help/conversation/attachments/${rows[0]!.id}?t=${encodeURIComponent(mine.token)}`,
      ),
      storefrontFetch(
        shop,
        `/help/conversation/attachments/${rows[0]!.id}?t=${encodeURIComponent(theirs.token)}`,
      ),
      storefrontFetch(shop, `/help/conversation/attachments/${rows[0]!.id}`),
    ]) {
      const refused = await attempt;
      expect(refused.status).toBe(404);
      if (refused.url.includes("/apps/")) expect(await refused.text()).toBe(missingBody);
    }
  });

  it.each([
    ["a PDF", "guide.pdf", "application/pdf", Buffer.from("%PDF-1.7\n%%EOF")],
    [
      "an SVG",
      "photo.svg",
      "image/svg+xml",
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
    ],
    ["HTML named as a JPEG", "photo.jpg", "image/jpeg", Buffer.from("<html><script>1</script>")],
  ])(
    "refuses %s with a message in the shopper's language, storing nothing",
    async (_case, name, type, bytes) => {
      const { shop, email } = await shopWithOrder("attach-bad");
      const { query, id } = await contactTeam(shop, email);
      const before = await db.supportConversationMessage.count({ where: { conversationId: id } });
      const french = `${query.replace(/&?locale=[a-z]+/, "")}&locale=fr`;
      const response = await reply(shop, french, "Voici", [[name, type, bytes]]);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Seules des photos peuvent être jointes");
      expect(await attachmentsOf(id)).toEqual([]);
      expect(await db.supportConversationMessage.count({ where: { conversationId: id } })).toBe(
        before,
      );
    },
  );

  it("refuses a fourth photo, and reads a large body only for a request naming a live conversation", async () => {
    const { shop, email } = await shopWithOrder("attach-many");
    const { query, id } = await contactTeam(shop, email);
    const photo = await phonePhoto();
    const four = Array.from(
      { length: 4 },
      (_, index) => [`p${index}.jpg`, "image/jpeg", photo] as [string, string, Buffer],
    );
    const tooMany = await reply(shop, query, "four", four);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("Too many photos: up to 3 per message");
    expect(await attachmentsOf(id)).toEqual([]);

    // Without a valid token in the address, a multipart body is held to the text form's limit.
    const big = [["big.jpg", "image/jpeg", Buffer.alloc(64 * 1024, 1)]] as [
      string,
      string,
      Buffer,
    ][];
    const forged = await reply(shop, "t=v2.forged&locale=en", "hi", big);
    expect(forged.status).toBe(413);
  });

  it("the chat widget sends photos as multipart with its token in the address, and shows them back", async () => {
    const { shop, email } = await shopWithOrder("attach-chat");
    const opened = await chat(shop, {
      intent: "contact",
      locale: "en",
      order: "9999",
      email,
      question: "The item arrived damaged",
      answer: "unsure",
      message: "Damaged on arrival",
    });
    const { token } = (await opened.json()) as { token: string };
    const post = (address: string, files: [string, string, Buffer][]) => {
      const form = new FormData();
      form.set("request", JSON.stringify({ intent: "send", locale: "de", token, message: "" }));
      for (const [name, type, bytes] of files) {
        form.append("images", new Blob([new Uint8Array(bytes)], { type }), name);
      }
      return storefrontFetch(shop, address, { method: "POST", body: form });
    };

    const sent = await post(`/chat?c=${encodeURIComponent(token)}`, [
      ["box.jpg", "image/jpeg", await phonePhoto()],
    ]);
    expect(sent.status).toBe(200);
    const answer = (await sent.json()) as {
      imageBase: string;
      messages: { body: string; images: string[] }[];
    };
    expect(answer.imageBase).toBe("/apps/aftercare/help/conversation/attachments/");
    const [image] = answer.messages.at(-1)!.images;
    const served = await storefrontFetch(
      shop,
      `/help/conversation/attachments/${image}?c=${encodeURIComponent(token)}`,
    );
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");

    const refused = await post(`/chat?c=${encodeURIComponent(token)}`, [
      ["doc.pdf", "application/pdf", Buffer.from("%PDF-1.7\n%%EOF")],
    ]);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: "notAnImage",
      message: expect.stringContaining("Nur Fotos können angehängt werden"),
    });
    // Without the token in the address the photos are not read past the JSON request's limit.
    const unnamed = await post("/chat", [["big.jpg", "image/jpeg", Buffer.alloc(64 * 1024, 1)]]);
    expect(unnamed.status).toBe(413);
    const conversation = await db.supportConversation.findFirstOrThrow({
      where: { shopDomain: shop },
    });
    expect(await attachmentsOf(conversation.id)).toHaveLength(1);
  });
});
