/**
 * Text hygiene shared by the forms, the API and the CSV importer: what is
 * safe to tidy silently (whitespace, case of codes) and what must be
 * refused (control characters, signs of a wrongly decoded file).
 */

// Non-breaking and other Unicode spaces read as a space to a person.
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible characters pasted from web pages and word processors.
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff]/g;

/** Tidies one line of text: Unicode NFC, one space between words, no ends. */
export function cleanLine(value: string): string {
  return value
    .normalize("NFC")
    .replace(INVISIBLES, "")
    .replace(UNICODE_SPACES, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Tidies multi-line text (descriptions): keeps line breaks, trims each line's end. */
export function cleanMultiline(value: string): string {
  return value
    .normalize("NFC")
    .replace(INVISIBLES, "")
    .replace(UNICODE_SPACES, " ")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export interface InvalidCharacter {
  /** 1-based position in the value. */
  position: number;
  /** "U+0007" */
  codePoint: string;
  reason: string;
}

/**
 * The first character that has no place in catalogue text, or null.
 * Control characters break labels, receipts and feeds; U+FFFD and lone
 * surrogates mean the file was decoded with the wrong encoding.
 */
export function findInvalidCharacter(
  value: string,
  options: { isMultiline?: boolean } = {},
): InvalidCharacter | null {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    const isAllowedBreak =
      options.isMultiline && (code === 10 || code === 13 || code === 9);
    let reason: string | null = null;

    if ((code < 32 || (code >= 127 && code < 160)) && !isAllowedBreak) {
      reason = "a control character";
    } else if (code === 0xfffd) {
      reason = "the replacement character (the file may not be UTF-8)";
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else reason = "half of a broken character";
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      reason = "half of a broken character";
    }

    if (reason) {
      return {
        position: i + 1,
        codePoint: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
        reason,
      };
    }
  }
  return null;
}

/** Plain words for an invalid character, for a field error. */
export function describeInvalidCharacter(found: InvalidCharacter): string {
  return `Character ${found.position} (${found.codePoint}) is ${found.reason}; remove it.`;
}

/** SKUs: upper-case letters, digits and . _ - / ; no spaces. */
export const SKU_PATTERN = /^[A-Z0-9](?:[A-Z0-9._/-]*[A-Z0-9])?$/;

/** Tidies a SKU: whitespace trimmed, upper case. Spaces inside stay (and are refused). */
export function normalizeSku(value: string): string {
  return cleanLine(value).toUpperCase();
}

/** Tidies a barcode: spaces and hyphens people type between digit groups go. */
export function normalizeBarcode(value: string): string {
  return value.replace(INVISIBLES, "").replace(/[\s\u00a0-]/g, "");
}

/** Handles: lower-case words of letters and digits joined by single hyphens. */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL-safe handle from a title: "Merino Crew Jumper" → "merino-crew-jumper". */
export function handleFromTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/g, "");
}
