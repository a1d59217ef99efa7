import { createHash, randomInt } from "node:crypto";

/** No 0/O, 1/I/L or U/V: codes are read aloud and typed from cards. */
export const READABLE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

/** A random string from the readable alphabet. */
export function readableCode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) {
    out += READABLE_ALPHABET[randomInt(READABLE_ALPHABET.length)];
  }
  return out;
}

/** Upper-cased with spaces and dashes removed, as codes are compared. */
export function normalizeCardCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

/** SHA-256 of a normalised code: what is stored in place of the code. */
export function hashCardCode(code: string): string {
  return createHash("sha256").update(normalizeCardCode(code)).digest("hex");
}
