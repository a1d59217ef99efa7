import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { emitLevelChanged } from "./level-events";
import { resolveLocation, resolveSkus } from "./resolve-refs";
import { type LevelSettingsInput, levelSettingsSchema } from "./schemas";

/**
 * Sets a level's planning figures: safety stock (held back from online
 * sale), reorder point and bin. Ranges the variant at the location when it
 * was not yet. On hand never changes here: only movements change it.
 */
export async function updateLevelSettings(
  tx: Tx,
  actor: Actor,
  input: LevelSettingsInput,
) {
  const data = parseInput(levelSettingsSchema, input);
  const location = await resolveLocation(tx, data.location, { field: "location" });
  authorize(actor, "inventory:adjust", { locationId: location.id });
  const variant = (await resolveSkus(tx, [data.sku])).get(data.sku);
  if (!variant) throw new Error("resolved SKU went missing");

  const key = { variantId: variant.id, locationId: location.id };
  const before = await tx.inventoryLevel.findUnique({
    where: { variantId_locationId: key },
  });
  const settings = {
    safetyStock: data.safetyStock,
    reorderPoint: data.reorderPoint,
    bin: data.bin === undefined ? undefined : data.bin || null,
  };
  const after = await tx.inventoryLevel.upsert({
    where: { variantId_locationId: key },
    create: { ...key, ...settings },
    update: settings,
  });

  await recordAudit(tx, {
    actor,
    action: "inventory.level_settings_changed",
    entityType: "inventory_level",
    entityId: `${variant.id}:${location.id}`,
    before: before && {
      safetyStock: before.safetyStock,
      reorderPoint: before.reorderPoint,
      bin: before.bin,
    },
    after: {
      safetyStock: after.safetyStock,
      reorderPoint: after.reorderPoint,
      bin: after.bin,
    },
    locationId: location.id,
  });
  // Safety stock changes what may be sold online.
  await emitLevelChanged(tx, { ...key, sku: variant.sku, ...after });
  return { sku: variant.sku, location: location.code, ...settings, ...after };
}
