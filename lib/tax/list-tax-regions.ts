import type { Db } from "@/lib/db/client";
import { ppmToPercent } from "@/lib/money";

/** Every tax region, active first, with its rates as percentages. */
export async function listTaxRegions(db: Db) {
  const rows = await db.taxRegion.findMany({
    include: { rates: true },
    orderBy: [
      { isActive: "desc" },
      { country: "asc" },
      { region: "asc" },
      { name: "asc" },
    ],
  });
  return rows.map((row) => {
    const rate = (category: "STANDARD" | "REDUCED") =>
      ppmToPercent(row.rates.find((r) => r.category === category)?.ratePpm ?? 0);
    return {
      id: row.id,
      name: row.name,
      country: row.country,
      region: row.region,
      postalCodePrefixes: row.postalCodePrefixes,
      isActive: row.isActive,
      rates: { STANDARD: rate("STANDARD"), REDUCED: rate("REDUCED") },
    };
  });
}

export type TaxRegionListItem = Awaited<ReturnType<typeof listTaxRegions>>[number];
