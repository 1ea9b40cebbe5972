import { containerBootstrap } from "@nlpjs/core";
import { LangDe } from "@nlpjs/lang-de";
import { LangEn } from "@nlpjs/lang-en-min";
import { LangEs } from "@nlpjs/lang-es";
import { LangFr } from "@nlpjs/lang-fr";
import { Nlp } from "@nlpjs/nlp";
import { SHOPPER_LOCALES, type ShopperLocale } from "../../platform/i18n";
import { OFF_TOPIC_TRAINING, TRAINING } from "./corpus";
import { INTENTS, type Intent } from "./intents";

/** Below this the classifier is guessing: the assistant asks again and offers a person. */
export const MIN_CONFIDENCE = 0.5;

/** nlp.js's own name for "none of the intents": trained on off-topic questions. */
const OFF_TOPIC = "None";

export interface Classification {
  intent: Intent | null;
  score: number;
  /** The classifier recognized an off-topic question (rather than guessing too weakly). */
  offTopic: boolean;
}

function newModel() {
  const container = containerBootstrap();
  for (const language of [LangEn, LangFr, LangDe, LangEs]) container.use(language);
  return new Nlp(
    {
      languages: [...SHOPPER_LOCALES],
      autoSave: false,
      autoLoad: false,
      // nlp.js would otherwise swap any answer under its own 0.5 for "None" with a score of 1:
      // MIN_CONFIDENCE alone decides, on the classifier's real score.
      threshold: 0,
      nlu: { log: false },
    },
    container,
  );
}

/** Trains a model on the shipped phrasings (or others, for measuring). */
export async function trainIntentModel(
  training: Record<ShopperLocale, Record<Intent, string[]>> = TRAINING,
  offTopic: Record<ShopperLocale, string[]> = OFF_TOPIC_TRAINING,
) {
  const model = newModel();
  for (const locale of SHOPPER_LOCALES) {
    model.addLanguage(locale);
    for (const intent of INTENTS) {
      for (const phrasing of training[locale][intent]) model.addDocument(locale, phrasing, intent);
    }
    for (const phrasing of offTopic[locale]) model.addDocument(locale, phrasing, OFF_TOPIC);
  }
  await model.train();
  return model;
}

let trained: Promise<Nlp> | undefined;

/** The shipped model, trained once per process at first use (about a second). */
export function intentModel(): Promise<Nlp> {
  trained ??= trainIntentModel().catch((error: unknown) => {
    trained = undefined;
    throw error;
  });
  return trained;
}

/** What the shopper asked, in their language; `intent` null when no intent is likely enough. */
export async function classify(
  locale: ShopperLocale,
  text: string,
  model?: Nlp,
): Promise<Classification> {
  const result = await (model ?? (await intentModel())).process(locale, text);
  const intent = (INTENTS as readonly string[]).includes(result.intent)
    ? (result.intent as Intent)
    : null;
  const offTopic = result.intent === OFF_TOPIC && result.score >= MIN_CONFIDENCE;
  if (!intent || result.score < MIN_CONFIDENCE)
    return { intent: null, score: result.score, offTopic };
  return { intent, score: result.score, offTopic: false };
}
