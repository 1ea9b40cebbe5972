import { db } from "../../db.server";
import {
  prepareImage,
  SHOPPER_PHOTO_LIMITS,
  type PreparedImage,
} from "../../platform/images/images.server";
import { storeImages } from "../../platform/images/stored-images.server";
import { fileStorage } from "../../platform/storage/storage.server";
import { readChatToken, readShopperToken } from "./tokens.server";

/**
 * Images a shopper attaches to a message in their conversation (a photo of the damage, of the
 * label): checked and re-encoded like return photos (app/platform/images), stored by the app
 * under a key it chooses, and shown only to the shop's merchant and to whoever holds the
 * conversation's token.
 */
export const ATTACHMENT_LIMITS = {
  /** A few pictures per message: what a person shows; more is a flood. */
  perMessage: 3,
  /** A conversation's whole album: beyond it the team asks for something else than pictures. */
  perConversation: 30,
  ...SHOPPER_PHOTO_LIMITS,
} as const;

export type AttachmentError = "imageTooLarge" | "notAnImage" | "tooManyImages";

export interface UploadedAttachment {
  contentType: string;
  bytes: Uint8Array;
}

/** The uploads checked and re-encoded, or why not (nothing is stored either way). */
export async function prepareAttachments(
  uploads: UploadedAttachment[],
): Promise<{ ok: true; images: PreparedImage[] } | { ok: false; error: AttachmentError }> {
  if (uploads.length > ATTACHMENT_LIMITS.perMessage) return { ok: false, error: "tooManyImages" };
  const images: PreparedImage[] = [];
  for (const upload of uploads) {
    const prepared = await prepareImage(upload, ATTACHMENT_LIMITS);
    if (!prepared.ok) {
      return { ok: false, error: prepared.problem === "tooLarge" ? "imageTooLarge" : "notAnImage" };
    }
    images.push(prepared.image);
  }
  return { ok: true, images };
}

/**
 * An e-mail's attachment, as Mailgun posts it: its file name, declared type and size, and its
 * bytes, read only when it is worth decoding.
 */
export interface MailAttachment {
  fileName: string;
  contentType: string;
  size: number;
  read: () => Promise<Uint8Array>;
}

/** Mail clients' spellings of a JPEG's type, and parameters (`; name=...`) some add. */
function mailContentType(declared: string) {
  const type = declared.split(";")[0]!.trim().toLowerCase();
  return type === "image/jpg" || type === "image/pjpeg" ? "image/jpeg" : type;
}

export type RefusedMailAttachment = {
  fileName: string;
  reason: AttachmentError;
};

/**
 * The images of an e-mail reply that can be kept: unlike the storefront's form (which refuses
 * the message so the shopper can fix it), a reply is taken whatever it carries, so each
 * attachment is kept or set aside on its own: not an image (a PDF, a page, a file named .jpg
 * that is not one), too large, or past the per-message or the conversation's room. Only the
 * first few that fit are decoded; the rest are set aside without being read.
 */
export async function sortMailAttachments(
  shopDomain: string,
  conversationId: string,
  attachments: MailAttachment[],
): Promise<{ images: PreparedImage[]; refused: RefusedMailAttachment[] }> {
  const images: PreparedImage[] = [];
  const refused: RefusedMailAttachment[] = [];
  if (attachments.length === 0) return { images, refused };
  const held = await db.supportConversationAttachment.count({
    where: { shopDomain, conversationId },
  });
  const room = Math.max(
    0,
    Math.min(ATTACHMENT_LIMITS.perMessage, ATTACHMENT_LIMITS.perConversation - held),
  );
  for (const attachment of attachments) {
    if (images.length >= room) {
      refused.push({ fileName: attachment.fileName, reason: "tooManyImages" });
      continue;
    }
    const contentType = mailContentType(attachment.contentType);
    const prepared =
      attachment.size > ATTACHMENT_LIMITS.maxBytes
        ? ({ ok: false, problem: "tooLarge" } as const)
        : !(ATTACHMENT_LIMITS.contentTypes as readonly string[]).includes(contentType)
          ? ({ ok: false, problem: "notAnImage" } as const)
          : await prepareImage({ contentType, bytes: await attachment.read() }, ATTACHMENT_LIMITS);
    if (prepared.ok) images.push(prepared.image);
    else {
      refused.push({
        fileName: attachment.fileName,
        reason: prepared.problem === "tooLarge" ? "imageTooLarge" : "notAnImage",
      });
    }
  }
  return { images, refused };
}

/** The images of a reply form: the files the shopper picked (an empty picker sends none). */
export async function formImages(form: FormData): Promise<UploadedAttachment[]> {
  const files = form
    .getAll("images")
    .filter((value): value is File => typeof value !== "string" && value.size > 0);
  return Promise.all(
    files.map(async (file) => ({
      contentType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/** Whether the conversation's album has room for this many more. */
export async function roomForAttachments(
  shopDomain: string,
  conversationId: string,
  count: number,
) {
  if (count === 0) return true;
  const held = await db.supportConversationAttachment.count({
    where: { shopDomain, conversationId },
  });
  return held + count <= ATTACHMENT_LIMITS.perConversation;
}

/** Writes the images to storage: the rows to create with the message, and a way to undo. */
export async function storeAttachments(
  shopDomain: string,
  conversationId: string,
  images: PreparedImage[],
) {
  const { stored, discard } = await storeImages(`support/${shopDomain}/${conversationId}`, images);
  return { rows: stored.map((image) => ({ shopDomain, conversationId, ...image })), discard };
}

/**
 * An attachment's bytes, only from this shop and, for a shopper, only from the conversation
 * their token names: another shop's, another conversation's and a missing id all give null.
 */
export async function attachmentFile(
  shopDomain: string,
  attachmentId: string,
  conversationId?: string,
) {
  const attachment = await db.supportConversationAttachment.findFirst({
    where: { id: attachmentId, shopDomain, ...(conversationId ? { conversationId } : {}) },
  });
  if (!attachment) return null;
  const bytes = await fileStorage().get(attachment.storageKey);
  return bytes ? { bytes, contentType: attachment.contentType } : null;
}

/** The storage keys of conversations' attachments, to remove once their rows are gone. */
export async function attachmentKeys(where: {
  shopDomain: string;
  conversationId?: { in: string[] };
}) {
  const rows = await db.supportConversationAttachment.findMany({
    where,
    select: { storageKey: true },
  });
  return rows.map((row) => row.storageKey);
}

export async function removeAttachmentFiles(keys: string[]) {
  const storage = fileStorage();
  for (const key of keys) await storage.remove(key);
}

/**
 * An attachment for the shopper holding the conversation's storefront link token (`t`) or the
 * chat widget's token (`c`, which also names the shop): only the images of that conversation.
 */
export function shopperAttachment(
  shopDomain: string,
  tokens: { link: string | null; chat: string | null },
  attachmentId: string,
) {
  const chat = readChatToken(tokens.chat);
  const conversationId =
    readShopperToken(tokens.link) ?? (chat?.shopDomain === shopDomain ? chat.conversationId : null);
  return conversationId ? attachmentFile(shopDomain, attachmentId, conversationId) : null;
}

/** An attachment for the merchant of the shop it belongs to. */
export function merchantAttachment(shopDomain: string, attachmentId: string) {
  return attachmentFile(shopDomain, attachmentId);
}

/** How an attachment is served: only ever as the image it is, never cached by a shared cache. */
export function attachmentResponse(file: { bytes: Buffer; contentType: string } | null) {
  if (!file) {
    return new Response("Not found", {
      status: 404,
      headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
}
