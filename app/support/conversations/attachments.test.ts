import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "../../db.server";
import { fileStorage } from "../../platform/storage/storage.server";
import {
  ATTACHMENT_LIMITS,
  merchantAttachment,
  shopperAttachment,
  sortMailAttachments,
  type MailAttachment,
} from "./attachments.server";
import { refusedAttachmentsNote } from "./mail.server";
import { conversationThread, postShopperMessage } from "./conversations.server";
import { chatToken, shopperToken } from "./tokens.server";

const photo = async (background = "#c33") =>
  new Uint8Array(
    await sharp({ create: { width: 2400, height: 1200, channels: 3, background } })
      .jpeg()
      .withExif({ IFD0: { Make: "PhoneCam" }, IFD3: { GPSLatitudeRef: "N" } })
      .toBuffer(),
  );
const jpeg = async () => ({ contentType: "image/jpeg", bytes: await photo() });

async function conversation(shopDomain = `att-${randomUUID().slice(0, 8)}.myshopify.com`) {
  const created = await db.supportConversation.create({
    data: {
      shopDomain,
      orderShopifyId: "1001",
      orderName: "#1001",
      email: "shopper@example.com",
      context: "{}",
    },
  });
  return { shopDomain, id: created.id };
}

const storedRows = (conversationId: string) =>
  db.supportConversationAttachment.findMany({ where: { conversationId } });

