import { checkGtin, type GtinFormat } from "../barcode";
import { LIMITS } from "../limits";
import { parsePrice } from "../parse-price";
import {
  cleanLine,
  cleanMultiline,
  findInvalidCharacter,
  HANDLE_PATTERN,
  normalizeBarcode,
  normalizeSku,
  SKU_PATTERN,
} from "../text";
import type { ImportContext } from "./import-context";

/** One record with its cells addressed by (normalised) header name. */
export interface RowCells {
  row: number;
  /** undefined: the file has no such column. */
  get(column: string): string | undefined;
}

const FORMAT_NAMES: Record<GtinFormat, string> = {
  EAN_8: "EAN-8",
  UPC_A: "UPC-A",
  EAN_13: "EAN-13",
  GTIN_14: "GTIN-14",
};

interface TextRules {
  label: string;
  max: number;
  isMultiline?: boolean;
  isRequired?: boolean;
}

/** A text cell, tidied (and the tidy-up reported), checked for length and characters. */
export function readText(
  ctx: ImportContext,
  cells: RowCells,
  column: string,
  rules: TextRules,
): string | undefined {
  const raw = cells.get(column);
  if (raw === undefined) return undefined;
  const value = rules.isMultiline ? cleanMultiline(raw) : cleanLine(raw);
  if (value !== raw && value.length > 0) {
    ctx.change(
      cells.row,
      column,
      raw,
      value,
      "removed extra spaces or invisible characters",
    );
  }
  if (rules.isRequired && !value) {
    ctx.error(cells.row, column, "missing_required", `${rules.label} is required.`);
    return value;
  }
  const invalid = findInvalidCharacter(value, { isMultiline: rules.isMultiline });
  if (invalid) {
    ctx.error(
      cells.row,
      column,
      "invalid_character",
      `${rules.label} has ${invalid.reason} (${invalid.codePoint}) ` +
        `at character ${invalid.position}.`,
      value,
    );
  }
  if (value.length > rules.max) {
    ctx.error(
      cells.row,
      column,
      "too_long",
      `${rules.label} is ${value.length} characters; the limit is ${rules.max}.`,
      value,
    );
  }
  return value;
}

/** The handle: lower-cased if needed (reported), then checked for URL safety. */
export function readHandle(ctx: ImportContext, cells: RowCells): string {
  const raw = cells.get("handle") ?? "";
  const value = cleanLine(raw).toLowerCase();
  if (!value) {
    ctx.error(
      cells.row,
      "handle",
      "missing_required",
      "Handle is required: it groups a product's rows.",
    );
    return "";
  }
  if (value !== raw)
    ctx.change(cells.row, "handle", raw, value, "lower-cased and trimmed the handle");
  if (value.length > LIMITS.handle) {
    ctx.error(
      cells.row,
      "handle",
      "too_long",
      `Handle is ${value.length} characters; the limit is ${LIMITS.handle}.`,
      value,
    );
  } else if (!HANDLE_PATTERN.test(value)) {
    ctx.error(
      cells.row,
      "handle",
      "invalid_handle",
      "A handle has lower-case letters, digits and single hyphens only, e.g. merino-crew-jumper.",
      value,
    );
  }
  return value;
}

/** The SKU: trimmed and upper-cased (reported), then checked. */
export function readSku(ctx: ImportContext, cells: RowCells): string {
  const raw = cells.get("sku") ?? "";
  const value = normalizeSku(raw);
  if (!value) {
    ctx.error(cells.row, "sku", "missing_required", "SKU is required.");
    return "";
  }
  if (value !== raw)
    ctx.change(cells.row, "sku", raw, value, "upper-cased and trimmed the SKU");
  const invalid = findInvalidCharacter(value);
  if (invalid) {
    ctx.error(
      cells.row,
      "sku",
      "invalid_character",
      `The SKU has ${invalid.reason} (${invalid.codePoint}).`,
      value,
    );
  } else if (value.length > LIMITS.sku) {
    ctx.error(
      cells.row,
      "sku",
      "too_long",
      `SKU is ${value.length} characters; the limit is ${LIMITS.sku}.`,
      value,
    );
  } else if (!SKU_PATTERN.test(value)) {
    ctx.error(
      cells.row,
      "sku",
      "invalid_sku",
      "A SKU has letters, digits and . _ - / only, with no spaces.",
      value,
    );
  }
  return value;
}

