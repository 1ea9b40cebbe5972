import { z } from "zod";
import { db } from "../db.server";
import { DEFAULT_STALL_DAYS } from "./attention";

const StallDaysSchema = z.record(z.string(), z.number().int().min(1).max(60));

export interface TrackingSettingsView {
  provider: "shopify" | "easypost";
  easypostApiKey: string | null;
  easypostWebhookSecret: string | null;
  stallDays: Record<string, number>;
  writeBack: boolean;
}

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
    easypostApiKey: row?.easypostApiKey ?? null,
    easypostWebhookSecret: row?.easypostWebhookSecret ?? null,
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
  const fields = {
    provider: input.provider,
    stallDays: JSON.stringify(input.stallDays),
    writeBack: input.writeBack,
    ...(input.easypostApiKey ? { easypostApiKey: input.easypostApiKey } : {}),
    ...(webhookSecret ? { easypostWebhookSecret: webhookSecret } : {}),
  };
  await db.trackingSettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...fields },
    update: fields,
  });
}
