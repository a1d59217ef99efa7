import type { Db } from "@/lib/db/client";
import { availabilityForVariants } from "@/lib/inventory/availability";

/** A variant's stock as shoppers see it. */
export interface StorefrontStock {
  variantId: string;
  /** Units the shop can send from locations that ship. */
  shippable: number;
  /** Each store that offers pickup, with what it can hand over today. */
  pickup: { locationId: string; name: string; city: string; available: number }[];
}

/**
 * Shopper-facing stock of variants on sale (active variants of active
 * products; others are left out). The product page renders it and the live
 * refresh fetches it again, so both show the same figures.
 */
export async function storefrontStockForVariants(
  db: Db,
  variantIds: readonly string[],
): Promise<StorefrontStock[]> {
  const onSale = await db.variant.findMany({
    where: { id: { in: [...variantIds] }, isActive: true, product: { status: "ACTIVE" } },
    select: { id: true },
  });
  const ids = onSale.map((variant) => variant.id);
  const availability = await availabilityForVariants(db, ids);

  return ids.map((variantId) => {
    const stock = availability.get(variantId);
    return {
      variantId,
      shippable: stock?.shippable ?? 0,
      pickup: (stock?.byLocation ?? [])
        .filter((level) => level.canPickup)
        .map((level) => ({
          locationId: level.locationId,
          name: level.locationName,
          city: level.city,
          available: level.available,
        })),
    };
  });
}
