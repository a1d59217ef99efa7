import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withCheckDigit } from "@/lib/catalog/barcode";
import { barcodeForms, barcodeKey } from "@/lib/catalog/barcode-forms";
import { newAmount } from "@/lib/catalog/bulk-update-prices";
import {
  mergeVariantMatrix,
  suggestSku,
  variantMatrix,
} from "@/lib/catalog/generate-variants";
import { columnLetter, normalizeHeader } from "@/lib/catalog/import/csv-columns";
import { parseCsv } from "@/lib/catalog/import/parse-csv";
import { formatMinor, parsePrice } from "@/lib/catalog/parse-price";
import { bulkUpdatePricesSchema } from "@/lib/catalog/schemas";
import {
  cleanLine,
  findInvalidCharacter,
  handleFromTitle,
  normalizeSku,
} from "@/lib/catalog/text";

describe("reading prices as people write them", () => {
  it.each([
    ["24", 2400, []],
    ["24.5", 2450, []],
    ["24,50", 2450, ["read the comma as the decimal point"]],
    ["£1,234.50", 123450, ["removed the currency sign", "dropped thousands separators"]],
    [
      "1.234,50",
      123450,
      ["read the comma as the decimal point and dropped thousands separators"],
    ],
    [" 0.99 ", 99, []],
  ])("reads %j as %d minor units", (text, minor, changes) => {
    expect(parsePrice(text, "GBP", 100_000_000)).toMatchObject({
      ok: true,
      minor,
      changes,
    });
  });

  it.each([
    ["-5", "negative"],
    ["twelve", "not_a_number"],
    ["1,234", "not_a_number"],
    ["12.345", "too_precise"],
    ["12.5.0", "not_a_number"],
    ["99999999", "too_large"],
  ])("refuses %j (%s)", (text, problem) => {
    expect(parsePrice(text, "GBP", 100_000_000)).toMatchObject({ ok: false, problem });
  });

  it("knows a yen has no decimals", () => {
    expect(parsePrice("1200", "JPY", 100_000_000)).toMatchObject({
      ok: true,
      minor: 1200,
    });
    expect(parsePrice("12.5", "JPY", 100_000_000)).toMatchObject({
      ok: false,
      problem: "too_precise",
    });
  });

  it("round-trips every amount through its decimal text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (minor) => {
        const text = formatMinor(minor, 2);
        expect(parsePrice(text, "GBP", 100_000_000)).toMatchObject({ ok: true, minor });
      }),
    );
  });
});

describe("text hygiene", () => {
  it("tidies whitespace, non-breaking spaces and invisible characters", () => {
    expect(cleanLine("  Merino\u00a0 Crew\u200b  Jumper \t")).toBe("Merino Crew Jumper");
  });

  it("finds control characters and signs of a wrongly decoded file", () => {
    expect(findInvalidCharacter("ok\u0007")).toMatchObject({
      position: 3,
      codePoint: "U+0007",
    });
    expect(findInvalidCharacter("Caf\ufffd")).toMatchObject({ codePoint: "U+FFFD" });
    expect(findInvalidCharacter("line\nbreak", { isMultiline: true })).toBeNull();
    expect(findInvalidCharacter("emoji 🧶 fine")).toBeNull();
  });

  it("makes URL-safe handles and upper-case SKUs", () => {
    expect(handleFromTitle("Crème Brûlée & Co. Jumper!")).toBe(
      "creme-brulee-and-co-jumper",
    );
    expect(normalizeSku(" wts101-nvy-m ")).toBe("WTS101-NVY-M");
  });
});

describe("barcode forms", () => {
  it("treats every zero-padded length of a GTIN as the same code", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{10}$/), (body) => {
        const upc = withCheckDigit(body);
        expect(barcodeForms(upc)).toEqual([upc, `0${upc}`, `00${upc}`]);
        expect(barcodeKey(`0${upc}`)).toBe(barcodeKey(upc));
      }),
    );
  });
});

