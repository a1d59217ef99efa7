import { minorUnitDigits } from "@/lib/money";

export type PriceParse =
  | {
      ok: true;
      minor: number;
      /** The decimal form that was read, e.g. "1234.50". */
      normalized: string;
      /** What was tidied, in plain words; empty when nothing was. */
      changes: string[];
    }
  | {
      ok: false;
      problem: "not_a_number" | "negative" | "too_precise" | "too_large";
      message: string;
    };

const CURRENCY_SIGNS = /^[£$€¥]|\s?(GBP|EUR|USD)$/i;

/**
 * Reads a price as a person writes it ("24", "24.5", "24,50", "£1,234.50")
 * into integer minor units. A decimal comma and thousands separators are
 * tidied and reported; anything ambiguous or not a number is refused.
 */
export function parsePrice(text: string, currency: string, maxMinor: number): PriceParse {
  const changes: string[] = [];
  let value = text.trim().replace(/\s/g, "");

  if (CURRENCY_SIGNS.test(value)) {
    value = value.replace(CURRENCY_SIGNS, "");
    changes.push("removed the currency sign");
  }
  if (value.startsWith("-")) {
    return { ok: false, problem: "negative", message: "A price cannot be negative." };
  }

  const hasComma = value.includes(",");
  const hasDot = value.includes(".");
  if (hasComma && hasDot) {
    // "1,234.50" or "1.234,50": the last separator is the decimal one.
    const decimalIsComma = value.lastIndexOf(",") > value.lastIndexOf(".");
    const thousands = decimalIsComma ? "." : ",";
    const [whole = "", fraction = ""] = value.split(decimalIsComma ? "," : ".");
    if (!/^\d{1,3}([.,]\d{3})*$/.test(whole) || !whole.includes(thousands)) {
      return notANumber(text);
    }
    value = `${whole.replaceAll(thousands, "")}.${fraction}`;
    changes.push(
      decimalIsComma
        ? "read the comma as the decimal point and dropped thousands separators"
        : "dropped thousands separators",
    );
  } else if (hasComma) {
    // "12,50" is a decimal comma; "1,234" could be either, so it is refused.
    if (/^\d+,\d{1,2}$/.test(value)) {
      value = value.replace(",", ".");
      changes.push("read the comma as the decimal point");
    } else if (/^\d{1,3}(,\d{3})+$/.test(value)) {
      return {
        ok: false,
        problem: "not_a_number",
        message: `"${text}" is ambiguous: write 1234 or 1234.00 (no thousands separator).`,
      };
    } else {
      return notANumber(text);
    }
  }

  if (!/^\d+(\.\d+)?$/.test(value)) return notANumber(text);

  const digits = minorUnitDigits(currency);
  const [whole = "0", fraction = ""] = value.split(".");
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) {
    return {
      ok: false,
      problem: "too_precise",
      message:
        digits === 0
          ? `${currency} prices have no decimals.`
          : `${currency} prices have at most ${digits} decimals.`,
    };
  }
  const minor =
    Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor) || minor > maxMinor) {
    return {
      ok: false,
      problem: "too_large",
      message: `A price is at most ${maxMinor / 10 ** digits} ${currency}.`,
    };
  }
  const normalized = digits === 0 ? String(minor) : formatMinor(minor, digits);
  return { ok: true, minor, normalized, changes };
}

/** Minor units as a plain decimal, e.g. 123450 → "1234.50"; for CSV export. */
export function formatMinor(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits).padStart(digits, "0");
  return `${sign}${whole}.${fraction}`;
}

function notANumber(text: string): PriceParse {
  return {
    ok: false,
    problem: "not_a_number",
    message: `"${text}" is not a price; write it like 24.00.`,
  };
}
