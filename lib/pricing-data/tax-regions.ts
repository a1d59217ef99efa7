import type { Db } from "@/lib/db/client";
import type { TaxCategory } from "@/lib/db/generated/enums";
import { cachedReference } from "@/lib/db/reference-cache";
import { ppmToPercent } from "@/lib/money";
import type { Address, TaxRegion } from "@/lib/pricing";

interface TaxRegionRow {
  id: string;
  name: string;
  country: string;
  region: string | null;
  postalCodePrefixes: string[];
  rates: { category: TaxCategory; ratePpm: number }[];
}

/** Maps a stored region and its rates to the engine's shape; a missing rate is 0 %. */
export function toEngineTaxRegion(row: TaxRegionRow): TaxRegion {
  const rate = (category: TaxCategory) =>
    ppmToPercent(row.rates.find((r) => r.category === category)?.ratePpm ?? 0);
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    region: row.region,
    postalCodePrefixes: row.postalCodePrefixes,
    rates: { STANDARD: rate("STANDARD"), REDUCED: rate("REDUCED") },
  };
}

/** Active tax regions, optionally only those of some countries, in a stable order. */
export function loadTaxRegions(
  db: Db,
  options: { countries?: readonly string[] } = {},
): Promise<TaxRegion[]> {
  const countries = options.countries
    ? [...new Set(options.countries.map((country) => country.toUpperCase()))].sort()
    : undefined;
  return cachedReference(db, `tax:${countries?.join(",") ?? "*"}`, async () => {
    const rows = await db.taxRegion.findMany({
      where: { isActive: true, ...(countries ? { country: { in: countries } } : {}) },
      include: { rates: { select: { category: true, ratePpm: true } } },
      orderBy: [{ country: "asc" }, { id: "asc" }],
    });
    return rows.map(toEngineTaxRegion);
  });
}

/** Locations with the address tax is charged at, for pickup and carry-out lines. */
export async function loadLocationAddresses(
  db: Db,
  locationIds: readonly string[],
): Promise<{ id: string; address: Address }[]> {
  if (locationIds.length === 0) return [];
  const ids = [...new Set(locationIds)].sort();
  return cachedReference(db, `locations:${ids.join(",")}`, async () => {
    const rows = await db.location.findMany({
      where: { id: { in: ids } },
      select: { id: true, country: true, region: true, postalCode: true },
      orderBy: { id: "asc" },
    });
    return rows.map((row) => ({ id: row.id, address: toAddress(row) }));
  });
}

/** A stored address (location or shipping) as the engine reads it. */
export function toAddress(row: {
  country: string;
  region?: string | null;
  postalCode?: string | null;
}): Address {
  return {
    country: row.country.toUpperCase(),
    region: row.region?.trim() || null,
    postalCode: row.postalCode?.trim() || null,
  };
}
