import { performance } from "node:perf_hooks";
import { heldOutAccuracy } from "../app/support/assistant/accuracy";
import { classify, trainIntentModel } from "../app/support/assistant/classifier.server";
import { HELD_OUT, HELD_OUT_OFF_TOPIC } from "../app/support/assistant/held-out";
import { SHOPPER_LOCALES } from "../app/platform/i18n";

/**
 * The support assistant's intent classifier on its held-out phrasings:
 * `npx tsx scripts/intents.ts` prints accuracy per language (on-topic and off-topic phrasings,
 * then each part alone), the time to train the model and to
 * classify one question; `--misses` lists each wrong answer too.
 */
const showMisses = process.argv.includes("--misses");
for (const language of await heldOutAccuracy()) {
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
  console.log(
    `${language.locale}: ${language.correct}/${language.total} = ${percent(language.accuracy)}` +
      ` (on-topic ${language.onTopicCorrect}/${language.onTopicTotal} = ${percent(language.onTopicCorrect / language.onTopicTotal)};` +
      ` off-topic handled ${language.offTopicHandled}/${language.offTopicTotal})`,
  );
  if (showMisses) {
    for (const miss of language.misses) {
      console.log(`  "${miss.text}": ${miss.expected ?? "off-topic"} → ${miss.got ?? "no intent"}`);
    }
  }
}

const trainStart = performance.now();
const model = await trainIntentModel();
const trainMs = performance.now() - trainStart;
const questions = SHOPPER_LOCALES.flatMap((locale) =>
  [...Object.values(HELD_OUT[locale]), HELD_OUT_OFF_TOPIC[locale]].flatMap((texts) =>
    texts.map((text) => ({ locale, text })),
  ),
);
const timings: number[] = [];
for (let round = 0; round < 10; round++) {
  for (const { locale, text } of questions) {
    const start = performance.now();
    await classify(locale, text, model);
    timings.push(performance.now() - start);
  }
}
timings.sort((a, b) => a - b);
const at = (share: number) =>
  timings[Math.min(timings.length - 1, Math.floor(share * timings.length))]!;
console.log(
  `training: ${trainMs.toFixed(0)} ms; one question (${timings.length} classified): p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`,
);
