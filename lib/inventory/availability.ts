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
  if (variantIds.length === 0) return new Map();
  const { levels, transit } = await levelsAndTransit(db, variantIds);

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
    const row: LocationAvailability = {
      locationId: level.locationId,
      locationName: level.locationName,
      locationCode: level.locationCode,
      kind: level.kind,
      city: level.city,
      canShip: level.canShip,
      canPickup: level.canPickup,
      canSellInStore: level.canSellInStore,
      onHand: level.onHand,
      reserved: level.reserved,
      safetyStock: level.safetyStock,
      available,
      bin: level.bin,
      inboundInTransit: transit.inbound(level.variantId, level.locationId),
      outboundInTransit: transit.outbound(level.variantId, level.locationId),
    };
    entry.byLocation.push(row);
    if (level.canShip) entry.shippable += available;
    if (level.canPickup) entry.pickup.push(row);
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

interface LevelRow {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
  bin: string | null;
  locationName: string;
  locationCode: string;
  kind: string;
  city: string;
  canShip: boolean;
  canPickup: boolean;
  canSellInStore: boolean;
}

interface TransitRow {
  variantId: string;
  quantityShipped: number;
  fromLocationId: string;
  toLocationId: string;
}

/**
 * The variants' levels at active locations, with each location's facts,
 * and the units in transit by transfer: one round trip (levels first, by
 * location name, then the shipped transfer lines).
 */
async function levelsAndTransit(db: Db, variantIds: string[]) {
  const rows = await db.$queryRaw<
    (LevelRow & { isTransit: boolean; quantityShipped: number | null } & {
      fromLocationId: string | null;
      toLocationId: string | null;
    })[]
  >`
    SELECT * FROM (
      SELECT false AS "isTransit", l."variantId", l."locationId", l."onHand", l.reserved,
        l."safetyStock", l.bin, loc.name AS "locationName", loc.code AS "locationCode",
        loc.kind::text AS kind, loc.city, loc."canShip", loc."canPickup",
        loc."canSellInStore", NULL::int AS "quantityShipped",
        NULL::text AS "fromLocationId", NULL::text AS "toLocationId"
      FROM "InventoryLevel" AS l
      JOIN "Location" AS loc ON loc.id = l."locationId"
      WHERE l."variantId" = ANY(${variantIds}::text[]) AND loc."isActive"
      UNION ALL
      SELECT true, tl."variantId", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
        NULL, NULL, NULL, tl."quantityShipped", t."fromLocationId", t."toLocationId"
      FROM "TransferLine" AS tl
      JOIN "Transfer" AS t ON t.id = tl."transferId"
      WHERE tl."variantId" = ANY(${variantIds}::text[]) AND t.status = 'SHIPPED'
    ) AS rows
    ORDER BY "isTransit", "locationName" ASC`;
  const levels: LevelRow[] = rows.filter((r) => !r.isTransit);
  const lines: TransitRow[] = rows
    .filter((r) => r.isTransit)
    .map((r) => ({
      variantId: r.variantId,
      quantityShipped: r.quantityShipped ?? 0,
      fromLocationId: r.fromLocationId ?? "",
      toLocationId: r.toLocationId ?? "",
    }));
  return { levels, transit: inTransit(lines) };
}

/** Units in transit by transfer, per variant and end. */
function inTransit(lines: readonly TransitRow[]) {
  const sum = (pick: (l: TransitRow) => boolean) =>
    lines.filter(pick).reduce((n, l) => n + l.quantityShipped, 0);
  return {
    total: (variantId: string) => sum((l) => l.variantId === variantId),
    inbound: (variantId: string, locationId: string) =>
      sum((l) => l.variantId === variantId && l.toLocationId === locationId),
    outbound: (variantId: string, locationId: string) =>
      sum((l) => l.variantId === variantId && l.fromLocationId === locationId),
  };
}
