const formatters = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units for display; the only place money becomes text. */
export function formatMoney(
  amountMinor: number,
  currency: string,
  locale = "en-GB",
): string {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}

/** "£12.00 – £18.00", or a single price when all variants cost the same. */
export function formatPriceRange(prices: number[], currency: string): string {
  if (prices.length === 0) return "";
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return min === max
    ? formatMoney(min, currency)
    : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
}

/** "1 item", "3 items": a count with its noun, for English labels. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
