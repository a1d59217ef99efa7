import { mergeVariantMatrix, type VariantDraft } from "@/lib/catalog/generate-variants";
import { LIMITS } from "@/lib/catalog/limits";
import { formatMinor, parsePrice } from "@/lib/catalog/parse-price";
import { minorUnitDigits } from "@/lib/money";

/** A variant row as the form edits it: amounts as the text typed. */
export interface VariantRow {
  key: string;
  id?: string;
  sku: string;
  barcode: string;
  optionValues: string[];
  price: string;
  compareAt: string;
  cost: string;
  weight: string;
  isActive: boolean;
  isSelected: boolean;
}

export interface AttributeRow {
  key: string;
  type: "text" | "number" | "boolean";
  value: string;
}

export interface OptionRow {
  name: string;
  /** Values as typed, comma separated: "S, M, L". */
  values: string;
}

export interface ProductFormValues {
  title: string;
  handle: string;
  description: string;
  brand: string;
  categoryId: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  taxCategory: "STANDARD" | "REDUCED" | "ZERO" | "EXEMPT";
  isFeatured: boolean;
  attributes: AttributeRow[];
  options: OptionRow[];
  variants: VariantRow[];
}

let keySeed = 0;
/** A key for a new row; stable across renders. */
export function rowKey(): string {
  keySeed += 1;
  return `row-${keySeed}`;
}

/** Amounts from the database as the text a form shows, e.g. 2400 → "24.00". */
export function amountText(minor: number | null | undefined, currency: string): string {
  return minor === null || minor === undefined
    ? ""
    : formatMinor(minor, minorUnitDigits(currency));
}

export function splitValues(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((v) => v.trim().replace(/\s+/g, " "))
    .filter((v) => v && !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

/** A variant row from a draft (generated or saved). */
export function rowFromDraft(
  draft: VariantDraft,
  currency: string,
  key?: string,
): VariantRow {
  return {
    key: key ?? rowKey(),
    id: draft.id,
    sku: draft.sku,
    barcode: draft.barcode ?? "",
    optionValues: draft.optionValues,
    price: amountText(draft.priceMinor, currency),
    compareAt: amountText(draft.compareAtMinor, currency),
    cost: amountText(draft.costMinor, currency),
    weight: draft.weightGrams === null ? "" : String(draft.weightGrams),
    isActive: draft.isActive,
    isSelected: false,
  };
}

type Errors = Record<string, string>;

function amount(
  text: string,
  path: string,
  currency: string,
  errors: Errors,
  isRequired: boolean,
): number | null {
  if (!text.trim()) {
    if (isRequired) errors[path] = "Enter a price.";
    return null;
  }
  const parsed = parsePrice(text, currency, LIMITS.amountMinor);
  if (!parsed.ok) {
    errors[path] = parsed.message;
    return null;
  }
  return parsed.minor;
}

/** The rows as drafts, reading amounts leniently (for regenerating the matrix). */
export function draftsFromRows(rows: VariantRow[], currency: string): VariantDraft[] {
  const scratch: Errors = {};
  return rows.map((row) => ({
    id: row.id,
    sku: row.sku,
    barcode: row.barcode || null,
    optionValues: row.optionValues,
    priceMinor: amount(row.price, "p", currency, scratch, false) ?? 0,
    compareAtMinor: amount(row.compareAt, "c", currency, scratch, false),
    costMinor: amount(row.cost, "k", currency, scratch, false),
    weightGrams: row.weight.trim() ? Number(row.weight) : null,
    isActive: row.isActive,
  }));
}

/** The variants the options now describe, merged with the rows there are. */
export function regenerate(
  values: ProductFormValues,
  skuPrefix: string,
  defaultPrice: string,
  currency: string,
): VariantRow[] {
  const options = values.options
    .filter((o) => o.name.trim())
    .map((o) => ({ name: o.name.trim(), values: splitValues(o.values) }))
    .filter((o) => o.values.length > 0);
  const scratch: Errors = {};
  const merged = mergeVariantMatrix({
    options,
    existing: draftsFromRows(values.variants, currency),
    skuPrefix,
    priceMinor: amount(defaultPrice, "p", currency, scratch, false) ?? 0,
  });
  const keys = new Map(values.variants.filter((r) => r.id).map((r) => [r.id, r.key]));
  return merged.map((draft) =>
    rowFromDraft(draft, currency, draft.id ? keys.get(draft.id) : undefined),
  );
}

/**
 * The input the server action and the API take, or the errors found
 * before sending (amounts that are not numbers), keyed like the server's.
 */
export function toInput(values: ProductFormValues, currency: string) {
  const errors: Errors = {};
  const attributes = values.attributes
    .filter((a) => a.key.trim() || a.value.trim())
    .map((a, i) => {
      if (a.type === "number") {
        const n = Number(a.value.replace(",", "."));
        if (!a.value.trim() || !Number.isFinite(n))
          errors[`attributes.${i}.value`] = "Enter a number.";
        return { key: a.key, type: "number" as const, value: n };
      }
      if (a.type === "boolean")
        return { key: a.key, type: "boolean" as const, value: a.value === "true" };
      return { key: a.key, type: "text" as const, value: a.value };
    });

  const variants = values.variants.map((row, i) => {
    const path = `variants.${i}`;
    const weight = row.weight.trim();
    if (weight && !/^\d+$/.test(weight))
      errors[`${path}.weightGrams`] = "Whole grams, e.g. 250.";
    return {
      ...(row.id ? { id: row.id } : {}),
      sku: row.sku,
      barcode: row.barcode.trim() || null,
      optionValues: row.optionValues,
      priceMinor: amount(row.price, `${path}.priceMinor`, currency, errors, true) ?? 0,
      compareAtMinor: amount(
        row.compareAt,
        `${path}.compareAtMinor`,
        currency,
        errors,
        false,
      ),
      costMinor: amount(row.cost, `${path}.costMinor`, currency, errors, false),
      weightGrams: weight && /^\d+$/.test(weight) ? Number(weight) : null,
      isActive: row.isActive,
    };
  });

  const input = {
    title: values.title,
    handle: values.handle,
    description: values.description,
    brand: values.brand.trim() || null,
    categoryId: values.categoryId || null,
    status: values.status,
    taxCategory: values.taxCategory,
    isFeatured: values.isFeatured,
    attributes,
    optionNames: values.options.map((o) => o.name.trim()).filter(Boolean),
    variants,
  };
  return { input, errors };
}
