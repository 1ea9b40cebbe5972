import { readFileSync } from "node:fs";
import path from "node:path";

const dir = path.resolve(import.meta.dirname, "../fixtures");

/** A fixture's exact bytes (ids above 2^53 intact). */
export function fixtureText(relative: string): string {
  return readFileSync(path.join(dir, relative), "utf8");
}

/** A Shopify webhook fixture by topic ("orders/create"). */
export function webhookFixture(topic: string): string {
  return fixtureText(`shopify/webhooks/${topic.replace("/", "__")}.json`);
}

/**
 * The fixture with some fields changed, edited textually so the big integers keep their digits
 * (values are written as JSON).
 */
export function withFields(json: string, fields: Record<string, unknown>): string {
  let text = json;
  for (const [key, value] of Object.entries(fields)) {
    const pattern = new RegExp(
      `("${key}":\\s*)("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?|null|true|false)`,
    );
    if (!pattern.test(text)) throw new Error(`fixture has no top-level scalar "${key}"`);
    text = text.replace(pattern, `$1${JSON.stringify(value)}`);
  }
  return text;
}

/** Shopify's sample `orders/paid` as a live order paid just now (the fixture is a cancelled test order of 2021). */
export function paidOrderToday(fields: Record<string, unknown> = {}): string {
  const now = new Date().toISOString();
  return withFields(webhookFixture("orders/paid"), {
    cancelled_at: null,
    test: false,
    processed_at: now,
    updated_at: now,
    ...fields,
  });
}
