import { withCheckDigit } from "../../catalog/barcode";
import type { Prisma } from "../generated/client";
import { CATEGORY_SPECS } from "./categories";
import { PRODUCT_SPECS, type ProductSpec } from "./products";
import { SeededRandom, seedId } from "./random";
import { daysBefore } from "./time";

/**
 * A GS1 UK-style company prefix (GS1 UK issues 50…), followed by a
 * five-digit item reference and the check digit. Demo codes only.
 */
const GS1_COMPANY_PREFIX = "5063817";
const FIRST_ITEM_REFERENCE = 10001;

const CATALOG_CREATED_AT = daysBefore(620, 8);

// Three-letter codes keep SKUs short enough to read off a label.
const VALUE_CODES: Readonly<Record<string, string>> = {
  White: "WHT",
  Black: "BLK",
  Sage: "SGE",
  "Navy/Ecru": "NVE",
  "Red/Ecru": "RDE",
  "Sky Blue": "SKY",
  Oatmeal: "OAT",
  Oat: "OAT",
  Navy: "NVY",
  Forest: "FOR",
  Camel: "CML",
  Charcoal: "CHR",
  Cream: "CRM",
  Rust: "RST",
  "Navy Floral": "NVF",
  Olive: "OLV",
  Moss: "MOS",
  "Mid Wash": "MDW",
  Natural: "NAT",
  "Bottle Green": "BTG",
  Blue: "BLU",
  "Red Check": "RDC",
  "Green Check": "GRC",
  Sand: "SND",
  Burgundy: "BUR",
  Stone: "STN",
  Indigo: "IND",
  "Grey Marl": "GRM",
  Mustard: "MUS",
  Tan: "TAN",
  "Dark Brown": "DBR",
  Clay: "CLY",
  Slate: "SLT",
  Chalk: "CHK",
  "Speckled Grey": "SPG",
  "Natural Stripe": "NST",
  "Blue Stripe": "BST",
  "Grey Herringbone": "GHB",
  "Ochre Check": "OCH",
  Teal: "TEA",
  "Fig & Cedar": "FIG",
  "Sea Salt": "SEA",
  "Wild Mint": "MNT",
  Single: "SGL",
  Double: "DBL",
  King: "KNG",
  "Super King": "SKG",
  Hand: "HND",
  Bath: "BTH",
  "Bath Sheet": "BSH",
  "S/M": "SM",
  "M/L": "ML",
  "L/XL": "LXL",
  "120 x 170 cm": "120X170",
  "160 x 230 cm": "160X230",
  Small: "SML",
  Large: "LRG",
};

/** A variant with what the stock and order builders need to know of it. */
export interface VariantInfo {
  row: Prisma.VariantCreateManyInput & { id: string; priceMinor: number };
  spec: ProductSpec;
  productId: string;
  /** Product title with option values, as an order line shows it. */
  lineTitle: string;
  size: string | null;
  sizeIndex: number;
  isSellable: boolean;
}

export interface CatalogData {
  categories: (Prisma.CategoryCreateManyInput & { id: string })[];
  products: (Prisma.ProductCreateManyInput & { id: string })[];
  variants: VariantInfo[];
}

function valueCode(value: string): string {
  const code = VALUE_CODES[value] ?? (/^[0-9A-Z]{1,4}$/.test(value) ? value : undefined);
  if (!code) throw new Error(`No SKU code for option value "${value}"`);
  return code;
}

function handleOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function toMinor(pounds: number): number {
  return Math.round(pounds * 100);
}

/** A marked-down price ends in .00 or .50, as a shop would print it. */
function salePrice(fullMinor: number, percentOff: number): number {
  return Math.floor((fullMinor * (100 - percentOff)) / 100 / 50) * 50;
}

