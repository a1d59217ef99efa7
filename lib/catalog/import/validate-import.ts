import type { Db } from "@/lib/db/client";
import { barcodeForms, barcodeKey } from "../barcode-forms";
import { DEFAULT_CURRENCY } from "../currency";
import { comboKey } from "../generate-variants";
import { IMPORT_LIMITS, LIMITS } from "../limits";
import type { ProductAttribute } from "../schemas";
import { PRODUCT_STATUSES, TAX_CATEGORIES } from "../schemas";
import {
  type AttributeColumn,
  EXPORT_COLUMNS,
  normalizeHeader,
  parseAttributeColumn,
  REQUIRED_COLUMNS,
} from "./csv-columns";
import { ImportContext } from "./import-context";
import { parseCsv } from "./parse-csv";
import {
  type RowCells,
  readAmount,
  readBarcode,
  readBoolean,
  readChoice,
  readHandle,
  readSku,
  readText,
  readWeight,
} from "./read-cells";
import type { ImportReport } from "./report";

type Status = (typeof PRODUCT_STATUSES)[number];
type TaxCategory = (typeof TAX_CATEGORIES)[number];

/** Product fields as the file gives them; undefined means "column absent: keep". */
export interface ProductFields {
  title?: string;
  description?: string;
  brand?: string | null;
  categoryId?: string | null;
  status?: Status;
  taxCategory?: TaxCategory;
  isFeatured?: boolean;
  /** Attributes after merging the file's columns into the product's own. */
  attributes?: ProductAttribute[];
  optionNames: string[];
}

export interface VariantPlan {
  row: number;
  existingId: string | null;
  sku: string;
  barcode: string | null | undefined;
  optionValues: string[];
  priceMinor: number;
  compareAtMinor: number | null | undefined;
  costMinor: number | null | undefined;
  weightGrams: number | null | undefined;
  currency: string;
  isActive: boolean;
  change: "create" | "update" | "unchanged";
}

export interface ProductPlan {
  handle: string;
  firstRow: number;
  rows: number[];
  existing: ExistingProduct | null;
  fields: ProductFields;
  variants: VariantPlan[];
  isValid: boolean;
  change: "create" | "update" | "unchanged";
}

export interface ImportPlan {
  report: ImportReport;
  products: ProductPlan[];
}

type ExistingProduct =
  Awaited<ReturnType<typeof loadExistingProducts>> extends Map<string, infer P>
    ? P
    : never;

interface RowValues {
  cells: RowCells;
  handle: string;
  product: Omit<ProductFields, "attributes" | "optionNames"> & {
    category?: string;
    attributes: Map<string, ProductAttribute | null>;
    optionNames: (string | undefined)[];
  };
  sku: string;
  barcode: string | null | undefined;
  optionValues: (string | undefined)[];
  priceMinor: number | null | undefined;
  compareAtMinor: number | null | undefined;
  costMinor: number | null | undefined;
  weightGrams: number | null | undefined;
  currency: string | undefined;
  isActive: boolean | undefined;
}

const CHUNK = 1_000;

/**
 * The dry run: reads a catalogue CSV and reports, per row and column,
 * every problem (missing or malformed values, duplicate SKUs and barcodes
 * in the file or the database, wrong check digits, unknown categories and
 * options, text too long, invalid characters) and every safe tidy-up it
 * made. Writes nothing; the plan it returns is what apply writes.
 */
