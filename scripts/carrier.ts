/**
 * `npm run -s carrier -- <number> [<number>…]`: detects each number's carrier from its format
 * and prints one JSON object per line: {"number","carrier","confidence","valid"}.
 * `npm run -s carrier -- --accuracy` measures detection on the labelled real-format numbers.
 */
import { detectCarrier } from "../app/tracking/carriers/detect";
import { LABELLED_NUMBERS } from "../app/tracking/carriers/test-set";

const args = process.argv.slice(2).filter((arg) => arg !== "--");

if (args[0] === "--accuracy") {
  const misses = LABELLED_NUMBERS.filter(
    ({ number, carrier }) => detectCarrier(number).carrier !== carrier,
  );
  const carriers = new Set(LABELLED_NUMBERS.map((entry) => entry.carrier));
  console.log(
    JSON.stringify({
      numbers: LABELLED_NUMBERS.length,
      carriers: carriers.size,
      correct: LABELLED_NUMBERS.length - misses.length,
      accuracy: 1 - misses.length / LABELLED_NUMBERS.length,
      misses: misses.map(({ number, carrier }) => ({
        number,
        expected: carrier,
        detected: detectCarrier(number),
      })),
    }),
  );
} else if (args.length === 0) {
  console.error("usage: npm run -s carrier -- <tracking number> [<tracking number>…] | --accuracy");
  process.exit(2);
} else {
  for (const number of args) {
    const { carrier, confidence, valid } = detectCarrier(number);
    console.log(JSON.stringify({ number, carrier, confidence, valid }));
  }
}
