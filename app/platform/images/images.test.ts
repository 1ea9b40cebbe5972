import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { prepareImage, sniffImageFormat } from "./images.server";

const LIMITS = {
  maxBytes: 1024 * 1024,
  maxDimension: 800,
  contentTypes: ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"],
};
const text = (value: string) => new TextEncoder().encode(value);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const picture = (width = 300, height = 100) =>
  sharp({ create: { width, height, channels: 3, background: "#2a6" } });

/** A PNG whose header claims a canvas of width × height, with one tiny compressed row. */
function pngClaiming(width: number, height: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(Buffer.alloc(width + 1))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

describe("sniffImageFormat", () => {
  it("names the format the bytes announce, not the one declared", async () => {
    expect(sniffImageFormat(await picture().jpeg().toBuffer())).toBe("jpeg");
    expect(sniffImageFormat(await picture().png().toBuffer())).toBe("png");
    expect(sniffImageFormat(await picture().webp().toBuffer())).toBe("webp");
    expect(sniffImageFormat(await picture().heif({ compression: "av1" }).toBuffer())).toBe("heif");
    expect(sniffImageFormat(await picture().gif().toBuffer())).toBeNull();
    expect(sniffImageFormat(text("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageFormat(new Uint8Array())).toBeNull();
  });
});

describe("prepareImage", () => {
  it("re-encodes a phone photo as a plain upright JPEG: EXIF gone, orientation applied", async () => {
    // A camera stores the sensor's landscape pixels and says "rotate 90°" (EXIF Orientation 6).
    const original = await picture(300, 100)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: "PhoneCam" }, IFD3: { GPSLatitudeRef: "N" } })
      .toBuffer();
    expect((await sharp(original).metadata()).orientation).toBe(6);
    const result = await prepareImage(
      { contentType: "image/jpeg", bytes: new Uint8Array(original) },
      LIMITS,
    );
    if (!result.ok) throw new Error(result.problem);
    const metadata = await sharp(result.image.bytes).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 100, height: 300 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(result.image).toMatchObject({ contentType: "image/jpeg", width: 100, height: 300 });
  });

  it.each([
    ["PNG", "image/png", () => picture().png().toBuffer()],
    ["WebP", "image/webp", () => picture().webp().toBuffer()],
    ["HEIF (AV1)", "image/heif", () => picture().heif({ compression: "av1" }).toBuffer()],
  ])("accepts a %s and scales it within the limit", async (_format, contentType, make) => {
    const big = await sharp(await make())
      .resize(1600, 400)
      .toBuffer();
    const result = await prepareImage({ contentType, bytes: new Uint8Array(big) }, LIMITS);
    if (!result.ok) throw new Error(result.problem);
    expect([result.image.width, result.image.height]).toEqual([800, 200]);
    expect((await sharp(result.image.bytes).metadata()).format).toBe("jpeg");
  });

  it("keeps only the picture of a JPEG that carries HTML after its image data", async () => {
    const jpeg = await picture().jpeg().toBuffer();
    const bytes = concat(jpeg, text("<html><script>alert(document.cookie)</script></html>"));
    const result = await prepareImage({ contentType: "image/jpeg", bytes }, LIMITS);
    if (!result.ok) throw new Error(result.problem);
    expect(Buffer.from(result.image.bytes).includes("<script")).toBe(false);
  });

  it.each([
    ["a PDF", "application/pdf", async () => text("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF")],
    ["a PDF declared as a JPEG", "image/jpeg", async () => text("%PDF-1.7\n%%EOF")],
    [
      "an SVG declared as a PNG",
      "image/png",
      async () => text("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ],
    [
      "HTML declared as a JPEG",
      "image/jpeg",
      async () => text("<!doctype html><script>1</script>"),
    ],
    [
      "an HTML page with a PNG inside (a polyglot)",
      "image/png",
      async () => concat(text("<html><!--"), await picture().png().toBuffer(), text("--></html>")),
    ],
    [
      "a GIF declared as a JPEG",
      "image/jpeg",
      async () => new Uint8Array(await picture().gif().toBuffer()),
    ],
    [
      "a PNG that announces itself as a JPEG (JPEG magic, PNG inside)",
      "image/jpeg",
      async () => concat(new Uint8Array([0xff, 0xd8, 0xff]), await picture().png().toBuffer()),
    ],
    [
      "a truncated JPEG",
      "image/jpeg",
      async () => {
        const jpeg = await picture(600, 600).jpeg().toBuffer();
        return new Uint8Array(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
      },
    ],
    ["a PNG claiming 200,000 × 200,000 pixels", "image/png", async () => pngClaiming(2e5, 2e5)],
  ])("refuses %s as not an image", async (_case, contentType, make) => {
    expect(await prepareImage({ contentType, bytes: await make() }, LIMITS)).toEqual({
      ok: false,
      problem: "notAnImage",
    });
  });

  it("refuses a file over the byte limit before decoding it", async () => {
    const bytes = new Uint8Array(LIMITS.maxBytes + 1);
    bytes.set([0xff, 0xd8, 0xff]);
    expect(await prepareImage({ contentType: "image/jpeg", bytes }, LIMITS)).toEqual({
      ok: false,
      problem: "tooLarge",
    });
  });
});
