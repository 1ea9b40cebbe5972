import { z } from "zod";
import { config } from "../../config.server";
import { db } from "../../db.server";
import {
  openSecret,
  sealSecret,
  secretKeyFromBase64,
} from "../../platform/crypto/secret-box.server";
import type { SmsCredentials } from "../../platform/sms/provider";

/** The shop's SMS account as the admin shows it: never the auth token itself. */
export interface SmsAccountView {
  accountSid: string | null;
  hasAuthToken: boolean;
  fromNumber: string | null;
  messagingServiceSid: string | null;
  helpText: string | null;
  /** Ten-thousandths of the currency unit per segment. */
  pricePerSegment: number;
}

export const SmsAccountInputSchema = z
  .object({
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-f]{32}$/),
    /** Empty keeps the token already saved. */
    authToken: z.string().trim().max(200).default(""),
    fromNumber: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{1,14}$/)
      .or(z.literal(""))
      .default(""),
    messagingServiceSid: z
      .string()
      .trim()
      .regex(/^MG[0-9a-f]{32}$/)
      .or(z.literal(""))
      .default(""),
    helpText: z.string().trim().max(320).default(""),
    pricePerSegment: z.number().int().min(0).max(100_000).default(83),
  })
  .refine((input) => input.fromNumber || input.messagingServiceSid, { path: ["sender"] });

/** What is wrong with a refused account, by field ("sender": neither a number nor a service). */
export type SmsAccountProblem =
  keyof z.input<typeof SmsAccountInputSchema> | "sender" | "authTokenMissing";

export class SmsAccountError extends Error {
  override name = "SmsAccountError";
}

function secretsKey() {
  const encoded = config().SECRETS_KEY;
  if (!encoded)
    throw new SmsAccountError("SECRETS_KEY is not set: the auth token cannot be sealed");
  return secretKeyFromBase64(encoded);
}

export async function getSmsAccountView(shopDomain: string): Promise<SmsAccountView> {
  const row = await db.notificationSettings.findUnique({ where: { shopDomain } });
  return {
    accountSid: row?.smsAccountSid ?? null,
    hasAuthToken: Boolean(row?.smsAuthTokenSealed),
    fromNumber: row?.smsFromNumber ?? null,
    messagingServiceSid: row?.smsMessagingServiceSid ?? null,
    helpText: row?.smsHelpText ?? null,
    pricePerSegment: row?.smsPricePerSegment ?? 83,
  };
}

/**
 * Saves the account; the auth token is sealed, and an empty one keeps the saved token. A refusal
 * names the problems, for the page to word in the admin's language.
 */
export async function saveSmsAccount(shopDomain: string, input: unknown) {
  const parsed = SmsAccountInputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => String(issue.path[0]) as SmsAccountProblem);
    return { ok: false as const, problems };
  }
  const current = await db.notificationSettings.findUnique({ where: { shopDomain } });
  if (!parsed.data.authToken && !current?.smsAuthTokenSealed) {
    return { ok: false as const, problems: ["authTokenMissing" as const] };
  }
  const data = {
    smsAccountSid: parsed.data.accountSid,
    smsAuthTokenSealed: parsed.data.authToken
      ? sealSecret(parsed.data.authToken, secretsKey())
      : current!.smsAuthTokenSealed,
    smsFromNumber: parsed.data.fromNumber || null,
    smsMessagingServiceSid: parsed.data.messagingServiceSid || null,
    smsHelpText: parsed.data.helpText || null,
    smsPricePerSegment: parsed.data.pricePerSegment,
  };
  await db.notificationSettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...data },
    update: data,
  });
  return { ok: true as const };
}

/** The account opened for sending or for checking a callback; null when SMS is not set up. */
export async function smsCredentials(shopDomain: string): Promise<SmsCredentials | null> {
  const row = await db.notificationSettings.findUnique({ where: { shopDomain } });
  if (!row?.smsAccountSid || !row.smsAuthTokenSealed) return null;
  if (!row.smsFromNumber && !row.smsMessagingServiceSid) return null;
  return {
    accountSid: row.smsAccountSid,
    authToken: openSecret(row.smsAuthTokenSealed, secretsKey()),
    from: row.smsMessagingServiceSid
      ? { messagingServiceSid: row.smsMessagingServiceSid }
      : { phoneNumber: row.smsFromNumber! },
  };
}
