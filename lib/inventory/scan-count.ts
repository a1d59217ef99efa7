import { randomUUID } from "node:crypto";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { findVariantByCode } from "./resolve-refs";
import { type ScanCountInput, scanCountSchema } from "./schemas";

/**
 * Records a scan (or a typed count) in an open count. Counting is blind:
 * the answer says what was counted, never what the system expected. Each
 * scan notes the level's on hand and newest movement at that moment, so
 * sales and receipts between the count's start and the scan are not taken
 * for missing or extra stock.
 */
export async function scanCount(
  tx: Tx,
  actor: Actor,
  options: { id: string } & ScanCountInput,
) {
  const { id, ...rest } = options;
  const data = parseInput(scanCountSchema, rest);

  // FOR SHARE: an approval (which updates the row) waits for scans in
  // flight, and a scan after the approval sees it approved.
  const [session] = await tx.$queryRaw<
    { id: string; locationId: string; status: string; number: string }[]
  >`SELECT id, "locationId", status::text, number FROM "CountSession"
    WHERE id = ${id} FOR SHARE`;
  if (!session) throw new AppError("not_found", "That count was not found.");
  authorize(actor, "inventory:count", { locationId: session.locationId });
  if (session.status !== "OPEN") {
    throw new AppError(
      "conflict",
      `Count ${session.number} is ${session.status.toLowerCase()}; it takes no more scans.`,
      { fields: { status: [`Already ${session.status.toLowerCase()}.`] } },
    );
  }

  const variant = await findVariantByCode(tx, data.code);
  if (!variant) {
    throw new AppError("invalid_input", `No product has the code ${data.code}.`, {
      fields: { code: [`No product has the code ${data.code}.`] },
    });
  }

  const [snapshot] = await tx.$queryRaw<
    { onHand: number | null; movementId: string | null; movementAt: Date | null }[]
  >`
    SELECT l."onHand", m.id AS "movementId", m."createdAt" AS "movementAt"
    FROM (SELECT 1) AS one
    LEFT JOIN "InventoryLevel" AS l
      ON l."variantId" = ${variant.id} AND l."locationId" = ${session.locationId}
    LEFT JOIN LATERAL (
      SELECT id, "createdAt" FROM "StockMovement"
      WHERE "variantId" = ${variant.id} AND "locationId" = ${session.locationId}
      ORDER BY "createdAt" DESC, id DESC LIMIT 1
    ) AS m ON true`;

  const isAdd = data.mode === "add";
  const [line] = await tx.$queryRaw<{ counted: number }[]>`
    INSERT INTO "CountLine" (id, "sessionId", "variantId", counted, "expectedAtScan",
      "lastMovementId", "lastMovementAt", "firstScannedAt", "lastScannedAt", "countedBy")
    VALUES (${randomUUID()}, ${id}, ${variant.id}, ${data.quantity},
      ${snapshot?.onHand ?? 0}, ${snapshot?.movementId ?? null}, ${snapshot?.movementAt ?? null},
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', ${actorRef(actor)})
    ON CONFLICT ("sessionId", "variantId") DO UPDATE SET
      counted = CASE WHEN ${isAdd} THEN "CountLine".counted + EXCLUDED.counted
                     ELSE EXCLUDED.counted END,
      "expectedAtScan" = EXCLUDED."expectedAtScan",
      "lastMovementId" = EXCLUDED."lastMovementId",
      "lastMovementAt" = EXCLUDED."lastMovementAt",
      "lastScannedAt" = EXCLUDED."lastScannedAt",
      "countedBy" = EXCLUDED."countedBy"
    RETURNING counted`;

  return { sku: variant.sku, barcode: variant.barcode, counted: line?.counted ?? 0 };
}
