/** Money as typed in the promotion editor: major units in, minor units kept. */
import { minorUnitDigits } from "@/lib/money";

/** Reads "12", "12.5" or "12.50" into minor units; null when blank, NaN when unreadable. */
export function parseAmount(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(/^[£$€]/, "");
  // A comma only separates thousands ("1,234.50"); "12,5" is refused, not read as 125.
  if (trimmed.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed))
    return Number.NaN;
  const value = trimmed.replace(/,/g, "");
  if (value === "") return null;
  const digits = minorUnitDigits(currency);
  const match = new RegExp(`^(\\d{1,9})(?:\\.(\\d{0,${digits}}))?$`).exec(value);
  if (!match) return Number.NaN;
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return Number(match[1]) * 10 ** digits + Number(fraction || "0");
}

/** Minor units as a plain decimal for an input, e.g. 1250 -> "12.50". */
export function amountText(minor: number | null, currency: string): string {
  if (minor === null) return "";
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
