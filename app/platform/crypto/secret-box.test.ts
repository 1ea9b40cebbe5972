import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, secretKeyFromBase64, SecretBoxError } from "./secret-box.server";

const key = randomBytes(32);

describe("secret box (AES-256-GCM)", () => {
  it("opens what it sealed, and never seals the same value the same way twice", () => {
    const sealed = sealSecret("auth-token-0123456789abcdef", key);
    expect(openSecret(sealed, key)).toBe("auth-token-0123456789abcdef");
    expect(sealed).not.toContain("auth-token");
    expect(sealSecret("auth-token-0123456789abcdef", key)).not.toBe(sealed);
  });

  it("refuses another key and any changed byte", () => {
    const sealed = sealSecret("secret", key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(SecretBoxError);
    const [version, iv, tag, ciphertext] = sealed.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() =>
      openSecret([version, iv, tag, flipped.toString("base64url")].join("."), key),
    ).toThrow(SecretBoxError);
    expect(() => openSecret("plain text", key)).toThrow(SecretBoxError);
  });

  it("takes only a 32-byte key", () => {
    expect(secretKeyFromBase64(key.toString("base64"))).toEqual(key);
    expect(() => secretKeyFromBase64(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
