import { randomUUID } from "node:crypto";
import { db } from "../db.server";
import { prepareImage, SHOPPER_PHOTO_LIMITS } from "../platform/images/images.server";
import { storeImages } from "../platform/images/stored-images.server";
import { fileStorage } from "../platform/storage/storage.server";

/**
 * Photos shoppers attach to a return: only real images within the limits are accepted, and each
 * is decoded and re-encoded as a JPEG (app/platform/images), which drops EXIF (camera, GPS
 * position, time) and every other piece of metadata the shopper's phone put in.
 */

export const PHOTO_LIMITS = { ...SHOPPER_PHOTO_LIMITS, perLine: 4, perReturn: 10 } as const;

export type PhotoProblem = "tooLarge" | "notAnImage" | "tooMany";

export interface PreparedPhoto {
  lineItemId: string;
  bytes: Uint8Array;
  width: number;
  height: number;
}

export interface UploadedPhoto {
  lineItemId: string;
  contentType: string;
  bytes: Uint8Array;
}

export async function preparePhotos(
  uploads: UploadedPhoto[],
): Promise<{ ok: true; photos: PreparedPhoto[] } | { ok: false; problem: PhotoProblem }> {
  if (uploads.length > PHOTO_LIMITS.perReturn) return { ok: false, problem: "tooMany" };
  const perLine = new Map<string, number>();
  for (const upload of uploads) {
    perLine.set(upload.lineItemId, (perLine.get(upload.lineItemId) ?? 0) + 1);
  }
  if ([...perLine.values()].some((count) => count > PHOTO_LIMITS.perLine)) {
    return { ok: false, problem: "tooMany" };
  }
  const photos: PreparedPhoto[] = [];
  for (const upload of uploads) {
    const prepared = await prepareImage(upload, PHOTO_LIMITS);
    if (!prepared.ok) return prepared;
    const { bytes, width, height } = prepared.image;
    photos.push({ lineItemId: upload.lineItemId, bytes, width, height });
  }
  return { ok: true, photos };
}

/** Writes the photos to storage; the rows to create with the return, and a way to undo. */
export async function storePhotos(shopDomain: string, photos: PreparedPhoto[]) {
  const { stored, discard } = await storeImages(
    `returns/${shopDomain}/${randomUUID()}`,
    photos.map(({ bytes, width, height }) => ({ bytes, width, height, contentType: "image/jpeg" })),
  );
  const rows = stored.map((image, index) => ({
    shopDomain,
    lineItemShopifyId: photos[index]!.lineItemId,
    ...image,
  }));
  return { rows, discard };
}

/** A return photo's bytes for the merchant, only from the shop that owns it. */
export async function photoFile(shopDomain: string, photoId: string) {
  const photo = await db.returnPhoto.findFirst({ where: { id: photoId, shopDomain } });
  if (!photo) return null;
  const bytes = await fileStorage().get(photo.storageKey);
  return bytes ? { bytes, contentType: photo.contentType } : null;
}
