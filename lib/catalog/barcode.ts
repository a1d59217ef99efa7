/**
 * GTIN check digits (GS1 modulo 10) for the four lengths a retail barcode
 * comes in: EAN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14.
 *
 * Written here rather than taken from a package: the rule is a few lines,
 * and the importer needs more than a yes or no: which rule failed and,
 * for a wrong check digit, the digit that was expected.
 */

export type GtinFormat = "EAN_8" | "UPC_A" | "EAN_13" | "GTIN_14";

/** Total length, check digit included, of each format. */
export const GTIN_LENGTHS: Readonly<Record<GtinFormat, number>> = {
  EAN_8: 8,
  UPC_A: 12,
  EAN_13: 13,
  GTIN_14: 14,
};

const FORMAT_BY_LENGTH: ReadonlyMap<number, GtinFormat> = new Map(
  (Object.entries(GTIN_LENGTHS) as [GtinFormat, number][]).map(([format, length]) => [
    length,
    format,
  ]),
);

const DIGITS_ONLY = /^[0-9]+$/;

export type GtinProblem = "empty" | "non_digit" | "wrong_length" | "wrong_check_digit";

export type GtinCheck =
  | { isValid: true; format: GtinFormat; code: string }
  | {
      isValid: false;
      problem: GtinProblem;
      /** Plain words, safe to show a merchandiser next to the field. */
      message: string;
      /** Known once the length is right. */
      format?: GtinFormat;
      /** For a wrong check digit: the digit the rest of the code requires. */
      expectedCheckDigit?: number;
      actualCheckDigit?: number;
    };

/** The GS1 check digit for a code's digits without its check digit. */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS_ONLY.test(body)) {
    throw new RangeError(`A GTIN body must be digits only, got "${body}"`);
  }

  // Weights alternate 3, 1, 3, … starting from the digit next to the check
  // digit, so every length shares one rule (a GTIN is right-aligned).
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Appends the check digit to a body of 7, 11, 12 or 13 digits. */
export function withCheckDigit(body: string): string {
  if (!FORMAT_BY_LENGTH.has(body.length + 1)) {
    throw new RangeError(`No GTIN format has ${body.length + 1} digits`);
  }
  return `${body}${gtinCheckDigit(body)}`;
}

/** The format a code's length implies, or undefined for any other length. */
export function gtinFormatOf(code: string): GtinFormat | undefined {
  return FORMAT_BY_LENGTH.get(code.length);
}

/** Classifies a barcode and, when it is not a valid GTIN, says why. */
export function checkGtin(code: string): GtinCheck {
  if (code.length === 0) {
    return { isValid: false, problem: "empty", message: "The barcode is empty." };
  }

  const badIndex = code.search(/[^0-9]/);
  if (badIndex >= 0) {
    return {
      isValid: false,
      problem: "non_digit",
      message: `A barcode has digits only; character ${badIndex + 1} is "${code[badIndex]}".`,
    };
  }

  const format = gtinFormatOf(code);
  if (!format) {
    return {
      isValid: false,
      problem: "wrong_length",
      message:
        `A barcode has 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14); ` +
        `this one has ${code.length}.`,
    };
  }

  const expected = gtinCheckDigit(code.slice(0, -1));
  const actual = Number(code.slice(-1));
  if (expected !== actual) {
    return {
      isValid: false,
      problem: "wrong_check_digit",
      message: `The check digit should be ${expected}, not ${actual}; a digit may be mistyped.`,
      format,
      expectedCheckDigit: expected,
      actualCheckDigit: actual,
    };
  }

  return { isValid: true, format, code };
}

/** True when the code is an EAN-8, UPC-A, EAN-13 or GTIN-14 with a right check digit. */
export function isValidGtin(code: string): boolean {
  return checkGtin(code).isValid;
}

/** The 14-digit form (zero-padded), so one product's codes compare equal across formats. */
export function toGtin14(code: string): string {
  const check = checkGtin(code);
  if (!check.isValid) throw new RangeError(check.message);
  return code.padStart(14, "0");
}
