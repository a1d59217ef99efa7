import type { Db } from "@/lib/db/client";

export interface LedgerDifference {
  variantId: string;
  locationId: string;
  sku: string | null;
  locationCode: string | null;
  /** What the level row says; null when movements exist without a level. */
  onHand: number | null;
  /** The sum of the level's movements. */
  ledgerOnHand: number;
  reserved: number | null;
  /** The sum of the level's open reservations. */
  openReserved: number;
  /** The sum of the level's receipt layers' remaining units. */
  layerRemaining: number;
  /** Which figures disagree. */
  problems: ("on_hand" | "reserved" | "layers")[];
}

export interface LedgerReport {
  levels: number;
  differences: LedgerDifference[];
}

/**
 * Recomputes every level from the ledger: on hand from its movements,
 * reserved from its open reservations, and the receipt layers' remaining
 * against max(0, on hand). Returns each level that disagrees, and movements
 * or reservations with no level at all.
 */
export async function verifyLedger(db: Db): Promise<LedgerReport> {
  const rows = await db.$queryRaw<Omit<LedgerDifference, "problems">[]>`
    WITH moved AS (
      SELECT "variantId", "locationId", SUM(quantity)::int AS total
      FROM "StockMovement" GROUP BY 1, 2
    ), held AS (
      SELECT "variantId", "locationId", SUM(quantity)::int AS total
      FROM "Reservation" WHERE "closedAt" IS NULL GROUP BY 1, 2
    ), layered AS (
      SELECT "variantId", "locationId", SUM(remaining)::int AS total
      FROM "ReceiptLayer" GROUP BY 1, 2
    ), keys AS (
      SELECT "variantId", "locationId" FROM "InventoryLevel"
      UNION SELECT "variantId", "locationId" FROM moved
      UNION SELECT "variantId", "locationId" FROM held
      UNION SELECT "variantId", "locationId" FROM layered
    )
    SELECT k."variantId", k."locationId", v.sku, loc.code AS "locationCode",
      l."onHand", COALESCE(moved.total, 0) AS "ledgerOnHand",
      l.reserved, COALESCE(held.total, 0) AS "openReserved",
      COALESCE(layered.total, 0) AS "layerRemaining"
    FROM keys AS k
    LEFT JOIN "InventoryLevel" AS l
      ON l."variantId" = k."variantId" AND l."locationId" = k."locationId"
    LEFT JOIN moved ON moved."variantId" = k."variantId" AND moved."locationId" = k."locationId"
    LEFT JOIN held ON held."variantId" = k."variantId" AND held."locationId" = k."locationId"
    LEFT JOIN layered
      ON layered."variantId" = k."variantId" AND layered."locationId" = k."locationId"
    LEFT JOIN "Variant" AS v ON v.id = k."variantId"
    LEFT JOIN "Location" AS loc ON loc.id = k."locationId"
    ORDER BY v.sku, loc.code`;

  const differences: LedgerDifference[] = [];
  for (const row of rows) {
    const problems: LedgerDifference["problems"] = [];
    if (row.onHand !== row.ledgerOnHand) problems.push("on_hand");
    if ((row.reserved ?? 0) !== row.openReserved) problems.push("reserved");
    if (row.layerRemaining !== Math.max(0, row.ledgerOnHand)) problems.push("layers");
    if (problems.length > 0) differences.push({ ...row, problems });
  }
  return { levels: rows.length, differences };
}
