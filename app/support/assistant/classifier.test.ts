import { describe, expect, it } from "vitest";
import { SHOPPER_LOCALES } from "../../platform/i18n";
import { heldOutAccuracy } from "./accuracy";
import { classify } from "./classifier.server";
import { TRAINING } from "./corpus";
import { HELD_OUT } from "./held-out";
import { INTENTS } from "./intents";

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

describe("support intent classifier", () => {
  it("is never measured on a phrasing it was trained on", () => {
    for (const locale of SHOPPER_LOCALES) {
      const trained = new Set(INTENTS.flatMap((intent) => TRAINING[locale][intent].map(normalize)));
      for (const intent of INTENTS) {
        for (const text of HELD_OUT[locale][intent])
          expect(trained.has(normalize(text))).toBe(false);
      }
    }
  });

  it("recognizes most held-out phrasings in every language", async () => {
    const results = await heldOutAccuracy();
    for (const language of results) {
      // The measured figures are in the README; this floor catches a corpus or library change
      // that breaks a language.
      expect(language.accuracy, language.locale).toBeGreaterThanOrEqual(0.65);
    }
    const correct = results.reduce((sum, language) => sum + language.correct, 0);
    const total = results.reduce((sum, language) => sum + language.total, 0);
    expect(correct / total).toBeGreaterThanOrEqual(0.75);
  }, 60_000);

  it("answers the questions of the done-when journey, and admits when it does not know", async () => {
    expect((await classify("fr", "où est ma commande ?")).intent).toBe("order.where");
    expect((await classify("en", "I want a refund for a damaged item")).intent).toBe(
      "return.start",
    );
    expect((await classify("en", "purple elephants dance")).intent).toBeNull();
  }, 60_000);
});