describe("support attachments", () => {
  it("stores a message's photos re-encoded, without EXIF, and shows them in the thread", async () => {
    const { shopDomain, id } = await conversation();
    expect(
      await postShopperMessage(shopDomain, id, "The box arrived crushed", [await jpeg()]),
    ).toEqual({ ok: true });
    const [row] = await storedRows(id);
    expect(row).toMatchObject({ shopDomain, contentType: "image/jpeg", width: 2000, height: 1000 });
    expect(row!.storageKey).toMatch(new RegExp(`^support/${shopDomain}/${id}/[0-9a-f-]+\\.jpg$`));
    const file = await merchantAttachment(shopDomain, row!.id);
    const metadata = await sharp(file!.bytes).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 2000 });
    expect(metadata.exif).toBeUndefined();
    const thread = await conversationThread(shopDomain, id);
    expect(thread!.messages.at(-1)).toMatchObject({
      body: "The box arrived crushed",
      images: [row!.id],
    });
  });

  it("takes a message of photos alone, but not an empty one", async () => {
    const { shopDomain, id } = await conversation();
    expect(await postShopperMessage(shopDomain, id, "  ", [await jpeg()])).toEqual({ ok: true });
    expect(await postShopperMessage(shopDomain, id, "", [])).toEqual({ ok: false, error: "empty" });
  });

  it.each([
    ["a PDF", "application/pdf", new TextEncoder().encode("%PDF-1.7\n%%EOF"), "notAnImage"],
    [
      "an SVG declared as a PNG",
      "image/png",
      new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>1</script></svg>"),
      "notAnImage",
    ],
    [
      "a photo over the size limit",
      "image/jpeg",
      new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1),
      "imageTooLarge",
    ],
  ] as const)(
    "refuses %s with a photo beside it, storing nothing",
    async (_c, type, bytes, error) => {
      const { shopDomain, id } = await conversation();
      const before = await db.supportConversationMessage.count({ where: { conversationId: id } });
      expect(
        await postShopperMessage(shopDomain, id, "see attached", [
          await jpeg(),
          { contentType: type, bytes },
        ]),
      ).toEqual({ ok: false, error });
      expect(await storedRows(id)).toEqual([]);
      expect(await db.supportConversationMessage.count({ where: { conversationId: id } })).toBe(
        before,
      );
    },
  );

  it("refuses more photos than a message or a conversation may carry", async () => {
    const { shopDomain, id } = await conversation();
    const image = await jpeg();
    const many = Array.from({ length: ATTACHMENT_LIMITS.perMessage + 1 }, () => image);
    expect(await postShopperMessage(shopDomain, id, "four", many)).toEqual({
      ok: false,
      error: "tooManyImages",
    });
    // The album full: 30 rows already (written directly; the message budget allows 10 posts).
    const message = await db.supportConversationMessage.create({
      data: { shopDomain, conversationId: id, author: "shopper", channel: "storefront", body: "" },
    });
    await db.supportConversationAttachment.createMany({
      data: Array.from({ length: ATTACHMENT_LIMITS.perConversation }, (_, index) => ({
        shopDomain,
        conversationId: id,
        messageId: message.id,
        storage: "local",
        storageKey: `support/${shopDomain}/${id}/filler-${index}.jpg`,
        contentType: "image/jpeg",
        bytes: 1,
      })),
    });
    expect(await postShopperMessage(shopDomain, id, "one more", [image])).toEqual({
      ok: false,
      error: "tooManyImages",
    });
  });

  it("sorts an e-mail's attachments one by one, reading none past the caps", async () => {
    const { shopDomain, id } = await conversation();
    const bytes = await photo();
    const read: string[] = [];
    const file = (fileName: string, contentType: string, content = bytes): MailAttachment => ({
      fileName,
      contentType,
      size: content.byteLength,
      read: () => {
        read.push(fileName);
        return Promise.resolve(content);
      },
    });
    const sorted = await sortMailAttachments(shopDomain, id, [
      file("invoice.pdf", "application/pdf", new TextEncoder().encode("%PDF-1.4")),
      file("a.jpg", "image/jpg"),
      file("page.jpg", "image/jpeg", new TextEncoder().encode("<html></html>")),
      file("b.jpg", "IMAGE/JPEG; name=b.jpg"),
      file("huge.png", "image/png", new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1)),
      file("c.jpg", "image/jpeg"),
      file("d.jpg", "image/jpeg"),
    ]);
    expect(sorted.images).toHaveLength(ATTACHMENT_LIMITS.perMessage);
    expect(sorted.refused).toEqual([
      { fileName: "invoice.pdf", reason: "notAnImage" },
      { fileName: "page.jpg", reason: "notAnImage" },
      { fileName: "huge.png", reason: "imageTooLarge" },
      { fileName: "d.jpg", reason: "tooManyImages" },
    ]);
    // Neither the PDF (by its type), the huge file (by its size) nor the one past the cap is read.
    expect(read).toEqual(["a.jpg", "page.jpg", "b.jpg", "c.jpg"]);
    const note = refusedAttachmentsNote(sorted.refused, 2);
    expect(note).toContain("6 attachments of the shopper's e-mail above were not kept");
    expect(note).toContain('- "invoice.pdf": not a photo');
    expect(note).toContain('- "huge.png": larger than 10 MB');
    expect(note).toContain("- 2 more, not looked at");
    expect(refusedAttachmentsNote([], 0)).toBeNull();
    expect(refusedAttachmentsNote([{ fileName: "a\u0000\nb", reason: "notAnImage" }], 0)).toContain(
      "1 attachment of the shopper's e-mail above was not kept",
    );
  });

  it("gives another shop's or another conversation's attachment to nobody, as if missing", async () => {
    const mine = await conversation();
    const other = await conversation();
    const sameShopOther = await conversation(mine.shopDomain);
    await postShopperMessage(mine.shopDomain, mine.id, "mine", [await jpeg()]);
    const [row] = await storedRows(mine.id);
    const open = (shop: string, link: string | null, chat: string | null) =>
      shopperAttachment(shop, { link, chat }, row!.id);

    expect(await open(mine.shopDomain, shopperToken(mine.id), null)).not.toBeNull();
    expect(await open(mine.shopDomain, null, chatToken(mine.shopDomain, mine.id))).not.toBeNull();
    // The merchant of another shop, a shopper of another conversation (same shop or not).
    expect(await merchantAttachment(other.shopDomain, row!.id)).toBeNull();
    expect(await open(other.shopDomain, shopperToken(other.id), null)).toBeNull();
    expect(await open(mine.shopDomain, shopperToken(sameShopOther.id), null)).toBeNull();
    expect(await open(other.shopDomain, shopperToken(mine.id), null)).toBeNull();
    // A chat token of this conversation presented on another shop's storefront.
    expect(await open(other.shopDomain, null, chatToken(mine.shopDomain, mine.id))).toBeNull();
    expect(await open(mine.shopDomain, "forged", "forged")).toBeNull();
    expect(await merchantAttachment(mine.shopDomain, "missing")).toBeNull();
    // The file itself is where the row says.
    expect(await fileStorage().get(row!.storageKey)).not.toBeNull();
  });
});
