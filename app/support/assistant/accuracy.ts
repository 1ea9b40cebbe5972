import { SHOPPER_LOCALES, type ShopperLocale } from "../../platform/i18n";
import { classify, trainIntentModel } from "./classifier.server";
import { HELD_OUT } from "./held-out";
import { INTENTS, type Intent } from "./intents";

export interface LanguageAccuracy {
  locale: ShopperLocale;
  correct: number;
  total: number;
  accuracy: number;
  misses: { text: string; expected: Intent; got: Intent | null }[];
}

/** The shipped model's accuracy on the held-out phrasings, per language. */
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
    const correct = total - misses.length;
    results.push({ locale, correct, total, accuracy: correct / total, misses });
  }
  return results;
}
