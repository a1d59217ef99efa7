/**
 * The catalogue CSV: one row per variant, grouped into products by
 * handle. Product fields sit on a product's first row and may be left
 * blank (or repeated) on its other rows. Export writes the same columns,
 * so an exported file imports back unchanged.
 */

export const PRODUCT_COLUMNS = [
  "handle",
  "title",
  "description",
  "brand",
  "category",
  "status",
  "tax_category",
  "featured",
  "option1_name",
  "option2_name",
  "option3_name",
] as const;

export const VARIANT_COLUMNS = [
  "option1_value",
  "option2_value",
  "option3_value",
  "sku",
  "barcode",
  "price",
  "compare_at_price",
  "cost",
  "weight_grams",
  "currency",
  "variant_active",
] as const;

/** Column order of an export (attributes follow, one column each). */
export const EXPORT_COLUMNS = [
  "handle",
  "title",
  "description",
  "brand",
  "category",
  "status",
  "tax_category",
  "featured",
  "option1_name",
  "option1_value",
  "option2_name",
  "option2_value",
  "option3_name",
  "option3_value",
  "sku",
  "barcode",
  "price",
  "compare_at_price",
  "cost",
  "weight_grams",
  "currency",
  "variant_active",
] as const;

export type KnownColumn = (typeof EXPORT_COLUMNS)[number];

/** Columns a file must have; a file without one is refused whole. */
export const REQUIRED_COLUMNS: readonly KnownColumn[] = [
  "handle",
  "title",
  "sku",
  "price",
];

/** Attribute columns: "attribute:material", "attribute:gsm:number", "attribute:organic:boolean". */
export const ATTRIBUTE_PREFIX = "attribute:";
export const ATTRIBUTE_TYPES = ["text", "number", "boolean"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeColumn {
  key: string;
  type: AttributeType;
}

/** A header cell as we compare it: "Compare at price" → "compare_at_price". */
export function normalizeHeader(cell: string): string {
  const trimmed = cell.replace(/^\ufeff/, "").trim();
  if (trimmed.toLowerCase().startsWith(ATTRIBUTE_PREFIX)) {
    const [, key = "", type = ""] = trimmed.split(":");
    const suffix = type.trim() ? `:${type.trim().toLowerCase()}` : "";
    return `${ATTRIBUTE_PREFIX}${key.trim()}${suffix}`;
  }
  return trimmed.toLowerCase().replace(/[\s-]+/g, "_");
}

/** "attribute:gsm:number" → { key: "gsm", type: "number" }, or null if malformed. */
export function parseAttributeColumn(header: string): AttributeColumn | null {
  if (!header.startsWith(ATTRIBUTE_PREFIX)) return null;
  const [, key = "", type = "text"] = header.split(":");
  if (!key || !(ATTRIBUTE_TYPES as readonly string[]).includes(type)) return null;
  return { key, type: type as AttributeType };
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
