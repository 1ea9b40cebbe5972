import { z } from "zod";
import { config } from "../config.server";
import { db } from "../db.server";
import { openSecret, sealSecret, secretKeyFromBase64 } from "../platform/crypto/secret-box.server";
import { DEFAULT_STALL_DAYS } from "./attention";

const StallDaysSchema = z.record(z.string(), z.number().int().min(1).max(60));

export interface TrackingSettingsView {
  provider: "shopify" | "easypost";
  easypostApiKey: string | null;
  easypostWebhookSecret: string | null;
  stallDays: Record<string, number>;
  writeBack: boolean;
}

/**
 * The EasyPost API key or webhook secret cannot be sealed or opened: no SECRETS_KEY, or another
 * key than sealed it.
 */
export class TrackingSecretError extends Error {
  override name = "TrackingSecretError";
}

function secretsKey() {
  const encoded = config().SECRETS_KEY;
  if (!encoded) {
    throw new TrackingSecretError(
      "SECRETS_KEY is not set: the EasyPost API key and webhook secret cannot be sealed",
    );
  }
  return secretKeyFromBase64(encoded);
}

/** A stored value is sealed (`v1.…`); anything else is plain text saved before it was sealed. */
const isSealed = (stored: string) => stored.startsWith("v1.");

const SEALED_NAMES = { apiKey: "API key", webhookSecret: "webhook secret" } as const;

function openStored(stored: string, what: keyof typeof SEALED_NAMES): string {
  if (!isSealed(stored)) return stored;
  try {
    return openSecret(stored, secretsKey());
  } catch (error) {
    if (error instanceof TrackingSecretError) throw error;
    const remedy =
      what === "apiKey" ? "enter the API key again" : "save the tracking settings with the API key";
    throw new TrackingSecretError(
      `the saved EasyPost ${SEALED_NAMES[what]} does not open with SECRETS_KEY (${(error as Error).message}): restore the SECRETS_KEY that sealed it or ${remedy}`,
    );
  }
}

/** The settings with the EasyPost API key and webhook secret opened; a sealed one that does not open throws. */
export async function getTrackingSettings(shopDomain: string): Promise<TrackingSettingsView> {
  const row = await db.trackingSettings.findUnique({ where: { shopDomain } });
  let stallDays: Record<string, number> = {};
  try {
    stallDays = StallDaysSchema.parse(JSON.parse(row?.stallDays ?? "{}"));
  } catch {
    // Unreadable thresholds fall back to the carrier defaults rather than breaking tracking.
  }
  return {
    provider: row?.provider === "easypost" && row.easypostApiKey ? "easypost" : "shopify",
    easypostApiKey: row?.easypostApiKey ? openStored(row.easypostApiKey, "apiKey") : null,
    easypostWebhookSecret: row?.easypostWebhookSecret
      ? openStored(row.easypostWebhookSecret, "webhookSecret")
      : null,
    stallDays: { ...DEFAULT_STALL_DAYS, ...stallDays },
    writeBack: row?.writeBack ?? true,
  };
}

export const TrackingSettingsInputSchema = z.object({
  provider: z.enum(["shopify", "easypost"]),
  easypostApiKey: z.string().trim().max(200).optional(),
  stallDays: StallDaysSchema,
  writeBack: z.boolean(),
});
export type TrackingSettingsInput = z.infer<typeof TrackingSettingsInputSchema>;

export async function saveTrackingSettings(
  shopDomain: string,
  input: TrackingSettingsInput,
  webhookSecret: string | null,
) {
  // A new key or secret is sealed; plain text saved before they were sealed is sealed now when a
  // SECRETS_KEY is set (without one it keeps working as it is).
  let easypostApiKey = input.easypostApiKey
    ? sealSecret(input.easypostApiKey, secretsKey())
    : undefined;
  let easypostWebhookSecret = webhookSecret ? sealSecret(webhookSecret, secretsKey()) : undefined;
  if ((!easypostApiKey || !easypostWebhookSecret) && config().SECRETS_KEY) {
    const row = await db.trackingSettings.findUnique({
      where: { shopDomain },
      select: { easypostApiKey: true, easypostWebhookSecret: true },
    });
    if (!easypostApiKey && row?.easypostApiKey && !isSealed(row.easypostApiKey)) {
      easypostApiKey = sealSecret(row.easypostApiKey, secretsKey());
    }
    if (
      !easypostWebhookSecret &&
      row?.easypostWebhookSecret &&
      !isSealed(row.easypostWebhookSecret)
    ) {
      easypostWebhookSecret = sealSecret(row.easypostWebhookSecret, secretsKey());
    }
  }
  const fields = {
    provider: input.provider,
    stallDays: JSON.stringify(input.stallDays),
    writeBack: input.writeBack,
    ...(easypostApiKey ? { easypostApiKey } : {}),
    ...(easypostWebhookSecret ? { easypostWebhookSecret } : {}),
  };
  await db.trackingSettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...fields },
    update: fields,
  });
}
