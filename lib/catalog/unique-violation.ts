/** The catalogue fields the database keeps unique, by constraint name. */
const UNIQUE_FIELDS: Readonly<Record<string, "sku" | "barcode" | "handle">> = {
  Variant_sku_key: "sku",
  Variant_barcode_key: "barcode",
  Product_handle_key: "handle",
};

/**
 * Which catalogue field a unique-constraint failure is about, or null for
 * any other error. The database is the last word on uniqueness: two
 * creates racing past the same pre-check meet here.
 */
export function uniqueFieldOf(error: unknown): "sku" | "barcode" | "handle" | null {
  const candidate = error as {
    code?: string;
    meta?: {
      target?: unknown;
      driverAdapterError?: { cause?: { constraint?: { index?: string } } };
    };
  };
  if (candidate?.code !== "P2002") return null;

  const index = candidate.meta?.driverAdapterError?.cause?.constraint?.index;
  if (index && UNIQUE_FIELDS[index]) return UNIQUE_FIELDS[index] ?? null;

  // Without a driver adapter Prisma names the fields instead.
  const target = candidate.meta?.target;
  const fields = Array.isArray(target) ? target : [target];
  for (const field of ["sku", "barcode", "handle"] as const) {
    if (fields.includes(field)) return field;
  }
  return null;
}
