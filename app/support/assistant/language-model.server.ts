import { postToPublicHost } from "../../platform/http/public-hosts.server";
import type { ShopperLocale } from "../../platform/i18n";
import type { Intent } from "./intents";

/**
 * A hosted language model the merchant may switch on, asked only to name which of our intents a
 * question is about. It never writes what the shopper reads: its answer is one of the intent
 * names it was given or nothing, and the assistant's answer still comes from our data.
 */
export interface LanguageModelProvider {
  /** One of `intents`, or null for none of them. Throws when the model could not be asked. */
  classify(
    question: string,
    intents: readonly Intent[],
    locale: ShopperLocale,
  ): Promise<Intent | null>;
}

export class LanguageModelError extends Error {
  override name = "LanguageModelError";
}

export interface OpenAiCompatibleOptions {
  /** The API's base, e.g. https://api.openai.com/v1; checked as a merchant's URL when saved. */
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
  /** Tests and the demo call the stand-in on this machine (DESTINATIONS_ALLOW_PRIVATE_HOSTS). */
  allowPrivate: boolean;
}

/** An answer of one intent name is a few dozen bytes; anything past this is not read. */
const RESPONSE_LIMIT = 16 * 1024;

const LANGUAGES: Record<ShopperLocale, string> = {
  en: "English",
  fr: "French",
  de: "German",
  es: "Spanish",
};

function instructions(intents: readonly Intent[], locale: ShopperLocale) {
  return [
    "You classify a shopper's question to an online shop's after-sales assistant.",
    `The question is in ${LANGUAGES[locale]}. The intents are:`,
    ...intents.map((intent) => `- ${intent}`),
    "- none (anything else, or when unsure)",
    'Answer with a JSON object and nothing else: {"intent": "<one intent name from the list>"}.',
    "Never answer the question itself.",
  ].join("\n");
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The intent a completion names, if it names exactly one of ours; anything else is none. */
export function intentOfCompletion(content: unknown, intents: readonly Intent[]): Intent | null {
  if (typeof content !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  const named = isObject(parsed) ? parsed.intent : undefined;
  return intents.find((intent) => intent === named) ?? null;
}

/**
 * An OpenAI-compatible Chat Completions API (`POST {baseUrl}/chat/completions`, Bearer key, JSON
 * mode). Only the question is sent: no order, no email, no name. The connection goes through the
 * public-host guard (a merchant's URL must not reach our own network), with a timeout and a
 * bounded response.
 */
export class OpenAiCompatibleProvider implements LanguageModelProvider {
  constructor(private readonly options: OpenAiCompatibleOptions) {}

  async classify(
    question: string,
    intents: readonly Intent[],
    locale: ShopperLocale,
  ): Promise<Intent | null> {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, "")}/chat/completions`);
    const body = JSON.stringify({
      model: this.options.model,
      messages: [
        { role: "system", content: instructions(intents, locale) },
        { role: "user", content: question },
      ],
      response_format: { type: "json_object" },
    });
    const response = await postToPublicHost(url, {
      headers: {
        Authorization: `Bearer ${this.options.apiKey}`,
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body,
      timeoutMs: this.options.timeoutMs,
      responseLimit: RESPONSE_LIMIT,
      allowPrivate: this.options.allowPrivate,
    });
    if (response.status !== 200) {
      let message = response.body.slice(0, 300);
      try {
        const parsed: unknown = JSON.parse(response.body);
        if (isObject(parsed) && isObject(parsed.error)) message = String(parsed.error.message);
      } catch {
        // not JSON: the start of the body says what went wrong
      }
      throw new LanguageModelError(`the model answered ${response.status}: ${message}`);
    }
    let completion: unknown;
    try {
      completion = JSON.parse(response.body);
    } catch {
      throw new LanguageModelError("the model's answer is not JSON (or is over 16 KB)");
    }
    const choice =
      isObject(completion) && Array.isArray(completion.choices) ? completion.choices[0] : null;
    const content = isObject(choice) && isObject(choice.message) ? choice.message.content : null;
    return intentOfCompletion(content, intents);
  }
}
