import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// The app's SECRETS_KEY for this test process, set before config() first reads the environment.
const key = vi.hoisted(() => {
  const encoded = Buffer.alloc(32, 7).toString("base64");
  process.env.SECRETS_KEY = encoded;
  return encoded;
});

import { db } from "../db.server";
import { openSecret, sealSecret, secretKeyFromBase64 } from "../platform/crypto/secret-box.server";
import { getTrackingSettings, saveTrackingSettings, TrackingSecretError } from "./settings.server";

const shop = () => `sealkey-${randomUUID().slice(0, 8)}.myshopify.com`;
const stored = async (shopDomain: string) =>
  (await db.trackingSettings.findUniqueOrThrow({ where: { shopDomain } })).easypostApiKey;
const storedSecret = async (shopDomain: string) =>
  (await db.trackingSettings.findUniqueOrThrow({ where: { shopDomain } })).easypostWebhookSecret;
const base = { provider: "easypost" as const, stallDays: {}, writeBack: true };

describe("the EasyPost API key at rest", () => {
  it("is stored sealed, never as the key, and read back as the key", async () => {
    const shopDomain = shop();
    const apiKey = `EZTK${randomUUID().replace(/-/g, "")}`;
    await saveTrackingSettings(shopDomain, { ...base, easypostApiKey: apiKey }, "whsec");
    const column = await stored(shopDomain);
    expect(column).toMatch(/^v1\./);
    expect(column).not.toContain(apiKey);
    expect(openSecret(column!, secretKeyFromBase64(key))).toBe(apiKey);
    const settings = await getTrackingSettings(shopDomain);
    expect(settings.easypostApiKey).toBe(apiKey);
    expect(settings.provider).toBe("easypost");

    // Saving without a new key keeps the sealed one as it is.
    await saveTrackingSettings(shopDomain, { ...base, stallDays: { "*": 5 } }, null);
    expect(await stored(shopDomain)).toBe(column);
  });

  it("keeps a plain-text key saved before sealing working, and seals it on the next save", async () => {
    const shopDomain = shop();
    const legacy = "EZAKlegacy0123456789";
    await db.trackingSettings.create({
      data: { shopDomain, provider: "easypost", easypostApiKey: legacy },
    });
    expect((await getTrackingSettings(shopDomain)).easypostApiKey).toBe(legacy);

    await saveTrackingSettings(shopDomain, { ...base, stallDays: { "*": 4 } }, null);
    const column = await stored(shopDomain);
    expect(column).toMatch(/^v1\./);
    expect(column).not.toContain(legacy);
    expect((await getTrackingSettings(shopDomain)).easypostApiKey).toBe(legacy);
  });

  it("fails loudly when the sealed key does not open with SECRETS_KEY", async () => {
    const shopDomain = shop();
    const otherKey = randomBytes(32);
    await db.trackingSettings.create({
      data: {
        shopDomain,
        provider: "easypost",
        easypostApiKey: sealSecret("EZTKsealedelsewhere", otherKey),
      },
    });
    const reading = getTrackingSettings(shopDomain);
    await expect(reading).rejects.toBeInstanceOf(TrackingSecretError);
    await expect(getTrackingSettings(shopDomain)).rejects.toThrow(
      /EasyPost API key does not open with SECRETS_KEY/,
    );

    // A damaged sealed value fails the same way rather than reaching EasyPost.
    await db.trackingSettings.update({
      where: { shopDomain },
      data: { easypostApiKey: "v1.broken" },
    });
    await expect(getTrackingSettings(shopDomain)).rejects.toBeInstanceOf(TrackingSecretError);
  });
});

describe("the EasyPost webhook secret at rest", () => {
  it("is stored sealed and read back as the secret", async () => {
    const shopDomain = shop();
    const secret = `whsec${randomUUID()}`;
    await saveTrackingSettings(shopDomain, { ...base, easypostApiKey: "EZTKkey" }, secret);
    const column = await storedSecret(shopDomain);
    expect(column).toMatch(/^v1\./);
    expect(column).not.toContain(secret);
    expect(openSecret(column!, secretKeyFromBase64(key))).toBe(secret);
    expect((await getTrackingSettings(shopDomain)).easypostWebhookSecret).toBe(secret);

    await saveTrackingSettings(shopDomain, { ...base, stallDays: { "*": 5 } }, null);
    expect(await storedSecret(shopDomain)).toBe(column);
  });

  it("keeps a plain-text secret saved before sealing working, and seals it on the next save", async () => {
    const shopDomain = shop();
    const legacy = "legacy-webhook-secret";
    await db.trackingSettings.create({
      data: {
        shopDomain,
        provider: "easypost",
        easypostApiKey: sealSecret("EZTKkey", secretKeyFromBase64(key)),
        easypostWebhookSecret: legacy,
      },
    });
    expect((await getTrackingSettings(shopDomain)).easypostWebhookSecret).toBe(legacy);

    await saveTrackingSettings(shopDomain, { ...base, stallDays: { "*": 4 } }, null);
    const column = await storedSecret(shopDomain);
    expect(column).toMatch(/^v1\./);
    expect(column).not.toContain(legacy);
    expect((await getTrackingSettings(shopDomain)).easypostWebhookSecret).toBe(legacy);
  });

  it("fails loudly when the sealed secret does not open with SECRETS_KEY", async () => {
    const shopDomain = shop();
    await db.trackingSettings.create({
      data: {
        shopDomain,
        provider: "easypost",
        easypostApiKey: sealSecret("EZTKkey", secretKeyFromBase64(key)),
        easypostWebhookSecret: sealSecret("whsec-elsewhere", randomBytes(32)),
      },
    });
    await expect(getTrackingSettings(shopDomain)).rejects.toBeInstanceOf(TrackingSecretError);
    await expect(getTrackingSettings(shopDomain)).rejects.toThrow(
      /EasyPost webhook secret does not open with SECRETS_KEY/,
    );
  });
});