export async function validateCatalogImport(db: Db, text: string): Promise<ImportPlan> {
  const parsed = parseCsv(text);
  const headers = parsed.header.map(normalizeHeader);
  const ctx = new ImportContext(headers);

  if (parsed.failure) {
    ctx.error(parsed.failure.row, null, "malformed_csv", parsed.failure.message);
  }
  if (parsed.delimiter !== ",") {
    const name = parsed.delimiter === ";" ? "semicolons" : "tabs";
    ctx.warn(
      1,
      null,
      "invalid_value",
      `The file separates columns with ${name}; it was read that way.`,
    );
  }
  if (headers.length === 0 || parsed.records.length === 0) {
    ctx.error(1, null, "empty_file", "The file has no product rows.");
    return { report: emptyReport(ctx, parsed.records.length), products: [] };
  }
  if (parsed.records.length > IMPORT_LIMITS.rows) {
    ctx.error(
      1,
      null,
      "too_many_rows",
      `A file has at most ${IMPORT_LIMITS.rows} rows; split it.`,
    );
    return { report: emptyReport(ctx, parsed.records.length), products: [] };
  }

  const attributeColumns = checkHeader(ctx, headers);
  if (REQUIRED_COLUMNS.some((c) => !headers.includes(c))) {
    return { report: emptyReport(ctx, parsed.records.length), products: [] };
  }

  const columnIndex = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!columnIndex.has(h)) columnIndex.set(h, i);
  });
  const rows = parsed.records.map((record) =>
    readRow(
      ctx,
      {
        row: record.row,
        get: (column) => {
          const index = columnIndex.get(column);
          return index === undefined ? undefined : (record.cells[index] ?? "");
        },
      },
      attributeColumns,
    ),
  );

  const groups = groupByHandle(rows);
  const [categories, existing, skuHolders, barcodeHolders] = await Promise.all([
    loadCategories(db),
    loadExistingProducts(db, [...groups.keys()]),
    loadSkuHolders(db, rows.map((r) => r.sku).filter(Boolean)),
    loadBarcodeHolders(
      db,
      rows.flatMap((r) => (r.barcode ? barcodeForms(r.barcode) : [])),
    ),
  ]);

  checkDuplicatesInFile(ctx, rows);
  const products: ProductPlan[] = [];
  for (const [handle, group] of groups) {
    if (!handle) continue;
    products.push(
      planProduct(ctx, handle, group, {
        existing: existing.get(handle) ?? null,
        categories,
        skuHolders,
        barcodeHolders,
        attributeColumns,
      }),
    );
  }
  for (const product of products) {
    // A file that could not be read to the end applies nothing: its last
    // products may be cut short.
    product.isValid = !parsed.failure && product.rows.every((row) => !ctx.hasError(row));
  }
  // Rows without a handle belong to no product but still count as refused.
  const valid = products.filter((p) => p.isValid);
  const variants = valid.flatMap((p) => p.variants);
  const report = ctx.finish({
    rowCount: parsed.records.length,
    productCount: products.length + (groups.has("") ? 1 : 0),
    validProductCount: valid.length,
    invalidProductCount: products.length - valid.length + (groups.has("") ? 1 : 0),
    plan: {
      productsToCreate: valid.filter((p) => p.change === "create").length,
      productsToUpdate: valid.filter((p) => p.change === "update").length,
      variantsToCreate: variants.filter((v) => v.change === "create").length,
      variantsToUpdate: variants.filter((v) => v.change === "update").length,
      variantsUnchanged: variants.filter((v) => v.change === "unchanged").length,
    },
  });
  return { report, products };
}

function emptyReport(ctx: ImportContext, rowCount: number): ImportReport {
  return ctx.finish({
    rowCount,
    productCount: 0,
    validProductCount: 0,
    invalidProductCount: 0,
    plan: {
      productsToCreate: 0,
      productsToUpdate: 0,
      variantsToCreate: 0,
      variantsToUpdate: 0,
      variantsUnchanged: 0,
    },
  });
}

/** Missing, repeated and unknown columns; returns the attribute columns. */
function checkHeader(
  ctx: ImportContext,
  headers: string[],
): (AttributeColumn & { header: string })[] {
  const seen = new Set<string>();
  const attributes: (AttributeColumn & { header: string })[] = [];
  for (const header of headers) {
    if (!header) continue;
    if (seen.has(header)) {
      ctx.error(1, header, "duplicate_column", `The column "${header}" appears twice.`);
      continue;
    }
    seen.add(header);
    const attribute = parseAttributeColumn(header);
    if (attribute) {
      if (attribute.key.length > LIMITS.attributeKey) {
        ctx.error(
          1,
          header,
          "too_long",
          `Attribute names are at most ${LIMITS.attributeKey} characters.`,
        );
      } else attributes.push({ ...attribute, header });
    } else if (header.startsWith("attribute:")) {
      ctx.error(
        1,
        header,
        "invalid_value",
        'Name attribute columns "attribute:<name>", optionally ending ":number" or ":boolean".',
      );
    } else if (!(EXPORT_COLUMNS as readonly string[]).includes(header)) {
      ctx.warn(
        1,
        header,
        "unknown_column",
        `The column "${header}" is not one we know; it is ignored.`,
      );
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) {
      ctx.error(
        1,
        column,
        "missing_column",
        `The file has no "${column}" column, which is required.`,
      );
    }
  }
  return attributes;
}

