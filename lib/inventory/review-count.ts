import type { Db } from "@/lib/db/client";
import { countView, findCountSession, scopeCondition } from "./counts";

export interface VarianceLine {
  variantId: string;
  sku: string;
  title: string;
  bin: string | null;
  /** On hand when the count began, from the ledger. */
  onHandAtStart: number;
  /** Net sales, receipts and other moves between the start and the scan. */
  movedBeforeScan: number;
  /** On hand at the last scan; null when nobody scanned it. */
  expectedAtScan: number | null;
  counted: number | null;
  /** What approval will write: counted - expected (or -onHand when uncounted). */
  variance: number;
  onHandNow: number;
  lastScannedAt: string | null;
}

/**
 * The variance review of a count: every level in its scope and every
 * scanned variant, with what the ledger says happened between the count's
 * start and each scan, so only what is really missing or extra shows.
 */
export async function reviewCount(db: Db, options: { id: string }) {
  const session = await findCountSession(db, options.id);
  const rows = await db.$queryRaw<
    {
      variantId: string;
      sku: string;
      title: string;
      optionValues: string[];
      bin: string | null;
      onHandNow: number | null;
      onHandAtStart: number | null;
      expectedAtScan: number | null;
      counted: number | null;
      lastScannedAt: Date | null;
    }[]
  >`
    WITH scope AS (
      SELECT l."variantId" FROM "InventoryLevel" AS l
      WHERE ${scopeCondition(session)} AND l."onHand" <> 0
      UNION
      SELECT "variantId" FROM "CountLine" WHERE "sessionId" = ${session.id}
    )
    SELECT v.id AS "variantId", v.sku, p.title, v."optionValues", l.bin,
      l."onHand" AS "onHandNow",
      (SELECT COALESCE(SUM(m.quantity), 0)::int FROM "StockMovement" AS m
        WHERE m."variantId" = v.id AND m."locationId" = ${session.locationId}
          AND m."createdAt" <= ${session.startedAt}) AS "onHandAtStart",
      c."expectedAtScan", c.counted, c."lastScannedAt"
    FROM scope
    JOIN "Variant" AS v ON v.id = scope."variantId"
    JOIN "Product" AS p ON p.id = v."productId"
    LEFT JOIN "InventoryLevel" AS l
      ON l."variantId" = v.id AND l."locationId" = ${session.locationId}
    LEFT JOIN "CountLine" AS c ON c."sessionId" = ${session.id} AND c."variantId" = v.id
    ORDER BY l.bin NULLS LAST, v.sku`;

  const lines: VarianceLine[] = rows.map((r) => {
    const onHandNow = r.onHandNow ?? 0;
    const onHandAtStart = r.onHandAtStart ?? 0;
    const isCounted = r.counted !== null;
    return {
      variantId: r.variantId,
      sku: r.sku,
      title: r.optionValues.length
        ? `${r.title} — ${r.optionValues.join(" / ")}`
        : r.title,
      bin: r.bin,
      onHandAtStart,
      movedBeforeScan: isCounted ? (r.expectedAtScan ?? 0) - onHandAtStart : 0,
      expectedAtScan: r.expectedAtScan,
      counted: r.counted,
      variance: isCounted ? (r.counted ?? 0) - (r.expectedAtScan ?? 0) : -onHandNow,
      onHandNow,
      lastScannedAt: r.lastScannedAt?.toISOString() ?? null,
    };
  });
  return {
    ...countView(session),
    lines,
    counted: lines.filter((l) => l.counted !== null).length,
    uncounted: lines.filter((l) => l.counted === null).length,
    unitsOver: lines.filter((l) => l.variance > 0).reduce((n, l) => n + l.variance, 0),
    unitsShort: lines.filter((l) => l.variance < 0).reduce((n, l) => n - l.variance, 0),
  };
}

export type CountReview = Awaited<ReturnType<typeof reviewCount>>;
