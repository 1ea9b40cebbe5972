import sharp from "sharp";

/**
 * Images strangers send us (return photos, support attachments): only real photos within the
 * limits are accepted, and each is decoded and re-encoded as a JPEG. Re-encoding keeps the
 * picture and nothing else: EXIF (camera, GPS position, time) and every other piece of metadata
 * go, the picture is turned upright by its EXIF orientation first, and whatever a crafted file
 * carries besides the picture (HTML or script after the image data, a second format's header)
 * cannot survive, so a stored file is only ever a plain JPEG.
 */

/** The formats phones and browsers send photos in. SVG (script), GIF and TIFF are not among them. */
export type ImageFormat = "jpeg" | "png" | "webp" | "heif";

export interface ImageLimits {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** Longest side kept; larger pictures are scaled down to it. */
  maxDimension: number;
  /** The declared types accepted (the form's or the e-mail part's Content-Type). */
  contentTypes: readonly string[];
}

/**
 * What a shopper's photo upload may be, wherever they send one (a return, a support message): a
 * phone's photo fits, and the longest side kept is enough to judge damage and small enough to
 * page through.
 */
export const SHOPPER_PHOTO_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  contentTypes: ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"],
  maxDimension: 2000,
} as const satisfies ImageLimits;

/** Decoding stops past this many pixels (a small file can claim a huge canvas: a bomb). */
const MAX_INPUT_PIXELS = 1e8;

export type ImageProblem = "tooLarge" | "notAnImage";

export interface PreparedImage {
  bytes: Uint8Array;
  contentType: "image/jpeg";
  width: number;
  height: number;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.byteLength >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The format the file's first bytes announce (its magic number), whatever it was declared as:
 * JPEG FF D8 FF, PNG's 8-byte signature, WebP's RIFF....WEBP, and for HEIC/HEIF an ISO-BMFF
 * `ftyp` box (the brand is left to the decoder, which knows which ones it reads).
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, ascii("ftyp"), 4)) return "heif";
  return null;
}

/**
 * The image checked and re-encoded: refused when too large, declared as something else than a
 * photo, when its bytes are not one of the photo formats, when the decoder finds another format
 * than the bytes announce, or when it does not decode whole (a truncated or corrupt file).
 */
export async function prepareImage(
  upload: { contentType: string; bytes: Uint8Array },
  limits: ImageLimits,
): Promise<{ ok: true; image: PreparedImage } | { ok: false; problem: ImageProblem }> {
  if (upload.bytes.byteLength > limits.maxBytes) return { ok: false, problem: "tooLarge" };
  if (!limits.contentTypes.includes(upload.contentType))
    return { ok: false, problem: "notAnImage" };
  const sniffed = sniffImageFormat(upload.bytes);
  if (!sniffed) return { ok: false, problem: "notAnImage" };
  try {
    const decoder = () =>
      sharp(upload.bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS });
    const { format } = await decoder().metadata();
    if (format !== sniffed) return { ok: false, problem: "notAnImage" };
    const { data, info } = await decoder()
      .rotate()
      .resize(limits.maxDimension, limits.maxDimension, {
        fit: "inside",
        withoutEnlargement: true,
      })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      image: {
        bytes: new Uint8Array(data),
        contentType: "image/jpeg",
        width: info.width,
        height: info.height,
      },
    };
  } catch {
    return { ok: false, problem: "notAnImage" };
  }
}
