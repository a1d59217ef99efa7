import type { Db } from "@/lib/db/client";

/** Units a location can still promise: never negative, never stored. */
export function availableQuantity(level: {
  onHand: number;
  reserved: number;
  safetyStock: number;
}): number {
  return Math.max(0, level.onHand - level.reserved - level.safetyStock);
}

export interface LocationAvailability {
  locationId: string;
  locationName: string;
  locationCode: string;
  kind: string;
  city: string;
  canShip: boolean;
  canPickup: boolean;
  canSellInStore: boolean;
  onHand: number;
  available: number;
}

export interface VariantAvailability {
  variantId: string;
  /** What the storefront may sell for shipping: from locations that ship. */
  shippable: number;
  byLocation: LocationAvailability[];
}

/**
 * Availability of each variant at every active location, with the total the
 * storefront may sell for shipping. The one calculation every channel uses.
 */
export async function availabilityForVariants(
  db: Db,
  variantIds: string[],
): Promise<Map<string, VariantAvailability>> {
  const levels = await db.inventoryLevel.findMany({
    where: { variantId: { in: variantIds }, location: { isActive: true } },
    include: { location: true },
    orderBy: [{ location: { name: "asc" } }],
  });

  const result = new Map<string, VariantAvailability>();
  for (const id of variantIds)
    result.set(id, { variantId: id, shippable: 0, byLocation: [] });

  for (const level of levels) {
    const entry = result.get(level.variantId);
    if (!entry) continue;
    const available = availableQuantity(level);
    const { location } = level;
    entry.byLocation.push({
      locationId: location.id,
      locationName: location.name,
      locationCode: location.code,
      kind: location.kind,
      city: location.city,
      canShip: location.canShip,
      canPickup: location.canPickup,
      canSellInStore: location.canSellInStore,
      onHand: level.onHand,
      available,
    });
    if (location.canShip) entry.shippable += available;
  }
  return result;
}
