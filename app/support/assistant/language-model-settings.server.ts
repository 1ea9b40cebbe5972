import { z } from "zod";
import { config } from "../../config.server";
import { db } from "../../db.server";
import {
  openSecret,
  sealSecret,
  secretKeyFromBase64,
} from "../../platform/crypto/secret-box.server";
import { log } from "../../platform/logging/logger.server";
import { checkPublicHost } from "../../platform/http/public-hosts.server";
import type { ShopperLocale } from "../../platform/i18n";
import { INTENTS, type Intent } from "./intents";
import { OpenAiCompatibleProvider, type LanguageModelProvider } from "./language-model.server";

/** A shopper waits for the answer: a model slower than this is not waited for. */
export const LANGUAGE_MODEL_TIMEOUT_MS = 4000;

/** What the admin shows: the key itself never leaves the server, only whether one is saved. */
export interface LanguageModelSettingsView {
  enabled: boolean;
  baseUrl: string;
  model: string;
  hasApiKey: boolean;
}

export async function languageModelSettings(
  shopDomain: string,
): Promise<LanguageModelSettingsView> {
  const row = await db.supportLanguageModelSettings.findUnique({ where: { shopDomain } });
  return {
    enabled: row?.enabled ?? false,
    baseUrl: row?.baseUrl ?? "",
    model: row?.model ?? "",
    hasApiKey: Boolean(row?.apiKeySealed),
  };
}

export type LanguageModelSettingsError =
  "baseUrl" | "privateHost" | "model" | "apiKey" | "secretsKey";

export type LanguageModelSettingsResult =
  { ok: true } | { ok: false; error: LanguageModelSettingsError; message?: string };

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The API's base as a merchant's URL, like their event endpoints: https to a public host; plain
 * http on this machine and private hosts only for the stand-in (DESTINATIONS_ALLOW_PRIVATE_HOSTS).
 * Every call checks the address connected to again.
 */
async function checkBaseUrl(input: string): Promise<LanguageModelSettingsResult | string> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, error: "baseUrl" };
  }
  const allowPrivate = config().DESTINATIONS_ALLOW_PRIVATE_HOSTS;
  const localHttp = url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname) && allowPrivate;
  if ((url.protocol !== "https:" && !localHttp) || url.username || url.password || url.search) {
    return { ok: false, error: "baseUrl" };
  }
  if (!allowPrivate) {
    try {
      await checkPublicHost(url.hostname);
    } catch (error) {
      return { ok: false, error: "privateHost", message: (error as Error).message };
    }
  }
  return url.toString().replace(/\/+$/, "");
}

const FormSchema = z.object({
  enabled: z.boolean(),
  baseUrl: z.string().trim().max(500),
  model: z.string().trim().max(100),
  apiKey: z.string().trim().max(500),
});

function secretsKey(): Buffer | null {
  const encoded = config().SECRETS_KEY;
  return encoded ? secretKeyFromBase64(encoded) : null;
}

/**
 * Saves the form: `enabled` (on/absent), `baseUrl`, `model` and `apiKey` (empty keeps the saved
 * key). Switched on, all three are needed; switched off, whatever was typed is kept as it is.
 */
export async function saveLanguageModelSettings(
  shopDomain: string,
  form: URLSearchParams,
): Promise<LanguageModelSettingsResult> {
  const input = FormSchema.safeParse({
    enabled: form.get("enabled") === "on",
    baseUrl: form.get("baseUrl") ?? "",
    model: form.get("model") ?? "",
    apiKey: form.get("apiKey") ?? "",
  });
  if (!input.success) {
    const field = input.error.issues[0]?.path[0];
    return { ok: false, error: field === "model" || field === "apiKey" ? field : "baseUrl" };
  }
  const { enabled, model, apiKey } = input.data;
  let baseUrl = input.data.baseUrl;
  if (baseUrl || enabled) {
    const checked = await checkBaseUrl(baseUrl);
    if (typeof checked !== "string") return checked;
    baseUrl = checked;
  }
  if (enabled && !model) return { ok: false, error: "model" };
  if (/\s/.test(apiKey)) return { ok: false, error: "apiKey" };
  const current = await db.supportLanguageModelSettings.findUnique({ where: { shopDomain } });
  if (enabled && !apiKey && !current?.apiKeySealed) return { ok: false, error: "apiKey" };
  let apiKeySealed = current?.apiKeySealed ?? "";
  if (apiKey) {
    const key = secretsKey();
    if (!key) return { ok: false, error: "secretsKey" };
    apiKeySealed = sealSecret(apiKey, key);
  }
  const data = { enabled, baseUrl, model, apiKeySealed };
  await db.supportLanguageModelSettings.upsert({
    where: { shopDomain },
    create: { shopDomain, ...data },
    update: data,
  });
  return { ok: true };
}

/** The shop's model when the merchant switched it on; null otherwise (nothing is called). */
export async function shopLanguageModel(shopDomain: string): Promise<LanguageModelProvider | null> {
  const row = await db.supportLanguageModelSettings.findUnique({ where: { shopDomain } });
  if (!row?.enabled || !row.apiKeySealed || !row.baseUrl || !row.model) return null;
  const key = secretsKey();
  if (!key) {
    log().warn({ shopDomain }, "language model switched on but SECRETS_KEY is not set");
    return null;
  }
  return new OpenAiCompatibleProvider({
    baseUrl: row.baseUrl,
    model: row.model,
    apiKey: openSecret(row.apiKeySealed, key),
    timeoutMs: LANGUAGE_MODEL_TIMEOUT_MS,
    allowPrivate: config().DESTINATIONS_ALLOW_PRIVATE_HOSTS,
  });
}

/**
 * The intent the shop's model names for a question the local classifier could not place, or
 * null: when it is off (nothing is sent), says none, answers anything but one of our intents,
 * fails or is too slow. A failure is logged and the shopper gets the "not sure" answer as before.
 */
export async function fallbackIntent(
  shopDomain: string,
  locale: ShopperLocale,
  question: string,
): Promise<Intent | null> {
  try {
    const model = await shopLanguageModel(shopDomain);
    if (!model) return null;
    return await model.classify(question, INTENTS, locale);
  } catch (error) {
    log().warn({ err: error, shopDomain }, "language model fallback failed");
    return null;
  }
}
