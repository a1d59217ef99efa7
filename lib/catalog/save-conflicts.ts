import type { Db } from "@/lib/db/client";
import { type CodesToCheck, raceConflict } from "./assert-codes-free";
import { barcodeForms, barcodeKey } from "./barcode-forms";
import { uniqueFieldOf } from "./unique-violation";

/**
 * Turns a unique-index failure of a save into a conflict naming the
 * fields, reading which of the codes are taken now. Other errors pass
 * through unchanged.
 */
export async function explainSaveFailure(
  db: Db,
  error: unknown,
  claims: CodesToCheck,
): Promise<unknown> {
  const field = uniqueFieldOf(error);
  if (!field) return error;
  // Inside a caller's transaction nothing more can be read after a failure.
  if (!("$transaction" in db) || field === "handle") {
    return raceConflict(field, claims, new Set());
  }

  const taken = new Set<string>();
  if (field === "sku") {
    const rows = await db.variant.findMany({
      where: { sku: { in: claims.variants.map((v) => v.sku) } },
      select: { sku: true },
    });
    for (const row of rows) taken.add(row.sku);
  } else {
    const forms = claims.variants.flatMap((v) =>
      v.barcode ? barcodeForms(v.barcode) : [],
    );
    const rows = await db.variant.findMany({
      where: { barcode: { in: forms } },
      select: { barcode: true },
    });
    for (const row of rows) if (row.barcode) taken.add(barcodeKey(row.barcode));
  }
  return raceConflict(field, claims, taken);
}
