import { beforeAll, describe, expect, it } from "vitest";
import type { ImportIssue } from "@/lib/catalog/import/report";
import { applyCatalogImport, dryRunCatalogImport } from "@/lib/catalog/import/run-import";
import { validateCatalogImport } from "@/lib/catalog/import/validate-import";
import { seedDemoData } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { catalogueCounts, fixture, MERCHANDISER } from "./support";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});

type Expected = [row: number, column: string | null, code: ImportIssue["code"]];

/** The errors of a file as [row, column, code], in report order. */
async function errorsOf(file: string): Promise<Expected[]> {
  const plan = await validateCatalogImport(db.prisma, fixture(file));
  return plan.report.issues
    .filter((i) => i.severity === "error")
    .map((i) => [i.row, i.column, i.code]);
}

describe("the dry run reports each problem at its row and column", () => {
  it("refuses a file without a required column; unknown ones get a warning", async () => {
    const plan = await validateCatalogImport(db.prisma, fixture("missing-columns.csv"));

    expect(plan.report.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      // A missing column has no letter, so it sorts before lettered ones.
      [1, "price", "missing_column", "error"],
      [1, "colour_code", "unknown_column", "warning"],
    ]);
    expect(plan.products).toEqual([]);
  });

  it("names every missing required value", async () => {
    expect(await errorsOf("missing-required.csv")).toEqual([
      [2, "title", "missing_required"],
      [3, "sku", "missing_required"],
      [4, "price", "missing_required"],
      [5, "option1_value", "missing_required"],
      [6, "handle", "missing_required"],
    ]);
  });

  it("finds SKUs and barcodes duplicated in the file and against the database", async () => {
    const plan = await validateCatalogImport(db.prisma, fixture("duplicates.csv"));
    const errors = plan.report.issues.filter((i) => i.severity === "error");

    expect(errors.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "sku", "duplicate_in_file"],
      [2, "barcode", "duplicate_in_file"],
      [3, "sku", "duplicate_in_file"],
      [4, "barcode", "duplicate_in_file"],
      [5, "sku", "duplicate_in_database"],
      [6, "barcode", "duplicate_in_database"],
      [7, "barcode", "duplicate_in_file"],
      [8, "barcode", "duplicate_in_file"],
    ]);
    expect(errors[0]?.message).toBe("SKU FX-DUP-1 is also on row 3.");
    expect(errors[4]?.message).toContain("Organic Cotton Crew Tee");
    // A UPC-A and its zero-padded EAN-13 form are one product code.
    expect(errors[6]?.message).toBe("Barcode 0036000291452 is also on row 8.");
  });

  it("checks the check digit of EAN-13, EAN-8, UPC-A and GTIN-14", async () => {
    const plan = await validateCatalogImport(db.prisma, fixture("bad-barcodes.csv"));
    const errors = plan.report.issues.filter((i) => i.severity === "error");

    expect(errors.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "barcode", "wrong_check_digit"],
      [3, "barcode", "wrong_check_digit"],
      [4, "barcode", "wrong_check_digit"],
      [5, "barcode", "wrong_check_digit"],
      [6, "barcode", "invalid_barcode"],
      [7, "barcode", "invalid_barcode"],
      [8, "barcode", "invalid_barcode"],
    ]);
    expect(errors.slice(0, 4).map((i) => i.message.split(";")[0])).toEqual([
      "EAN-13 check digit should be 1, not 2",
      "EAN-8 check digit should be 4, not 5",
      "UPC-A check digit should be 2, not 3",
      "GTIN-14 check digit should be 8, not 9",
    ]);
    expect(errors[6]?.message).toMatch(/scientific notation/);
    expect(plan.products.find((p) => p.handle === "fixture-bc-ok")?.isValid).toBe(true);
  });

  it("refuses negative, non-numeric, over-precise and ambiguous amounts", async () => {
    expect(await errorsOf("bad-prices.csv")).toEqual([
      [2, "price", "negative_number"],
      [3, "price", "not_a_number"],
      [4, "price", "too_precise"],
      [5, "price", "not_a_number"],
      [6, "cost", "negative_number"],
      [7, "weight_grams", "not_a_number"],
      [8, "compare_at_price", "not_a_number"],
      [9, "price", "missing_required"],
    ]);
  });

  it("refuses long text, invalid characters, unknown categories and options", async () => {
    const plan = await validateCatalogImport(
      db.prisma,
      fixture("bad-text-and-references.csv"),
    );
    const errors = plan.report.issues.filter((i) => i.severity === "error");

    expect(errors.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "title", "too_long"],
      [3, "description", "invalid_character"],
      [4, "title", "invalid_character"],
      [5, "sku", "invalid_sku"],
      [6, "handle", "invalid_handle"],
      [7, "category", "unknown_category"],
      [8, "option1_name", "unknown_option"],
      [9, "option1_value", "unknown_option"],
    ]);
    expect(errors[0]?.message).toBe("Title is 208 characters; the limit is 200.");
    expect(errors[1]?.message).toContain("U+0007");
    expect(errors[6]?.message).toContain('"Sizes" is not an option of this product');
    expect(errors.every((i) => i.columnLetter !== null)).toBe(true);
  });

  it("stops at a quote that never closes and applies nothing of the file", async () => {
    const plan = await validateCatalogImport(db.prisma, fixture("unclosed-quote.csv"));

    expect(plan.report.issues.map((i) => [i.row, i.code])).toEqual([
      [3, "malformed_csv"],
    ]);
    expect(plan.report.validProductCount).toBe(0);
  });
});

