/** Dates and money as the merchant reads them: in the shop's time zone, the same on server and client. */
export function formatDateTime(
  value: string | Date | null | undefined,
  timeZone: string,
  locale = "en",
) {
  if (!value) return "—";
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(value));
}

export function formatMinor(minor: number, currency: string, locale = "en") {
  const digits =
    new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
    minor / 10 ** digits,
  );
}

export function formatCount(value: number, locale = "en") {
  return new Intl.NumberFormat(locale).format(value);
}
