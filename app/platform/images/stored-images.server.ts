import { randomUUID } from "node:crypto";
import { fileStorage } from "../storage/storage.server";
import type { PreparedImage } from "./images.server";

/** Where one prepared image went: the columns its row keeps. */
export interface StoredImage {
  storage: string;
  storageKey: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
}

/**
 * Writes prepared images under `folder` with keys the app chooses (never a shopper's file name),
 * and gives what their rows keep, in order, with a way to undo when those rows are not written.
 */
export async function storeImages(folder: string, images: PreparedImage[]) {
  const storage = fileStorage();
  const stored: StoredImage[] = [];
  for (const image of images) {
    const storageKey = `${folder}/${randomUUID()}.jpg`;
    await storage.put(storageKey, image.bytes, image.contentType);
    stored.push({
      storage: storage.kind,
      storageKey,
      contentType: image.contentType,
      bytes: image.bytes.byteLength,
      width: image.width,
      height: image.height,
    });
  }
  const discard = () => Promise.all(stored.map((image) => storage.remove(image.storageKey)));
  return { stored, discard };
}
