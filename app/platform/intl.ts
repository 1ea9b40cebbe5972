/**
 * Intl formatters, built once per locale and options: constructing one costs far more than
 * formatting with it (the tracking page formats every scan of every shipment it shows).
 */
const MAX_CACHED = 500;
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    // Time zones come from data (a scan's UTC offset): bounded, so odd values cannot grow it.
    if (dateTimeFormats.size >= MAX_CACHED) dateTimeFormats.clear();
    dateTimeFormats.set(key, format);
  }
  return format;
}
