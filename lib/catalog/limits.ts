/**
 * Length and count limits of catalogue fields. The forms, the API and the
 * CSV importer all refuse past these, so a limit is stated once.
 */
export const LIMITS = {
  title: 200,
  handle: 120,
  description: 5_000,
  brand: 80,
  sku: 64,
  optionName: 40,
  optionValue: 60,
  /** A product has at most this many options (size, colour, material). */
  options: 3,
  /** Variants per product, archived ones included. */
  variants: 250,
  attributeKey: 40,
  attributeValue: 500,
  attributes: 40,
  imageAlt: 250,
  images: 20,
  /** The largest price, compare-at or cost in minor units (1,000,000.00). */
  amountMinor: 100_000_000,
  /** Grams: 1,000 kg. */
  weightGrams: 1_000_000,
} as const;

/** What the importer accepts in one file. */
export const IMPORT_LIMITS = {
  bytes: 20 * 1024 * 1024,
  rows: 50_000,
} as const;
