import { checkGtin } from "./barcode";

/**
 * The ways one GTIN can be written: an EAN-8, UPC-A or EAN-13 is the same
 * number as its zero-padded longer forms (leading zeros weigh nothing in
 * the check digit), so "012345678905" and "0012345678905" are one product.
 * Uniqueness checks compare every form. Invalid codes give themselves only.
 */
export function barcodeForms(code: string): string[] {
  if (!checkGtin(code).isValid) return [code];
  const core = code.replace(/^0+/, "");
  return [8, 12, 13, 14]
    .filter((length) => length >= core.length && length >= 8)
    .map((length) => core.padStart(length, "0"));
}

/** One key per GTIN whatever its written length: the 14-digit form. */
export function barcodeKey(code: string): string {
  return checkGtin(code).isValid ? code.padStart(14, "0") : code;
}
