/**
 * The variant matrix: every combination of a product's option values, and
 * how it merges with the variants a product already has. Pure, so the
 * product form previews exactly what saving will do.
 */

export interface OptionDefinition {
  name: string;
  values: string[];
}

/** A variant as the form and the API hold it before saving. */
export interface VariantDraft {
  /** Set for a variant that exists already. */
  id?: string;
  sku: string;
  barcode: string | null;
  optionValues: string[];
  priceMinor: number;
  compareAtMinor: number | null;
  costMinor: number | null;
  weightGrams: number | null;
  isActive: boolean;
}

/**
 * Every combination of the options' values, the first option varying
 * slowest: [[S, Navy], [S, Oat], [M, Navy], …]. No options: one empty combination.
 */
export function variantMatrix(options: readonly OptionDefinition[]): string[][] {
  return options.reduce<string[][]>(
    (combos, option) =>
      combos.flatMap((combo) => option.values.map((v) => [...combo, v])),
    [[]],
  );
}

/** The key two variants share when their option values are the same. */
export function comboKey(values: readonly string[]): string {
  return values.map((v) => v.trim().toLowerCase()).join("\u0000");
}

/** A short code for an option value: "M" → "M", "Navy Floral" → "NF", "Charcoal" → "CHA". */
export function valueCode(value: string): string {
  const words = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const joined = words.join("");
  if (joined.length === 0) return "X";
  if (joined.length <= 4) return joined;
  if (words.length > 1) return words.map((w) => (/^\d+$/.test(w) ? w : w[0])).join("");
  return joined.slice(0, 3);
}

/** A suggested SKU: the style prefix and a code per option value, e.g. "WKN201-NVY-M". */
export function suggestSku(prefix: string, values: readonly string[]): string {
  return [prefix.trim().toUpperCase(), ...values.map(valueCode)]
    .filter(Boolean)
    .join("-");
}

export interface MergeOptions {
  options: readonly OptionDefinition[];
  existing: readonly VariantDraft[];
  /** SKU prefix for new combinations, e.g. the style code. */
  skuPrefix: string;
  /** Price of new combinations, in minor units. */
  priceMinor: number;
}

/**
 * The variants after the options change: existing combinations keep their
 * SKU, barcode and prices; new ones get a suggested SKU and the default
 * price; combinations no longer offered are deactivated, never deleted
 * (orders and stock may point at them, and their SKU stays taken).
 */
export function mergeVariantMatrix(merge: MergeOptions): VariantDraft[] {
  const byCombo = new Map(merge.existing.map((v) => [comboKey(v.optionValues), v]));
  const usedSkus = new Set(merge.existing.map((v) => v.sku.toUpperCase()));
  const result: VariantDraft[] = [];
  const kept = new Set<string>();

  for (const combo of variantMatrix(merge.options)) {
    const key = comboKey(combo);
    const found = byCombo.get(key);
    kept.add(key);
    if (found) {
      result.push({ ...found, optionValues: combo, isActive: true });
      continue;
    }
    result.push({
      sku: uniqueSku(suggestSku(merge.skuPrefix, combo), usedSkus),
      barcode: null,
      optionValues: combo,
      priceMinor: merge.priceMinor,
      compareAtMinor: null,
      costMinor: null,
      weightGrams: null,
      isActive: true,
    });
  }

  for (const variant of merge.existing) {
    if (!kept.has(comboKey(variant.optionValues)) && variant.id) {
      result.push({ ...variant, isActive: false });
    }
  }
  return result;
}

function uniqueSku(candidate: string, used: Set<string>): string {
  let sku = candidate;
  for (let n = 2; used.has(sku); n += 1) sku = `${candidate}-${n}`;
  used.add(sku);
  return sku;
}
