/**
 * `npm run -s carrier -- <number> [<number>…]`: detects each number's carrier from its format
 * and prints one JSON object per line: {"number","carrier","confidence","valid"}.
 *
 * Measuring (app/tracking/carriers/test-set.ts says where each labelled number comes from):
 * - `--accuracy [spec|docs]`: accuracy on the labelled numbers, per set, with the misses;
 * - `--labelled`: the labelled numbers, one per line, to feed another version of this command;
 * - `--score <file>`: scores that command's output (one JSON object per line, in the order of
 *   `--labelled`) against the labels, so two versions are compared on the same numbers;
 * - `--bench`: numbers detected per second, next to a floor measured in the same run.
 */
import { readFileSync } from "node:fs";
import { detectCarrier, normalizeTrackingNumber } from "../app/tracking/carriers/detect";
import { LABELLED_NUMBERS, type LabelledNumber } from "../app/tracking/carriers/test-set";

const args = process.argv.slice(2).filter((arg) => arg !== "--");

function accuracy(labelled: LabelledNumber[], detected: (string | null)[]) {
  const sets = [...new Set(labelled.map((entry) => entry.set))];
  const report = (entries: [LabelledNumber, string | null][]) => {
    const misses = entries.filter(([entry, carrier]) => carrier !== entry.carrier);
    return {
      numbers: entries.length,
      carriers: new Set(entries.map(([entry]) => entry.carrier).filter(Boolean)).size,
      correct: entries.length - misses.length,
      accuracy: Math.round((1 - misses.length / entries.length) * 1000) / 1000,
      misses: misses.map(([entry, carrier]) => ({
        number: entry.number,
        expected: entry.carrier,
        detected: carrier,
      })),
    };
  };
  const pairs = labelled.map((entry, index) => [entry, detected[index] ?? null] as const);
  return Object.fromEntries(
    sets.map((set) => [
      set,
      report(pairs.filter(([entry]) => entry.set === set) as [LabelledNumber, string | null][]),
    ]),
  );
}

function bench() {
  const numbers = LABELLED_NUMBERS.map((entry) => entry.number);
  const rate = (work: (number: string) => unknown) => {
    for (let round = 0; round < 3; round++) numbers.forEach(work);
    let done = 0;
    const started = process.hrtime.bigint();
    while (process.hrtime.bigint() - started < 1_000_000_000n) {
      numbers.forEach(work);
      done += numbers.length;
    }
    return Math.round(done / (Number(process.hrtime.bigint() - started) / 1e9));
  };
  const floor = /^1Z[0-9A-Z]{16}$/;
  console.log(
    JSON.stringify({
      numbers: numbers.length,
      detectPerSecond: rate((number) => detectCarrier(number)),
      floorPerSecond: rate((number) => floor.test(normalizeTrackingNumber(number))),
      floor: "normalize the number and test one regex (the least any detection does)",
    }),
  );
}

if (args[0] === "--accuracy") {
  const only = args[1];
  const labelled = LABELLED_NUMBERS.filter((entry) => !only || entry.set === only);
  const detected = labelled.map(({ number }) => detectCarrier(number).carrier);
  console.log(JSON.stringify(accuracy(labelled, detected)));
} else if (args[0] === "--labelled") {
  for (const entry of LABELLED_NUMBERS) console.log(JSON.stringify(entry));
} else if (args[0] === "--score" && args[1]) {
  const detected = readFileSync(args[1], "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { carrier: string | null }).carrier);
  if (detected.length !== LABELLED_NUMBERS.length) {
    console.error(`expected ${LABELLED_NUMBERS.length} lines, got ${detected.length}`);
    process.exit(2);
  }
  console.log(JSON.stringify(accuracy(LABELLED_NUMBERS, detected)));
} else if (args[0] === "--bench") {
  bench();
} else if (args.length === 0 || args[0]!.startsWith("--")) {
  console.error(
    "usage: npm run -s carrier -- <tracking number>… | --accuracy [spec|docs] | --labelled | --score <file> | --bench",
  );
  process.exit(2);
} else {
  for (const number of args) {
    const { carrier, confidence, valid } = detectCarrier(number);
    console.log(JSON.stringify({ number, carrier, confidence, valid }));
  }
}