function readRow(
  ctx: ImportContext,
  cells: RowCells,
  attributeColumns: (AttributeColumn & { header: string })[],
): RowValues {
  const currencyRaw = cells.get("currency")?.trim();
  const currency = currencyRaw ? currencyRaw.toUpperCase() : undefined;
  if (currency && !/^[A-Z]{3}$/.test(currency)) {
    ctx.error(
      cells.row,
      "currency",
      "invalid_value",
      "Currency is a three-letter code such as GBP.",
      currencyRaw,
    );
  }
  const amountCurrency =
    currency && /^[A-Z]{3}$/.test(currency) ? currency : DEFAULT_CURRENCY;

  const attributes = new Map<string, ProductAttribute | null>();
  for (const column of attributeColumns) {
    attributes.set(column.key, readAttribute(ctx, cells, column));
  }

  return {
    cells,
    handle: readHandle(ctx, cells),
    product: {
      title: readText(ctx, cells, "title", { label: "Title", max: LIMITS.title }),
      description: readText(ctx, cells, "description", {
        label: "Description",
        max: LIMITS.description,
        isMultiline: true,
      }),
      brand: readText(ctx, cells, "brand", { label: "Brand", max: LIMITS.brand }),
      category: cells.get("category")?.trim(),
      status: readChoice(ctx, cells, "status", PRODUCT_STATUSES),
      taxCategory: readChoice(ctx, cells, "tax_category", TAX_CATEGORIES),
      isFeatured: readBoolean(ctx, cells, "featured"),
      attributes,
      optionNames: [1, 2, 3].map((n) =>
        readText(ctx, cells, `option${n}_name`, {
          label: `Option ${n} name`,
          max: LIMITS.optionName,
        }),
      ),
    },
    sku: readSku(ctx, cells),
    barcode: readBarcode(ctx, cells),
    optionValues: [1, 2, 3].map((n) =>
      readText(ctx, cells, `option${n}_value`, {
        label: `Option ${n} value`,
        max: LIMITS.optionValue,
      }),
    ),
    priceMinor: readAmount(ctx, cells, "price", "Price", amountCurrency, true),
    compareAtMinor: readAmount(
      ctx,
      cells,
      "compare_at_price",
      "Compare-at price",
      amountCurrency,
      false,
    ),
    costMinor: readAmount(ctx, cells, "cost", "Cost", amountCurrency, false),
    weightGrams: readWeight(ctx, cells),
    currency,
    isActive: readBoolean(ctx, cells, "variant_active"),
  };
}

function readAttribute(
  ctx: ImportContext,
  cells: RowCells,
  column: AttributeColumn & { header: string },
): ProductAttribute | null {
  const label = `Attribute "${column.key}"`;
  if (column.type === "text") {
    const value = readText(ctx, cells, column.header, {
      label,
      max: LIMITS.attributeValue,
    });
    return value ? { key: column.key, type: "text", value } : null;
  }
  if (column.type === "boolean") {
    const value = readBoolean(ctx, cells, column.header);
    return value === undefined ? null : { key: column.key, type: "boolean", value };
  }
  const raw = cells.get(column.header)?.trim() ?? "";
  if (!raw) return null;
  const normalized = /^-?\d+,\d+$/.test(raw) ? raw.replace(",", ".") : raw;
  const value = Number(normalized);
  if (!/^-?\d+(\.\d+)?$/.test(normalized) || !Number.isFinite(value)) {
    ctx.error(
      cells.row,
      column.header,
      "not_a_number",
      `${label} must be a number.`,
      raw,
    );
    return null;
  }
  if (normalized !== raw) {
    ctx.change(
      cells.row,
      column.header,
      raw,
      normalized,
      "read the comma as the decimal point",
    );
  }
  return { key: column.key, type: "number", value };
}

function groupByHandle(rows: RowValues[]): Map<string, RowValues[]> {
  const groups = new Map<string, RowValues[]>();
  for (const row of rows) {
    const list = groups.get(row.handle);
    if (list) list.push(row);
    else groups.set(row.handle, [row]);
  }
  return groups;
}

