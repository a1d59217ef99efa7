import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { emitEvent } from "@/lib/events/emit-event";
import { availableQuantity } from "./availability";

/** A level as it stands after a change, as writers read it back. */
export interface LevelSnapshot {
  variantId: string;
  locationId: string;
  sku: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
}

/**
 * Announces a committed change of a level (on hand or reserved) through the
 * outbox, so open pages and webhooks see the new figures.
 */
export async function emitLevelChanged(tx: Tx, level: LevelSnapshot): Promise<void> {
  await emitEvent(tx, {
    type: "inventory.level_changed",
    aggregateType: "inventory_level",
    aggregateId: `${level.variantId}:${level.locationId}`,
    locationId: level.locationId,
    payload: {
      variantId: level.variantId,
      locationId: level.locationId,
      sku: level.sku,
      onHand: level.onHand,
      reserved: level.reserved,
      available: availableQuantity(level),
    },
  });
}

/**
 * The same event written inside one SQL statement, for writers that change
 * a level with a single statement (reservations, held stock): inserts one
 * `inventory.level_changed` outbox row for each row of the statement's
 * `level` CTE (its RETURNING "variantId", "locationId", "onHand",
 * reserved, "safetyStock"), reading the SKU from a `sku` column that
 * `from` brings in. The payload matches `emitLevelChanged`.
 */
export function levelChangedOutboxInsert(from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "OutboxEvent"
      (type, "aggregateType", "aggregateId", payload, "locationId", "createdAt")
    SELECT 'inventory.level_changed', 'inventory_level',
      level."variantId" || ':' || level."locationId",
      jsonb_build_object(
        'variantId', level."variantId", 'locationId', level."locationId",
        'sku', sku, 'onHand', level."onHand", 'reserved', level.reserved,
        'available', GREATEST(0, level."onHand" - level.reserved - level."safetyStock")),
      level."locationId", now() AT TIME ZONE 'UTC'
    ${from}`;
}
