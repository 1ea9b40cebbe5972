/**
 * Money crosses the edge as decimal strings ("89.99") or JSON numbers; inside the app it is an
 * integer number of minor units of its currency.
 */
const fractionDigitsCache = new Map<string, number>();

export function currencyFractionDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = fractionDigitsCache.get(code);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigitsCache.set(code, digits);
  }
  return digits;
}

export function toMinorUnits(amount: string | number | null | undefined, currency: string): number {
  if (amount === null || amount === undefined || amount === "") return 0;
  const digits = currencyFractionDigits(currency);
  const text = typeof amount === "number" ? amount.toFixed(digits + 2) : amount.trim();
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`Not a money amount: ${JSON.stringify(amount)}`);
  const [, sign, whole = "", fraction = ""] = match;
  const padded = (fraction + "0".repeat(digits + 1)).slice(0, digits + 1);
  // Round half away from zero on the first dropped digit.
  const scaled = Number(whole || "0") * 10 ** digits + Math.floor(Number(padded) / 10);
  const rounded = scaled + (Number(padded.at(-1)) >= 5 ? 1 : 0);
  return sign ? -rounded : rounded;
}

export function fromMinorUnits(minor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export function formatMoney(minor: number, currency: string, locale = "en"): string {
  const digits = currencyFractionDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
    minor / 10 ** digits,
  );
}