/** A SKU or barcode on two rows of the file: every such row is refused. */
function checkDuplicatesInFile(ctx: ImportContext, rows: RowValues[]): void {
  const bySku = new Map<string, number[]>();
  const byBarcode = new Map<string, { rows: number[]; code: string }>();
  for (const row of rows) {
    if (row.sku) bySku.set(row.sku, [...(bySku.get(row.sku) ?? []), row.cells.row]);
    if (row.barcode) {
      const key = barcodeKey(row.barcode);
      const entry = byBarcode.get(key) ?? { rows: [], code: row.barcode };
      entry.rows.push(row.cells.row);
      byBarcode.set(key, entry);
    }
  }
  for (const [sku, list] of bySku) {
    if (list.length < 2) continue;
    for (const row of list) {
      const others = list.filter((r) => r !== row).join(", ");
      ctx.error(
        row,
        "sku",
        "duplicate_in_file",
        `SKU ${sku} is also on row ${others}.`,
        sku,
      );
    }
  }
  for (const entry of byBarcode.values()) {
    if (entry.rows.length < 2) continue;
    for (const row of entry.rows) {
      const others = entry.rows.filter((r) => r !== row).join(", ");
      ctx.error(
        row,
        "barcode",
        "duplicate_in_file",
        `Barcode ${entry.code} is also on row ${others}.`,
        entry.code,
      );
    }
  }
}

interface Lookups {
  existing: ExistingProduct | null;
  categories: Map<string, string>;
  skuHolders: Map<
    string,
    { id: string; productId: string; handle: string; title: string }
  >;
  barcodeHolders: Map<string, { id: string; sku: string; handle: string; title: string }>;
  attributeColumns: (AttributeColumn & { header: string })[];
}

const PRODUCT_FIELD_COLUMNS: [keyof RowValues["product"], string][] = [
  ["title", "title"],
  ["description", "description"],
  ["brand", "brand"],
  ["category", "category"],
  ["status", "status"],
  ["taxCategory", "tax_category"],
  ["isFeatured", "featured"],
];

function planProduct(
  ctx: ImportContext,
  handle: string,
  group: RowValues[],
  lookups: Lookups,
): ProductPlan {
  const first = group[0] as RowValues;
  const firstRow = first.cells.row;
  const { existing } = lookups;

  // Product fields come from the first row; later rows repeat them or leave them blank.
  for (const row of group.slice(1)) {
    for (const [field, column] of PRODUCT_FIELD_COLUMNS) {
      const value = row.product[field];
      const held = first.product[field];
      if (value === undefined || value === "" || value === held) continue;
      ctx.error(
        row.cells.row,
        column,
        "inconsistent_product_field",
        differsFromFirstRow(firstRow),
        String(value),
      );
    }
    for (const [header, attribute] of row.product.attributes) {
      const held = first.product.attributes.get(header);
      if (attribute && JSON.stringify(attribute) !== JSON.stringify(held)) {
        const column =
          lookups.attributeColumns.find((c) => c.key === header)?.header ?? header;
        ctx.error(
          row.cells.row,
          column,
          "inconsistent_product_field",
          differsFromFirstRow(firstRow),
        );
      }
    }
  }

  if (!first.product.title) {
    if (
      first.product.title !== undefined &&
      !ctx.issues.some((i) => i.row === firstRow && i.column === "title")
    ) {
      ctx.error(
        firstRow,
        "title",
        "missing_required",
        "Title is required on a product's first row.",
      );
    }
  }

  const categoryId = resolveCategory(ctx, first, lookups.categories);
  const { names: optionNames, isKnown } = planOptionNames(ctx, group, existing);
  const fields: ProductFields = {
    title: first.product.title,
    description: first.product.description,
    brand: first.product.brand === undefined ? undefined : first.product.brand || null,
    categoryId,
    status: first.product.status ?? (existing ? undefined : "DRAFT"),
    taxCategory: first.product.taxCategory ?? (existing ? undefined : "STANDARD"),
    isFeatured: first.product.isFeatured ?? (existing ? undefined : false),
    attributes: mergeAttributes(existing, first.product.attributes),
    optionNames,
  };

  // With unknown option names the values cannot be checked; the name error says it.
  const variants = group.map((row) =>
    planVariant(ctx, handle, row, isKnown ? optionNames.length : null, lookups),
  );
  if (isKnown) checkCombos(ctx, variants, existing, optionNames.length);

  const total =
    (existing?.variants.length ?? 0) + variants.filter((v) => !v.existingId).length;
  if (total > LIMITS.variants) {
    ctx.error(
      firstRow,
      "handle",
      "too_many_variants",
      `A product has at most ${LIMITS.variants} variants; this one would have ${total}.`,
    );
  }

  const isFieldChange = existing ? productFieldsChanged(existing, fields) : true;
  const change = !existing
    ? "create"
    : isFieldChange || variants.some((v) => v.change !== "unchanged")
      ? "update"
      : "unchanged";
  return {
    handle,
    firstRow,
    rows: group.map((r) => r.cells.row),
    existing,
    fields,
    variants,
    isValid: true,
    change,
  };
}

