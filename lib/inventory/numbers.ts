import { randomInt } from "node:crypto";

// Crockford's base 32 without I, L, O and U: nothing to misread over the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A short readable document number, e.g. "TR-7K3M9Q". */
export function documentNumber(prefix: "TR" | "CC"): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${code}`;
}
