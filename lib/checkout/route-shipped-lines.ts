import type { Db } from "@/lib/db/client";
import { availableQuantity } from "@/lib/inventory/availability";

export interface LineToRoute {
  id: string;
  variantId: string;
  quantity: number;
}

/**
 * Chooses the shipping location of shipped lines that have none: one
 * location that can send every such line if there is one (fewer parcels),
 * else for each line the location with the most available. A line no
 * location can fill is left out; the reservation then names it as short.
 * The choice is advisory: the reservation in the order's transaction is
 * what guarantees the stock.
 */
export async function routeShippedLines(
  db: Db,
  lines: readonly LineToRoute[],
): Promise<Map<string, string>> {
  const routes = new Map<string, string>();
  if (lines.length === 0) return routes;

  const levels = await db.inventoryLevel.findMany({
    where: {
      variantId: { in: [...new Set(lines.map((l) => l.variantId))] },
      location: { isActive: true, canShip: true },
    },
    select: {
      variantId: true,
      locationId: true,
      onHand: true,
      reserved: true,
      safetyStock: true,
      location: { select: { code: true } },
    },
  });
  const available = new Map<string, Map<string, number>>();
  const codes = new Map<string, string>();
  for (const level of levels) {
    codes.set(level.locationId, level.location.code);
    const byVariant = available.get(level.locationId) ?? new Map<string, number>();
    byVariant.set(level.variantId, availableQuantity(level));
    available.set(level.locationId, byVariant);
  }

  const canFill = (locationId: string, line: LineToRoute) =>
    (available.get(locationId)?.get(line.variantId) ?? 0) >= line.quantity;
  const byCode = (a: string, b: string) =>
    (codes.get(a) ?? a) < (codes.get(b) ?? b) ? -1 : 1;
  const locations = [...available.keys()].sort(byCode);

  const whole = locations.find((id) => lines.every((line) => canFill(id, line)));
  for (const line of lines) {
    const choice =
      whole ??
      locations
        .filter((id) => canFill(id, line))
        .sort(
          (a, b) =>
            (available.get(b)?.get(line.variantId) ?? 0) -
            (available.get(a)?.get(line.variantId) ?? 0),
        )[0];
    if (choice) routes.set(line.id, choice);
  }
  return routes;
}