function resolveCategory(
  ctx: ImportContext,
  first: RowValues,
  categories: Map<string, string>,
): string | null | undefined {
  const raw = first.product.category;
  if (raw === undefined) return undefined;
  if (!raw) return null;
  const id = categories.get(raw.toLowerCase());
  if (!id) {
    ctx.error(
      first.cells.row,
      "category",
      "unknown_category",
      `There is no category "${raw}"; use a category handle such as women-knitwear.`,
      raw,
    );
    return undefined;
  }
  return id;
}

function planOptionNames(
  ctx: ImportContext,
  group: RowValues[],
  existing: ExistingProduct | null,
): { names: string[]; isKnown: boolean } {
  const first = group[0] as RowValues;
  const names: string[] = [];
  first.product.optionNames.forEach((name, i) => {
    if (!name) return;
    if (names.length !== i) {
      ctx.error(
        first.cells.row,
        `option${i + 1}_name`,
        "invalid_value",
        `Fill option ${names.length + 1} before option ${i + 1}.`,
      );
    }
    names.push(name);
  });
  const lower = names.map((n) => n.toLowerCase());
  lower.forEach((n, i) => {
    if (lower.indexOf(n) !== i) {
      ctx.error(
        first.cells.row,
        `option${i + 1}_name`,
        "invalid_value",
        `The option "${names[i]}" is named twice.`,
      );
    }
  });

  for (const row of group.slice(1)) {
    row.product.optionNames.forEach((name, i) => {
      if (name && name.toLowerCase() !== lower[i]) {
        ctx.error(
          row.cells.row,
          `option${i + 1}_name`,
          "inconsistent_product_field",
          differsFromFirstRow(first.cells.row),
          name,
        );
      }
    });
  }

  if (
    existing &&
    existing.optionNames.map((n) => n.toLowerCase()).join("|") !== lower.join("|")
  ) {
    const known = existing.optionNames.length
      ? existing.optionNames.join(", ")
      : "no options";
    const unknown = names.filter(
      (n) => !existing.optionNames.some((e) => e.toLowerCase() === n.toLowerCase()),
    );
    const index = unknown.length ? names.indexOf(unknown[0] as string) : names.length;
    ctx.error(
      first.cells.row,
      `option${Math.min(index, 2) + 1}_name`,
      "unknown_option",
      unknown.length
        ? `"${unknown[0]}" is not an option of this product (it has ${known}).`
        : `This product has ${known}; give the same options in the same order.`,
    );
    return { names: existing.optionNames, isKnown: false };
  }
  // Keep the product's own spelling of its option names.
  return { names: existing ? existing.optionNames : names, isKnown: true };
}

function mergeAttributes(
  existing: ExistingProduct | null,
  fromFile: Map<string, ProductAttribute | null>,
): ProductAttribute[] | undefined {
  if (fromFile.size === 0) return undefined;
  const own = (
    Array.isArray(existing?.attributes) ? existing.attributes : []
  ) as ProductAttribute[];
  // The product's own order is kept; a blank cell removes that attribute.
  const merged = own.flatMap((a) => {
    if (!fromFile.has(a.key)) return [a];
    const given = fromFile.get(a.key);
    return given ? [given] : [];
  });
  for (const [key, given] of fromFile) {
    if (given && !own.some((a) => a.key === key)) merged.push(given);
  }
  return merged;
}

