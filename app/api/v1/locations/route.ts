import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/next/api-route";

/** Lists active locations and what each can do. */
export const GET = apiRoute("inventory:read", async () => {
  const locations = await db.location.findMany({
    where: { isActive: true },
    orderBy: { code: "asc" },
  });
  return Response.json({
    data: locations.map((l) => ({
      id: l.id,
      code: l.code,
      name: l.name,
      kind: l.kind,
      address: {
        line1: l.addressLine1,
        line2: l.addressLine2,
        city: l.city,
        region: l.region,
        postalCode: l.postalCode,
        country: l.country,
      },
      coordinates: { latitude: l.latitude, longitude: l.longitude },
      timezone: l.timezone,
      canSellInStore: l.canSellInStore,
      canShip: l.canShip,
      canPickup: l.canPickup,
    })),
  });
});
