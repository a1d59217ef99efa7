import type { Location, Prisma } from "@/lib/db/generated/client";
import type { LocationInput } from "./schemas";
import { isoDate } from "./trading";

/** The columns a location form sets, as Prisma writes them. */
export function locationData(input: LocationInput) {
  const isPopUp = input.kind === "POPUP";
  return {
    code: input.code,
    name: input.name,
    kind: input.kind,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2,
    city: input.city,
    region: input.region,
    postalCode: input.postalCode,
    country: input.country,
    latitude: input.latitude,
    longitude: input.longitude,
    timezone: input.timezone,
    phone: input.phone,
    canSellInStore: input.canSellInStore,
    canShip: input.canShip,
    canPickup: input.canPickup,
    dailyCapacity: input.dailyCapacity,
    openingHours: input.openingHours as Prisma.InputJsonValue,
    pickupHours: input.pickupHours as Prisma.InputJsonValue,
    pickupReadyMinutes: input.canPickup ? input.pickupReadyMinutes : null,
    // Dates bound only pop-ups; a permanent location trades while active.
    opensOn: isPopUp && input.opensOn ? new Date(`${input.opensOn}T00:00:00Z`) : null,
    closesOn: isPopUp && input.closesOn ? new Date(`${input.closesOn}T00:00:00Z`) : null,
  } satisfies Prisma.LocationUncheckedCreateInput;
}

/** A location as an audit entry keeps it: plain values, dates as days. */
export function locationSnapshot(location: Location) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = location;
  return {
    ...rest,
    opensOn: isoDate(location.opensOn),
    closesOn: isoDate(location.closesOn),
  };
}