function planVariant(
  ctx: ImportContext,
  handle: string,
  row: RowValues,
  optionCount: number | null,
  lookups: Lookups,
): VariantPlan {
  const at = row.cells.row;
  const holder = row.sku ? lookups.skuHolders.get(row.sku) : undefined;
  let existingId: string | null = null;
  if (holder && holder.handle !== handle) {
    ctx.error(
      at,
      "sku",
      "duplicate_in_database",
      `SKU ${row.sku} already belongs to “${holder.title}” (${holder.handle}).`,
      row.sku,
    );
  } else if (holder) {
    existingId = holder.id;
  }

  if (row.barcode) {
    const taken = lookups.barcodeHolders.get(barcodeKey(row.barcode));
    if (taken && taken.id !== existingId) {
      ctx.error(
        at,
        "barcode",
        "duplicate_in_database",
        `Barcode ${row.barcode} is already on ${taken.sku} of “${taken.title}”.`,
        row.barcode,
      );
    }
  }

  const optionValues: string[] = [];
  row.optionValues.forEach((value, i) => {
    const column = `option${i + 1}_value`;
    if (optionCount === null) {
      optionValues.push(value ?? "");
    } else if (i < optionCount) {
      if (!value)
        ctx.error(at, column, "missing_required", `Option ${i + 1} value is required.`);
      optionValues.push(value ?? "");
    } else if (value) {
      ctx.error(
        at,
        column,
        "unknown_option",
        `The product has ${optionCount} option${optionCount === 1 ? "" : "s"}; ` +
          "this value has no option.",
        value,
      );
    }
  });

  const old = existingId
    ? lookups.existing?.variants.find((v) => v.id === existingId)
    : undefined;
  let compareAt = row.compareAtMinor;
  const price = row.priceMinor ?? 0;
  if (
    compareAt !== undefined &&
    compareAt !== null &&
    row.priceMinor != null &&
    compareAt <= price
  ) {
    ctx.warn(
      at,
      "compare_at_price",
      "compare_at_not_higher",
      "The compare-at price is not above the price, so it was left out.",
    );
    compareAt = null;
  }
  const plan: VariantPlan = {
    row: at,
    existingId,
    sku: row.sku,
    barcode: row.barcode,
    optionValues,
    priceMinor: price,
    compareAtMinor: compareAt,
    costMinor: row.costMinor,
    weightGrams: row.weightGrams,
    currency: row.currency ?? old?.currency ?? DEFAULT_CURRENCY,
    isActive: row.isActive ?? true,
    change: old ? "unchanged" : "create",
  };
  if (old && variantChanged(old, plan)) plan.change = "update";
  return plan;
}

/**
 * Two variants of one product with the same options are refused, in the
 * file and against the database.
 */
function checkCombos(
  ctx: ImportContext,
  variants: VariantPlan[],
  existing: ExistingProduct | null,
  optionCount: number,
): void {
  if (optionCount === 0) {
    const others = (existing?.variants ?? []).filter(
      (v) => v.isActive && !variants.some((p) => p.existingId === v.id),
    );
    if (variants.filter((v) => v.isActive).length + others.length > 1) {
      for (const v of variants.slice(1)) {
        ctx.error(
          v.row,
          "option1_name",
          "duplicate_options",
          "A product with several variants needs options to tell them apart.",
        );
      }
    }
    return;
  }
  const seen = new Map<string, number>();
  for (const variant of variants) {
    if (!variant.isActive || variant.optionValues.some((v) => !v)) continue;
    const key = comboKey(variant.optionValues);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      ctx.error(
        variant.row,
        "option1_value",
        "duplicate_options",
        `Row ${earlier} has the same options (${variant.optionValues.join(" / ")}).`,
      );
    } else seen.set(key, variant.row);
  }
  for (const old of existing?.variants ?? []) {
    if (!old.isActive || variants.some((v) => v.existingId === old.id)) continue;
    const row = seen.get(comboKey(old.optionValues));
    if (row !== undefined) {
      ctx.error(
        row,
        "option1_value",
        "duplicate_options",
        `Variant ${old.sku} already has these options (${old.optionValues.join(" / ")}).`,
      );
    }
  }
}

