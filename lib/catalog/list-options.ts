/**
 * How the storefront's listings read a product's options. Option names
 * are free text per product ("Size", "Colour", "Scent"), so the listing
 * queries find the size and colour positions by name, case-insensitively.
 */

/** Lower-cased option names treated as a size. */
export const SIZE_OPTION_NAMES = ["size"] as const;

/** Lower-cased option names treated as a colour (or a scent, its stand-in). */
export const COLOUR_OPTION_NAMES = ["colour", "color", "scent"] as const;

const ALPHA_SIZES = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];
const BED_SIZES = ["SINGLE", "DOUBLE", "KING", "SUPER KING"];

/**
 * Orders size values as a shopper expects: letter sizes small to large,
 * then numbers ascending, then bed sizes, then anything else by name.
 */
export function compareSizes(a: string, b: string): number {
  return sizeRank(a) - sizeRank(b) || a.localeCompare(b, "en-GB", { numeric: true });
}

function sizeRank(value: string): number {
  const upper = value.trim().toUpperCase();
  const alpha = ALPHA_SIZES.indexOf(upper);
  if (alpha >= 0) return alpha;
  const number = Number.parseFloat(upper);
  if (Number.isFinite(number)) return 100 + number;
  const bed = BED_SIZES.indexOf(upper);
  if (bed >= 0) return 10_000 + bed;
  return 20_000;
}
