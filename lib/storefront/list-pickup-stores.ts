import type { Db } from "@/lib/db/client";

/** Active locations where shoppers can collect online orders, by name. */
export function listPickupStores(db: Db) {
  return db.location.findMany({
    where: { isActive: true, canPickup: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      addressLine1: true,
      addressLine2: true,
      city: true,
      postalCode: true,
      latitude: true,
      longitude: true,
      phone: true,
      pickupHours: true,
      openingHours: true,
      pickupReadyMinutes: true,
      timezone: true,
    },
  });
}

export type PickupStore = Awaited<ReturnType<typeof listPickupStores>>[number];
