import type { Db } from "@/lib/db/client";

/**
 * The one availability module. Every channel's figure comes from here:
 * the storefront's "ships" and "pick up today", the POS's "here and in
 * other stores", the back-office grid and the API.
 */

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
  reserved: number;
  safetyStock: number;
  available: number;
  bin: string | null;
  /** Units shipped to here by transfer and not yet received. */
  inboundInTransit: number;
  /** Units shipped from here by transfer and not yet received. */
  outboundInTransit: number;
}

export interface ChainTotals {
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
}

export interface VariantAvailability {
  variantId: string;
  /** What the storefront may sell for shipping: from locations that ship. */
  shippable: number;
  /** Stores where shoppers may collect, with what each can offer. */
  pickup: LocationAvailability[];
  byLocation: LocationAvailability[];
  /** Across every active location: what an associate sees chain-wide. */
  chain: ChainTotals;
}

/**
 * Availability of each variant at every active location, with the total the
 * storefront may sell for shipping, the pickup stores and the chain-wide
 * totals including stock in transit. The one calculation every channel uses.
 */
export async function availabilityForVariants(
  db: Db,
  variantIds: string[],
): Promise<Map<string, VariantAvailability>> {
  const [levels, transit] = await Promise.all([
    db.inventoryLevel.findMany({
      where: { variantId: { in: variantIds }, location: { isActive: true } },
      include: { location: true },
      orderBy: [{ location: { name: "asc" } }],
    }),
    inTransit(db, variantIds),
  ]);

  const result = new Map<string, VariantAvailability>();
  for (const id of variantIds) {
    result.set(id, {
      variantId: id,
      shippable: 0,
      pickup: [],
      byLocation: [],
      chain: { onHand: 0, reserved: 0, available: 0, inTransit: transit.total(id) },
    });
  }

  for (const level of levels) {
    const entry = result.get(level.variantId);
    if (!entry) continue;
    const available = availableQuantity(level);
    const { location } = level;
    const row: LocationAvailability = {
      locationId: location.id,
      locationName: location.name,
      locationCode: location.code,
      kind: location.kind,
      city: location.city,
      canShip: location.canShip,
      canPickup: location.canPickup,
      canSellInStore: location.canSellInStore,
      onHand: level.onHand,
      reserved: level.reserved,
      safetyStock: level.safetyStock,
      available,
      bin: level.bin,
      inboundInTransit: transit.inbound(level.variantId, location.id),
      outboundInTransit: transit.outbound(level.variantId, location.id),
    };
    entry.byLocation.push(row);
    if (location.canShip) entry.shippable += available;
    if (location.canPickup) entry.pickup.push(row);
    entry.chain.onHand += level.onHand;
    entry.chain.reserved += level.reserved;
    entry.chain.available += available;
  }
  return result;
}

/** What the storefront may sell for shipping, per variant. */
export async function shippableQuantities(
  db: Db,
  variantIds: string[],
): Promise<Map<string, number>> {
  const all = await availabilityForVariants(db, variantIds);
  return new Map([...all].map(([id, a]) => [id, a.shippable]));
}

/** What each pickup store can offer, per variant. */
export async function pickupAvailability(
  db: Db,
  variantIds: string[],
): Promise<Map<string, LocationAvailability[]>> {
  const all = await availabilityForVariants(db, variantIds);
  return new Map([...all].map(([id, a]) => [id, a.pickup]));
}

export interface StoreAvailability {
  variantId: string;
  /** This store's own level; on hand may be below zero after counter sales. */
  here: LocationAvailability | null;
  /** Other active locations that could offer some. */
  elsewhere: LocationAvailability[];
  chain: ChainTotals;
}

/**
 * What an associate sees in the store: the figures here (on the shelf,
 * held for orders, in its bin, on the way in), the other locations that
 * have some, and the chain's totals.
 */
export async function storeAvailability(
  db: Db,
  options: { locationId: string; variantIds: string[] },
): Promise<Map<string, StoreAvailability>> {
  const all = await availabilityForVariants(db, options.variantIds);
  return new Map(
    [...all].map(([id, a]) => [
      id,
      {
        variantId: id,
        here: a.byLocation.find((l) => l.locationId === options.locationId) ?? null,
        elsewhere: a.byLocation.filter(
          (l) => l.locationId !== options.locationId && l.available > 0,
        ),
        chain: a.chain,
      },
    ]),
  );
}

/** Units in transit by transfer, per variant and end. */
async function inTransit(db: Db, variantIds: string[]) {
  const lines =
    variantIds.length === 0
      ? []
      : await db.transferLine.findMany({
          where: { variantId: { in: variantIds }, transfer: { status: "SHIPPED" } },
          select: {
            variantId: true,
            quantityShipped: true,
            transfer: { select: { fromLocationId: true, toLocationId: true } },
          },
        });
  const sum = (pick: (l: (typeof lines)[number]) => boolean) =>
    lines.filter(pick).reduce((n, l) => n + l.quantityShipped, 0);
  return {
    total: (variantId: string) => sum((l) => l.variantId === variantId),
    inbound: (variantId: string, locationId: string) =>
      sum((l) => l.variantId === variantId && l.transfer.toLocationId === locationId),
    outbound: (variantId: string, locationId: string) =>
      sum((l) => l.variantId === variantId && l.transfer.fromLocationId === locationId),
  };
}
