import type { Db } from "@/lib/db/client";
import { type AgingLayer, planAging } from "./plan-aging";

/** Inventory aging per visible location, from the remaining receipt layers. */
export async function inventoryAging(
  db: Db,
  options: { visible: readonly string[] | null; now?: Date },
) {
  const layers = await db.receiptLayer.findMany({
    where: {
      remaining: { gt: 0 },
      locationId: options.visible ? { in: [...options.visible] } : undefined,
    },
    select: {
      locationId: true,
      receivedAt: true,
      remaining: true,
      unitCostMinor: true,
      variant: { select: { costMinor: true } },
    },
  });
  const aging = planAging(
    layers.map(
      (l): AgingLayer => ({
        locationId: l.locationId,
        receivedAt: l.receivedAt,
        remaining: l.remaining,
        // Layers from before costs were keyed fall back to the variant's cost.
        unitCostMinor: l.unitCostMinor ?? l.variant.costMinor,
      }),
    ),
    options.now ?? new Date(),
  );
  const locations = await db.location.findMany({
    where: { id: { in: aging.map((a) => a.locationId) } },
    select: { id: true, code: true, name: true },
  });
  const byId = new Map(locations.map((l) => [l.id, l]));
  return aging
    .map((a) => ({ ...a, location: byId.get(a.locationId) }))
    .sort((a, b) => (a.location?.code ?? "").localeCompare(b.location?.code ?? ""));
}
