import type { Tx } from "@/lib/db/client";
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
