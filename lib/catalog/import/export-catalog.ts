import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/client";
import { minorUnitDigits } from "@/lib/money";
import { formatMinor } from "../parse-price";
import type { ProductAttribute } from "../schemas";
import { ATTRIBUTE_PREFIX, EXPORT_COLUMNS } from "./csv-columns";

const PAGE = 500;

/**
 * The whole catalogue as CSV in the import's format: one row per variant,
 * product fields on each product's first row, one column per attribute.
 * Importing the file back changes nothing.
 */
export async function exportCatalogCsv(db: Db): Promise<string> {
  const categories = new Map(
    (await db.category.findMany({ select: { id: true, handle: true } })).map((c) => [
      c.id,
      c.handle,
    ]),
  );
  const products = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await db.product.findMany({
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { variants: { orderBy: { position: "asc" } } },
    });
    products.push(...page);
    if (page.length < PAGE) break;
    cursor = page.at(-1)?.id;
  }

  const attributeColumns = new Map<string, string>();
  for (const product of products) {
    for (const attribute of attributesOf(product.attributes)) {
      if (!attributeColumns.has(attribute.key)) {
        const suffix = attribute.type === "text" ? "" : `:${attribute.type}`;
        attributeColumns.set(
          attribute.key,
          `${ATTRIBUTE_PREFIX}${attribute.key}${suffix}`,
        );
      }
    }
  }

  const header = [...EXPORT_COLUMNS, ...attributeColumns.values()];
  const rows: string[][] = [header];
  for (const product of products) {
    const attributes = new Map(
      attributesOf(product.attributes).map((a) => [a.key, String(a.value)]),
    );
    product.variants.forEach((variant, index) => {
      const isFirst = index === 0;
      const digits = minorUnitDigits(variant.currency);
      const amount = (minor: number | null) =>
        minor === null ? "" : formatMinor(minor, digits);
      const productCell = (value: string) => (isFirst ? value : "");
      const options = [0, 1, 2].flatMap((i) => [
        productCell(product.optionNames[i] ?? ""),
        product.optionNames[i] ? (variant.optionValues[i] ?? "") : "",
      ]);
      rows.push([
        product.handle,
        productCell(product.title),
        productCell(product.description),
        productCell(product.brand ?? ""),
        productCell(product.categoryId ? (categories.get(product.categoryId) ?? "") : ""),
        productCell(product.status.toLowerCase()),
        productCell(product.taxCategory.toLowerCase()),
        productCell(product.isFeatured ? "true" : "false"),
        ...options,
        variant.sku,
        variant.barcode ?? "",
        amount(variant.priceMinor),
        amount(variant.compareAtMinor),
        amount(variant.costMinor),
        variant.weightGrams === null ? "" : String(variant.weightGrams),
        variant.currency,
        variant.isActive ? "true" : "false",
        ...[...attributeColumns.keys()].map((key) =>
          productCell(attributes.get(key) ?? ""),
        ),
      ]);
    });
  }
  return stringify(rows);
}

function attributesOf(value: unknown): ProductAttribute[] {
  return Array.isArray(value)
    ? value.filter(
        (a): a is ProductAttribute => typeof a?.key === "string" && "value" in a,
      )
    : [];
}