describe("safe tidy-ups", () => {
  it("trims whitespace, upper-cases SKUs, reads decimal commas, and says so", async () => {
    const plan = await validateCatalogImport(db.prisma, fixture("normalises.csv"));

    expect(plan.report.errorCount).toBe(0);
    expect(plan.report.changes.map((c) => [c.row, c.column, c.to])).toEqual([
      [2, "handle", "fixture-tidy"],
      [2, "title", "Fixture Tidy"],
      [2, "sku", "FX-TIDY-1"],
      [2, "price", "12.50"],
      [3, "price", "1234.50"],
    ]);
    expect(plan.products[0]?.variants.map((v) => [v.sku, v.priceMinor])).toEqual([
      ["FX-TIDY-1", 1250],
      ["FX-TIDY-2", 123450],
    ]);
  });
});

describe("dry run and apply", () => {
  it("writes nothing to the catalogue in a dry run", async () => {
    const before = await catalogueCounts(db.prisma);

    const outcome = await dryRunCatalogImport(db.prisma, MERCHANDISER, {
      fileName: "valid-two-products.csv",
      csv: fixture("valid-two-products.csv"),
    });

    expect(outcome.report.plan).toMatchObject({
      productsToCreate: 2,
      variantsToCreate: 3,
    });
    expect(await catalogueCounts(db.prisma)).toEqual(before);
  });

  it("applies the valid products whole and nothing of a product with a bad row", async () => {
    const before = await catalogueCounts(db.prisma);
    const { importId, report } = await dryRunCatalogImport(db.prisma, MERCHANDISER, {
      fileName: "mixed.csv",
      csv: fixture("mixed-valid-invalid.csv"),
    });
    expect(report.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [5, "price", "negative_number"],
    ]);

    const applied = await applyCatalogImport(db.prisma, MERCHANDISER, { importId });

    expect(applied.result).toMatchObject({
      productsCreated: 2,
      variantsCreated: 3,
      failed: [],
    });
    const broken = await db.prisma.product.findUnique({
      where: { handle: "fixture-broken" },
    });
    expect(broken).toBeNull();
    expect(
      await db.prisma.variant.findUnique({ where: { sku: "FX-BROKEN-S" } }),
    ).toBeNull();
    const good = await db.prisma.product.findUniqueOrThrow({
      where: { handle: "fixture-good-one" },
      include: { variants: { orderBy: { position: "asc" } } },
    });
    expect(
      good.variants.map((v) => [v.sku, v.optionValues, v.priceMinor, v.barcode]),
    ).toEqual([
      ["FX-GOOD1-S", ["S"], 1500, "4006381333986"],
      ["FX-GOOD1-M", ["M"], 1500, null],
    ]);
    const after = await catalogueCounts(db.prisma);
    expect(after.products - before.products).toBe(2);
    // One audit entry and one event per product, and one for the import.
    expect(after.audits - before.audits).toBe(3);
    expect(after.events - before.events).toBe(2);
  });

  it("applies an import once; a second apply is refused", async () => {
    const { importId } = await dryRunCatalogImport(db.prisma, MERCHANDISER, {
      fileName: "normalises.csv",
      csv: fixture("normalises.csv"),
    });
    await applyCatalogImport(db.prisma, MERCHANDISER, { importId });

    await expect(
      applyCatalogImport(db.prisma, MERCHANDISER, { importId }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("writes typed attributes and multi-line text; re-importing changes nothing", async () => {
    const csv = fixture("valid-two-products.csv");
    const first = await dryRunCatalogImport(db.prisma, MERCHANDISER, {
      fileName: "a.csv",
      csv,
    });
    await applyCatalogImport(db.prisma, MERCHANDISER, { importId: first.importId });

    const tee = await db.prisma.product.findUniqueOrThrow({
      where: { handle: "fixture-travel-tee" },
    });
    expect(tee.description).toBe("A light tee.\nPacks small.");
    expect(tee.attributes).toEqual([
      { key: "material", type: "text", value: "Cotton" },
      { key: "gsm", type: "number", value: 160 },
    ]);
    expect(tee.status).toBe("ACTIVE");

    const again = await validateCatalogImport(db.prisma, csv);
    expect(again.report.plan).toMatchObject({
      productsToCreate: 0,
      productsToUpdate: 0,
      variantsUnchanged: 3,
    });
  });
});
