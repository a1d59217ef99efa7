import type { Db } from "@/lib/db/client";
import {
  planTransferSuggestions,
  type SuggestionOptions,
} from "./plan-transfer-suggestions";

const DAY_MS = 86_400_000;

/**
 * Transfer suggestions from recent sales velocity across active locations.
 * With `visible`, only suggestions touching those locations are returned.
 */
export async function suggestTransfers(
  db: Db,
  options: Partial<SuggestionOptions> & { visible: readonly string[] | null; now?: Date },
) {
  const windowDays = options.windowDays ?? 28;
  const coverDays = options.coverDays ?? 14;
  const since = new Date((options.now ?? new Date()).getTime() - windowDays * DAY_MS);

  const levels = await db.$queryRaw<
    {
      variantId: string;
      sku: string;
      locationId: string;
      free: number;
      inbound: number;
      unitsSold: number;
      reorderPoint: number;
      kind: string;
    }[]
  >`
    WITH sold AS (
      SELECT "variantId", "locationId", (-SUM(quantity))::int AS units
      FROM "StockMovement"
      WHERE reason = 'SALE' AND "createdAt" >= ${since}
      GROUP BY 1, 2
    ), inbound AS (
      SELECT tl."variantId", t."toLocationId" AS "locationId",
        SUM(tl."quantityShipped")::int AS units
      FROM "TransferLine" AS tl JOIN "Transfer" AS t ON t.id = tl."transferId"
      WHERE t.status = 'SHIPPED'
      GROUP BY 1, 2
    )
    SELECT l."variantId", v.sku, l."locationId",
      (l."onHand" - l.reserved)::int AS free,
      COALESCE(i.units, 0) AS inbound,
      COALESCE(s.units, 0) AS "unitsSold",
      l."reorderPoint", loc.kind::text AS kind
    FROM "InventoryLevel" AS l
    JOIN "Variant" AS v ON v.id = l."variantId"
    JOIN "Location" AS loc ON loc.id = l."locationId" AND loc."isActive"
    LEFT JOIN sold AS s ON s."variantId" = l."variantId" AND s."locationId" = l."locationId"
    LEFT JOIN inbound AS i ON i."variantId" = l."variantId" AND i."locationId" = l."locationId"
    WHERE l."variantId" IN (
      SELECT "variantId" FROM sold
      UNION SELECT "variantId" FROM "InventoryLevel" WHERE "reorderPoint" > 0
    )`;

  const suggestions = planTransferSuggestions(
    // Warehouses are replenished by purchase orders, not from the shops.
    levels.map((l) => ({ ...l, canReceive: l.kind !== "WAREHOUSE" })),
    { windowDays, coverDays },
  );
  const visible = options.visible;
  const shown = visible
    ? suggestions.filter(
        (s) => visible.includes(s.fromLocationId) || visible.includes(s.toLocationId),
      )
    : suggestions;

  const ids = [...new Set(shown.flatMap((s) => [s.fromLocationId, s.toLocationId]))];
  const locations = await db.location.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, name: true },
  });
  const byId = new Map(locations.map((l) => [l.id, l]));
  return shown.map((s) => ({
    ...s,
    from: byId.get(s.fromLocationId),
    to: byId.get(s.toLocationId),
  }));
}
