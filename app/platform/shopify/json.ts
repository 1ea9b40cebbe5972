/**
 * JSON.parse that keeps integers above 2^53 exact: Shopify's ids (820982911946154508) would
 * otherwise be silently rounded. Such integers come back as decimal strings.
 */
export function parseShopifyJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) => {
    if (
      typeof value === "number" &&
      !Number.isSafeInteger(value) &&
      context?.source &&
      /^-?\d+$/.test(context.source)
    ) {
      return context.source;
    }
    return value;
  });
}
