declare global {
  interface JSON {
    /** Node >= 21 (V8's JSON.parse source text access); not yet in TypeScript's lib. */
    rawJSON(text: string): unknown;
  }
}

/**
 * Shopify's JSON as it goes over the wire: ids are bare integers, often above 2^53. The simulator
 * holds ids as bigint and writes them with their exact digits.
 */
export function stringifyShopifyJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "bigint" ? JSON.rawJSON(item.toString()) : item,
  );
}

/**
 * A time as Shopify's REST payloads write it: local to the shop's time zone with its offset,
 * second precision ("2021-12-31T19:00:00-05:00").
 */
export function shopifyTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName!.slice(3);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
