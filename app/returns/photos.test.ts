import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PHOTO_LIMITS, preparePhotos } from "./photos.server";

async function phonePhoto() {
  return new Uint8Array(
    await sharp({ create: { width: 3000, height: 1000, channels: 3, background: "#c33" } })
      .jpeg()
      .withExif({ IFD0: { Make: "PhoneCam", Model: "X1" }, IFD3: { GPSLatitudeRef: "N" } })
      .toBuffer(),
  );
}

describe("return photos", () => {
  it("keeps the picture and drops its EXIF, scaled to a reviewable size", async () => {
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await preparePhotos([
      { lineItemId: "1", contentType: "image/jpeg", bytes: original },
    ]);
    if (!result.ok) throw new Error(result.problem);
    const [photo] = result.photos;
    const metadata = await sharp(photo!.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.format).toBe("jpeg");
    expect([metadata.width, metadata.height]).toEqual([PHOTO_LIMITS.maxDimension, 667]);
    expect([photo!.width, photo!.height]).toEqual([2000, 667]);
  });

  it.each([
    [
      "a file that only claims to be an image",
      "image/jpeg",
      new TextEncoder().encode("<script>"),
      "notAnImage",
    ],
    [
      "a type that is not a photo",
      "application/pdf",
      new Uint8Array([37, 80, 68, 70]),
      "notAnImage",
    ],
    [
      "a file over the size limit",
      "image/jpeg",
      new Uint8Array(PHOTO_LIMITS.maxBytes + 1),
      "tooLarge",
    ],
  ] as const)("refuses %s", async (_case, contentType, bytes, problem) => {
    expect(await preparePhotos([{ lineItemId: "1", contentType, bytes }])).toEqual({
      ok: false,
      problem,
    });
  });

  it("refuses more photos than a line or a return may carry", async () => {
    const bytes = await phonePhoto();
    const many = Array.from({ length: PHOTO_LIMITS.perLine + 1 }, () => ({
      lineItemId: "1",
      contentType: "image/jpeg",
      bytes,
    }));
    expect(await preparePhotos(many)).toEqual({ ok: false, problem: "tooMany" });
  });
});