/** The barcode: spaces and hyphens dropped (reported), then its GTIN check digit. */
export function readBarcode(
  ctx: ImportContext,
  cells: RowCells,
): string | null | undefined {
  const raw = cells.get("barcode");
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  if (/^\d+(\.\d+)?E\+\d+$/i.test(trimmed)) {
    ctx.error(
      cells.row,
      "barcode",
      "invalid_barcode",
      "A spreadsheet turned this barcode into a number (scientific notation); " +
        "format the column as text and export again.",
      trimmed,
    );
    return null;
  }
  const value = normalizeBarcode(trimmed);
  if (value !== raw)
    ctx.change(cells.row, "barcode", raw, value, "removed spaces and hyphens");
  const check = checkGtin(value);
  if (!check.isValid) {
    if (check.problem === "wrong_check_digit" && check.format) {
      ctx.error(
        cells.row,
        "barcode",
        "wrong_check_digit",
        `${FORMAT_NAMES[check.format]} check digit should be ${check.expectedCheckDigit}, ` +
          `not ${check.actualCheckDigit}; a digit may be mistyped.`,
        value,
      );
    } else {
      ctx.error(cells.row, "barcode", "invalid_barcode", check.message, value);
    }
    return null;
  }
  return value;
}

/** An amount in the currency's minor units; decimal commas and separators tidied. */
export function readAmount(
  ctx: ImportContext,
  cells: RowCells,
  column: string,
  label: string,
  currency: string,
  isRequired: boolean,
): number | null | undefined {
  const raw = cells.get(column);
  if (raw === undefined) return undefined;
  if (!raw.trim()) {
    if (isRequired)
      ctx.error(cells.row, column, "missing_required", `${label} is required.`);
    return null;
  }
  const parsed = parsePrice(raw, currency, LIMITS.amountMinor);
  if (!parsed.ok) {
    const code =
      parsed.problem === "negative"
        ? "negative_number"
        : parsed.problem === "too_precise"
          ? "too_precise"
          : parsed.problem === "too_large"
            ? "too_large"
            : "not_a_number";
    const message =
      parsed.problem === "negative" ? `${label} cannot be negative.` : parsed.message;
    ctx.error(cells.row, column, code, message, raw);
    return null;
  }
  if (parsed.changes.length > 0) {
    ctx.change(cells.row, column, raw, parsed.normalized, parsed.changes.join("; "));
  }
  return parsed.minor;
}

/** Whole grams, not negative. */
export function readWeight(
  ctx: ImportContext,
  cells: RowCells,
): number | null | undefined {
  const raw = cells.get("weight_grams");
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (!value) return null;
  if (/^-\d/.test(value)) {
    ctx.error(
      cells.row,
      "weight_grams",
      "negative_number",
      "Weight cannot be negative.",
      raw,
    );
    return null;
  }
  if (!/^\d+$/.test(value)) {
    ctx.error(
      cells.row,
      "weight_grams",
      "not_a_number",
      "Weight is whole grams, e.g. 250.",
      raw,
    );
    return null;
  }
  const grams = Number(value);
  if (grams > LIMITS.weightGrams) {
    ctx.error(
      cells.row,
      "weight_grams",
      "too_large",
      `Weight is at most ${LIMITS.weightGrams} g.`,
      raw,
    );
    return null;
  }
  return grams;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

/** true/false, yes/no, 1/0; blank is undefined (the default applies). */
export function readBoolean(
  ctx: ImportContext,
  cells: RowCells,
  column: string,
): boolean | undefined {
  const raw = cells.get(column);
  const value = raw?.trim().toLowerCase();
  if (!value) return undefined;
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  ctx.error(cells.row, column, "invalid_value", "Write true or false.", raw);
  return undefined;
}

/** One of a closed list of words, case-insensitive; blank is undefined. */
export function readChoice<T extends string>(
  ctx: ImportContext,
  cells: RowCells,
  column: string,
  choices: readonly T[],
): T | undefined {
  const raw = cells.get(column);
  const value = raw
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  if (!value) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  ctx.error(
    cells.row,
    column,
    "invalid_value",
    `Write one of: ${choices.map((c) => c.toLowerCase()).join(", ")}.`,
    raw,
  );
  return undefined;
}