function variantChanged(
  old: ExistingProduct["variants"][number],
  plan: VariantPlan,
): boolean {
  const pairs: [unknown, unknown][] = [
    [old.optionValues.join("\u0000"), plan.optionValues.join("\u0000")],
    [old.priceMinor, plan.priceMinor],
    [old.currency, plan.currency],
    [old.isActive, plan.isActive],
  ];
  if (plan.barcode !== undefined) pairs.push([old.barcode, plan.barcode]);
  if (plan.compareAtMinor !== undefined)
    pairs.push([old.compareAtMinor, plan.compareAtMinor]);
  if (plan.costMinor !== undefined) pairs.push([old.costMinor, plan.costMinor]);
  if (plan.weightGrams !== undefined) pairs.push([old.weightGrams, plan.weightGrams]);
  return pairs.some(([a, b]) => a !== b);
}

function productFieldsChanged(existing: ExistingProduct, fields: ProductFields): boolean {
  const pairs: [unknown, unknown][] = [
    [existing.title, fields.title],
    [existing.description, fields.description],
    [existing.brand, fields.brand],
    [existing.categoryId, fields.categoryId],
    [existing.status, fields.status],
    [existing.taxCategory, fields.taxCategory],
    [existing.isFeatured, fields.isFeatured],
    [
      JSON.stringify(existing.attributes),
      fields.attributes && JSON.stringify(fields.attributes),
    ],
  ];
  return pairs.some(([held, given]) => given !== undefined && held !== given);
}

async function loadCategories(db: Db): Promise<Map<string, string>> {
  const rows = await db.category.findMany({
    select: { id: true, handle: true, name: true },
  });
  const map = new Map<string, string>();
  const nameCounts = new Map<string, number>();
  for (const c of rows)
    nameCounts.set(c.name.toLowerCase(), (nameCounts.get(c.name.toLowerCase()) ?? 0) + 1);
  for (const c of rows) {
    // A name is accepted too when only one category has it ("Knitwear" is ambiguous).
    if (nameCounts.get(c.name.toLowerCase()) === 1) map.set(c.name.toLowerCase(), c.id);
  }
  for (const c of rows) map.set(c.handle.toLowerCase(), c.id);
  return map;
}

// Lookups pass each list as one array parameter (= ANY($1)): a Prisma
// "in" list of thousands of values costs far more to build and send.

async function loadExistingProducts(db: Db, handles: string[]) {
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product" WHERE handle = ANY(${handles}::text[])`;
  const map = new Map<string, Awaited<ReturnType<typeof findProducts>>[number]>();
  for (let i = 0; i < found.length; i += CHUNK) {
    const ids = found.slice(i, i + CHUNK).map((r) => r.id);
    for (const product of await findProducts(db, ids)) map.set(product.handle, product);
  }
  return map;
}

function findProducts(db: Db, ids: string[]) {
  return db.product.findMany({
    where: { id: { in: ids } },
    include: { variants: { orderBy: { position: "asc" } } },
  });
}

interface HolderRow {
  id: string;
  sku: string;
  barcode: string | null;
  productId: string;
  handle: string;
  title: string;
}

async function loadSkuHolders(db: Db, skus: string[]) {
  const map: Lookups["skuHolders"] = new Map();
  const rows = await db.$queryRaw<HolderRow[]>`
    SELECT v.id, v.sku, v.barcode, v."productId", p.handle, p.title
    FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
    WHERE v.sku = ANY(${[...new Set(skus)]}::text[])`;
  for (const r of rows) {
    map.set(r.sku, {
      id: r.id,
      productId: r.productId,
      handle: r.handle,
      title: r.title,
    });
  }
  return map;
}

async function loadBarcodeHolders(db: Db, forms: string[]) {
  const map: Lookups["barcodeHolders"] = new Map();
  const rows = await db.$queryRaw<HolderRow[]>`
    SELECT v.id, v.sku, v.barcode, v."productId", p.handle, p.title
    FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
    WHERE v.barcode = ANY(${[...new Set(forms)]}::text[])`;
  for (const r of rows) {
    if (r.barcode) {
      map.set(barcodeKey(r.barcode), {
        id: r.id,
        sku: r.sku,
        handle: r.handle,
        title: r.title,
      });
    }
  }
  return map;
}

function differsFromFirstRow(row: number): string {
  return (
    `This differs from the product's first row (row ${row}); ` +
    "leave it blank or make it the same."
  );
}
