import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets kept at rest (a shop's provider credentials) sealed with AES-256-GCM: a fresh 96-bit IV
 * per value and the 128-bit tag, so a changed byte or another key fails to open instead of
 * yielding garbage. Sealed form: `v1.<iv>.<tag>.<ciphertext>`, each base64url.
 */

const VERSION = "v1";

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

/** The 32-byte key from its base64 form (SECRETS_KEY), refusing any other length. */
export function secretKeyFromBase64(encoded: string): Buffer {
  const key = Buffer.from(encoded, "base64");
  if (key.length !== 32) {
    throw new SecretBoxError(`a secrets key must be 32 bytes in base64, got ${key.length} bytes`);
  }
  return key;
}

export function sealSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new SecretBoxError("not a sealed secret");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretBoxError("the secret does not open with this key (changed or another key)");
  }
}
