import type { Money } from "./money";

// Building an Intl.NumberFormat is costly; explanation texts and receipts
// format many amounts in a row.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Number of decimals of the currency's minor unit (GBP 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  return formatterFor(currency, "en").resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats an amount for people, e.g. "£12.50"; only ever at the edge. */
export function formatMoney(value: Money, locale = "en-GB"): string {
  const digits = minorUnitDigits(value.currency);
  return formatterFor(value.currency, locale).format(value.amount / 10 ** digits);
}
