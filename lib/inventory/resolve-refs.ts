import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResolvedLocation {
  id: string;
  code: string;
  name: string;
  isActive: boolean;
}

/**
 * Finds a location by code or id, or throws `invalid_input` naming the
 * field. `mustHoldStock` refuses an inactive location, which can no longer
 * take goods in.
 */
export async function resolveLocation(
  db: Db,
  ref: string,
  options: { field: string; mustHoldStock?: boolean },
): Promise<ResolvedLocation> {
  const select = { id: true, code: true, name: true, isActive: true } as const;
  const location = UUID.test(ref)
    ? await db.location.findUnique({ where: { id: ref }, select })
    : await db.location.findUnique({ where: { code: ref.toUpperCase() }, select });
  if (!location) {
    throw new AppError("invalid_input", `There is no location ${ref}.`, {
      fields: { [options.field]: [`Unknown location ${ref}.`] },
    });
  }
  if (options.mustHoldStock && !location.isActive) {
    const message = `${location.code} is inactive and cannot take stock in.`;
    throw new AppError("invalid_input", message, {
      fields: { [options.field]: [message] },
    });
  }
  return location;
}

export interface ResolvedVariant {
  id: string;
  sku: string;
  barcode: string | null;
  costMinor: number | null;
  currency: string;
}

/**
 * Finds the variants of upper-cased SKUs, or throws `invalid_input` naming
 * every unknown one by its line: `lines.<i>.sku`.
 */
export async function resolveSkus(
  db: Db,
  skus: readonly string[],
): Promise<Map<string, ResolvedVariant>> {
  const variants = await db.variant.findMany({
    where: { sku: { in: [...new Set(skus)] } },
    select: { id: true, sku: true, barcode: true, costMinor: true, currency: true },
  });
  const bySku = new Map(variants.map((v) => [v.sku, v]));

  const fields: Record<string, string[]> = {};
  skus.forEach((sku, i) => {
    if (!bySku.has(sku)) fields[`lines.${i}.sku`] = [`Unknown SKU ${sku}.`];
  });
  if (Object.keys(fields).length > 0) {
    const unknown = skus.filter((sku) => !bySku.has(sku));
    throw new AppError("invalid_input", `Unknown SKU: ${unknown.join(", ")}.`, {
      fields,
    });
  }
  return bySku;
}

/** The variant a scanned barcode or typed SKU names, or null. */
export async function findVariantByCode(db: Db, code: string) {
  const trimmed = code.trim();
  return db.variant.findFirst({
    where: { OR: [{ barcode: trimmed }, { sku: trimmed.toUpperCase() }] },
    select: { id: true, sku: true, barcode: true },
  });
}
