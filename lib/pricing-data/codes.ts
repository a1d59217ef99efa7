import type { Db } from "@/lib/db/client";
import { type CodeRecord, normalizeCode } from "@/lib/pricing";

/**
 * The stored records of entered codes, compared as the engine compares
 * them (trimmed, upper case). Unknown and disabled codes are left out; the
 * engine reports them as not valid.
 */
export async function loadCodeRecords(
  db: Db,
  entered: readonly string[],
): Promise<CodeRecord[]> {
  const codes = [...new Set(entered.map(normalizeCode))].filter(Boolean);
  if (codes.length === 0) return [];

  const rows = await db.promotionCode.findMany({
    where: { code: { in: codes }, isActive: true },
    select: { code: true, promotionId: true, usageLimit: true, timesUsed: true },
    orderBy: { code: "asc" },
  });
  return rows.map((row) => ({
    code: row.code,
    promotionId: row.promotionId,
    usageLimit: row.usageLimit,
    timesUsed: row.timesUsed,
  }));
}