describe("the variant matrix", () => {
  it("combines every value of every option, the first option slowest", () => {
    expect(
      variantMatrix([
        { name: "Size", values: ["S", "M"] },
        { name: "Colour", values: ["Navy", "Oat"] },
      ]),
    ).toEqual([
      ["S", "Navy"],
      ["S", "Oat"],
      ["M", "Navy"],
      ["M", "Oat"],
    ]);
    expect(variantMatrix([])).toEqual([[]]);
  });

  it("has as many variants as the product of the value counts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
        (counts) => {
          const options = counts.map((n, i) => ({
            name: `O${i}`,
            values: Array.from({ length: n }, (_, j) => `v${j}`),
          }));
          expect(variantMatrix(options)).toHaveLength(counts.reduce((a, b) => a * b, 1));
        },
      ),
    );
  });

  it("keeps existing variants, adds new combinations and deactivates dropped ones", () => {
    const existing = [
      {
        id: "a",
        sku: "JMP-S-NAVY",
        barcode: "96385074",
        optionValues: ["S", "Navy"],
        priceMinor: 5000,
        compareAtMinor: null,
        costMinor: 1000,
        weightGrams: 300,
        isActive: true,
      },
      {
        id: "b",
        sku: "JMP-M-NAVY",
        barcode: null,
        optionValues: ["M", "Navy"],
        priceMinor: 5000,
        compareAtMinor: null,
        costMinor: null,
        weightGrams: null,
        isActive: true,
      },
    ];

    const merged = mergeVariantMatrix({
      options: [
        { name: "Size", values: ["S", "L"] },
        { name: "Colour", values: ["Navy"] },
      ],
      existing,
      skuPrefix: "jmp",
      priceMinor: 5500,
    });

    expect(
      merged.map((v) => [
        v.id,
        v.sku,
        v.optionValues.join("/"),
        v.priceMinor,
        v.isActive,
      ]),
    ).toEqual([
      ["a", "JMP-S-NAVY", "S/Navy", 5000, true],
      [undefined, "JMP-L-NAVY", "L/Navy", 5500, true],
      ["b", "JMP-M-NAVY", "M/Navy", 5000, false],
    ]);
  });

  it("suggests short SKUs from option values", () => {
    expect(suggestSku("WKN201", ["Navy Floral", "XL"])).toBe("WKN201-NF-XL");
    expect(suggestSku("WKN201", ["Charcoal", "120 x 170 cm"])).toBe(
      "WKN201-CHA-120X170C",
    );
  });
});

describe("bulk price changes", () => {
  const change = (input: Record<string, unknown>) =>
    bulkUpdatePricesSchema.parse({
      variantIds: ["0190a0a0-0000-7000-8000-000000000001"],
      ...input,
    });

  it.each([
    [{ mode: "set", value: 1999 }, 5000, 1999],
    [{ mode: "add", value: -500 }, 5000, 4500],
    [{ mode: "percent", value: -20 }, 4999, 3999],
    [{ mode: "percent", value: 10, endingMinor: 99 }, 5000, 5499],
    [{ mode: "percent", value: -33.3333 }, 3000, 2000],
  ])("applies %j to %d as %d", (input, current, expected) => {
    expect(newAmount(current, change(input))).toBe(expected);
  });

  it("cannot change a compare-at price that is not there, except by setting it", () => {
    expect(newAmount(null, change({ mode: "percent", value: 10 }))).toBeNull();
    expect(newAmount(null, change({ mode: "set", value: 100 }))).toBe(100);
  });
});

describe("reading CSV files", () => {
  it("numbers rows as a spreadsheet does, counting blank lines and multi-line cells", () => {
    const parsed = parseCsv('handle,sku\na,"two\nlines"\n\nb,12" pillow\n');

    expect(parsed.records.map((r) => [r.row, r.cells])).toEqual([
      [2, ["a", "two\nlines"]],
      [4, ["b", '12" pillow']],
    ]);
  });

  it("reads semicolon files from European spreadsheets", () => {
    expect(parseCsv("handle;price\na;12,50\n")).toMatchObject({
      delimiter: ";",
      records: [{ row: 2, cells: ["a", "12,50"] }],
    });
  });

  it("names the row where a quote opens and never closes", () => {
    expect(parseCsv('h,t\na,b\nc,"open\nd,e\n').failure?.row).toBe(3);
  });

  it("matches headers however they are written", () => {
    expect(normalizeHeader("\ufeff Compare at price ")).toBe("compare_at_price");
    expect(normalizeHeader("Attribute:GSM:Number")).toBe("attribute:GSM:number");
    expect([0, 25, 26, 27].map(columnLetter)).toEqual(["A", "Z", "AA", "AB"]);
  });
});
