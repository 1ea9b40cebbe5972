import { SHOPPER_LOCALES, type ShopperLocale } from "../../platform/i18n";
import { classify, trainIntentModel } from "./classifier.server";
import { HELD_OUT, HELD_OUT_OFF_TOPIC } from "./held-out";
import { INTENTS, type Intent } from "./intents";

export interface LanguageAccuracy {
  locale: ShopperLocale;
  correct: number;
  total: number;
  accuracy: number;
  /** Off-topic questions answered "not sure" rather than forced into an intent. */
  offTopicHandled: number;
  offTopicTotal: number;
  /** On-topic phrasings alone, comparable with the figures before the off-topic class. */
  onTopicCorrect: number;
  onTopicTotal: number;
  /** `expected` null: an off-topic question that got an intent. */
  misses: { text: string; expected: Intent | null; got: Intent | null }[];
}

/**
 * The shipped model's accuracy on the held-out phrasings, per language: on-topic phrasings must
 * get their intent, off-topic ones no intent.
 */
export async function heldOutAccuracy(): Promise<LanguageAccuracy[]> {
  const model = await trainIntentModel();
  const results: LanguageAccuracy[] = [];
  for (const locale of SHOPPER_LOCALES) {
    const misses: LanguageAccuracy["misses"] = [];
    let total = 0;
    for (const expected of INTENTS) {
      for (const text of HELD_OUT[locale][expected]) {
        total += 1;
        const { intent } = await classify(locale, text, model);
        if (intent !== expected) misses.push({ text, expected, got: intent });
      }
    }
    const onTopicTotal = total;
    const onTopicCorrect = total - misses.length;
    let offTopicHandled = 0;
    for (const text of HELD_OUT_OFF_TOPIC[locale]) {
      total += 1;
      const { intent } = await classify(locale, text, model);
      if (intent === null) offTopicHandled += 1;
      else misses.push({ text, expected: null, got: intent });
    }
    const correct = total - misses.length;
    results.push({
      locale,
      correct,
      total,
      accuracy: correct / total,
      offTopicHandled,
      offTopicTotal: HELD_OUT_OFF_TOPIC[locale].length,
      onTopicCorrect,
      onTopicTotal,
      misses,
    });
  }
  return results;
}