/** Builds the category tree, the products and their variant matrices. */
export function buildCatalog(seed: number): CatalogData {
  const random = new SeededRandom(seed ^ 0x0ca7a106);

  const categoryIds = new Map<string, string>();
  const categories = CATEGORY_SPECS.map((spec, position) => {
    const id = seedId(seed, `category:${spec.handle}`, CATALOG_CREATED_AT);
    categoryIds.set(spec.handle, id);
    const parentId = spec.parent ? categoryIds.get(spec.parent) : null;
    if (parentId === undefined) throw new Error(`Category ${spec.parent} comes later`);
    return { id, handle: spec.handle, name: spec.name, parentId, position };
  });

  const products: CatalogData["products"] = [];
  const variants: VariantInfo[] = [];
  let itemReference = FIRST_ITEM_REFERENCE;

  for (const spec of PRODUCT_SPECS) {
    const createdAt = productCreatedAt(spec, random);
    // Markdowns went live at the end of the summer season.
    const updatedAt = spec.salePercent ? daysBefore(21, 7) : createdAt;
    const productId = seedId(seed, `product:${spec.code}`, createdAt);
    const categoryId = categoryIds.get(spec.category);
    if (!categoryId) throw new Error(`Unknown category ${spec.category}`);

    const optionNames = [
      ...(spec.sizes ? ["Size"] : []),
      ...(spec.colours ? [spec.colourLabel ?? "Colour"] : []),
    ];
    products.push({
      id: productId,
      handle: handleOf(spec.title),
      title: spec.title,
      description: spec.description,
      brand: spec.brand,
      categoryId,
      status: spec.status ?? "ACTIVE",
      taxCategory: "STANDARD",
      optionNames,
      attributes: spec.attributes,
      imageUrls: [],
      isFeatured: spec.isFeatured ?? false,
      createdAt,
      updatedAt,
    });

    // Cost is set per style, as a share of the full net price.
    const costShare = 0.3 + random.next() * 0.16;
    const colours: readonly (string | null)[] = spec.colours ?? [null];
    const sizes: readonly (string | null)[] = spec.sizes ?? [null];
    let position = 0;

    for (const colour of colours) {
      for (const [sizeIndex, size] of sizes.entries()) {
        const fullMinor = toMinor(spec.sizePricesGbp?.[sizeIndex] ?? spec.priceGbp);
        const priceMinor = spec.salePercent
          ? salePrice(fullMinor, spec.salePercent)
          : fullMinor;
        const optionValues = [size, colour].filter((value): value is string => !!value);
        const sku = [spec.code, colour && valueCode(colour), size && valueCode(size)]
          .filter(Boolean)
          .join("-");
        const barcode = withCheckDigit(`${GS1_COMPANY_PREFIX}${itemReference}`);
        itemReference += 1;

        variants.push({
          row: {
            id: seedId(seed, `variant:${sku}`, createdAt),
            productId,
            sku,
            barcode,
            optionValues,
            priceMinor,
            compareAtMinor: spec.salePercent ? fullMinor : null,
            costMinor: Math.round((fullMinor / 1.2) * costShare),
            currency: "GBP",
            weightGrams: variantWeight(spec, sizeIndex),
            position,
            isActive: spec.status !== "ARCHIVED",
            createdAt,
            updatedAt,
          },
          spec,
          productId,
          lineTitle: optionValues.length
            ? `${spec.title} - ${optionValues.join(" / ")}`
            : spec.title,
          size,
          sizeIndex,
          isSellable: (spec.status ?? "ACTIVE") === "ACTIVE",
        });
        position += 1;
      }
    }
  }

  assertUnique(
    variants.map((v) => v.row.sku),
    "SKU",
  );
  assertUnique(
    products.map((p) => p.handle),
    "handle",
  );
  return { categories, products, variants };
}

function productCreatedAt(spec: ProductSpec, random: SeededRandom): Date {
  if (spec.status === "DRAFT") return daysBefore(random.int(6, 12), 10);
  if (spec.status === "ARCHIVED") return daysBefore(random.int(450, 500), 10);
  return daysBefore(random.int(90, 420), random.int(8, 16), random.int(0, 59));
}

function variantWeight(spec: ProductSpec, sizeIndex: number): number {
  const first = spec.sizePricesGbp?.[0];
  const sized = spec.sizePricesGbp?.[sizeIndex];
  // Bigger bedding and rugs weigh roughly what they cost more.
  const factor = first && sized ? sized / first : 1 + 0.06 * sizeIndex;
  return Math.round(spec.weightGrams * factor);
}

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value))
      throw new Error(`Duplicate ${what} in the demo catalogue: ${value}`);
    seen.add(value);
  }
}
