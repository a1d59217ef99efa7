import type { Db } from "@/lib/db/client";
import { distanceKm, geocodePlace } from "@/lib/geo/geocode-place";
import { planSplitAllocation } from "@/lib/inventory/plan-split-allocation";

export interface LineToRoute {
  id: string;
  variantId: string;
  quantity: number;
}

/** Part of a line sent from one location. */
export interface RouteAllocation {
  locationId: string;
  quantity: number;
}

/** Where the parcel goes, for ranking locations by distance. */
export interface RouteDestination {
  country: string;
  postalCode: string;
}

interface Candidate {
  locationId: string;
  code: string;
  /** Kilometres to the destination; 0 when either end cannot be placed. */
  distanceKm: number;
  isOverCapacity: boolean;
}

/** Shipments still to leave a location: its open workload. */
const OPEN_STATUSES = ["ALLOCATED", "PICKING", "PACKED"] as const;

/**
 * Chooses where shipped lines without a location are sent from. Locations
 * are ranked: those under their daily capacity (open shipments against
 * `dailyCapacity`) before those at or over it, then nearest the
 * destination, then by code. Fewer parcels win over distance:
 *
 * 1. one location that can send every line, the best ranked such;
 * 2. else, location by location, the one that can send the most of the
 *    remaining lines whole (ties to the better ranked);
 * 3. a line that no single location can send is split across locations,
 *    as few as possible (`planSplitAllocation`), in rank order.
 *
 * A line the network cannot cover is left out; the caller names it as
 * short. The choice is advisory: the reservation in the order's
 * transaction is what guarantees the stock.
 */
export async function routeShippedLines(
  db: Db,
  lines: readonly LineToRoute[],
  options: { destination?: RouteDestination | null } = {},
): Promise<Map<string, RouteAllocation[]>> {
  const routes = new Map<string, RouteAllocation[]>();
  if (lines.length === 0) return routes;

  const levels = await db.$queryRaw<LevelRow[]>`
    SELECT l."variantId", l."locationId",
      GREATEST(0, l."onHand" - l.reserved - l."safetyStock")::int AS available,
      loc.code, loc.latitude, loc.longitude, loc."dailyCapacity"
    FROM "InventoryLevel" AS l
    JOIN "Location" AS loc ON loc.id = l."locationId"
    WHERE l."variantId" = ANY(${[...new Set(lines.map((l) => l.variantId))]}::text[])
      AND loc."isActive" AND loc."canShip"
      AND l."onHand" - l.reserved - l."safetyStock" > 0`;

  const available = new Map<string, Map<string, number>>();
  for (const level of levels) {
    const byVariant = available.get(level.locationId) ?? new Map<string, number>();
    byVariant.set(level.variantId, level.available);
    available.set(level.locationId, byVariant);
  }
  const ranked = await rankLocations(db, levels, options.destination ?? null);
  const left = (locationId: string, variantId: string) =>
    available.get(locationId)?.get(variantId) ?? 0;
  const take = (locationId: string, variantId: string, quantity: number) => {
    available.get(locationId)?.set(variantId, left(locationId, variantId) - quantity);
  };
  const canFill = (locationId: string, line: LineToRoute) =>
    left(locationId, line.variantId) >= line.quantity;

  // 1 and 2: whole lines, as few locations as possible.
  let remaining = [...lines];
  while (remaining.length > 0) {
    let best: { locationId: string; lines: LineToRoute[] } | null = null;
    for (const candidate of ranked) {
      const fillable = fillableTogether(remaining, candidate.locationId, canFill, left);
      if (fillable.length > (best?.lines.length ?? 0)) {
        best = { locationId: candidate.locationId, lines: fillable };
      }
    }
    if (!best) break;
    for (const line of best.lines) {
      routes.set(line.id, [{ locationId: best.locationId, quantity: line.quantity }]);
      take(best.locationId, line.variantId, line.quantity);
    }
    const routed = new Set(best.lines.map((line) => line.id));
    remaining = remaining.filter((line) => !routed.has(line.id));
  }

  // 3: what no single location can send, split.
  for (const line of remaining) {
    const plan = planSplitAllocation({
      quantity: line.quantity,
      candidates: ranked.map((c) => ({
        locationId: c.locationId,
        available: left(c.locationId, line.variantId),
      })),
    });
    if (plan.shortfall > 0) continue;
    routes.set(line.id, plan.allocations);
    for (const part of plan.allocations)
      take(part.locationId, line.variantId, part.quantity);
  }
  return routes;
}

interface LevelRow {
  variantId: string;
  locationId: string;
  available: number;
  code: string;
  latitude: number;
  longitude: number;
  dailyCapacity: number;
}

/**
 * The lines one location can send together: lines of the same variant
 * share its units, so they are counted against what is left in turn.
 */
function fillableTogether(
  lines: readonly LineToRoute[],
  locationId: string,
  canFill: (locationId: string, line: LineToRoute) => boolean,
  left: (locationId: string, variantId: string) => number,
): LineToRoute[] {
  const used = new Map<string, number>();
  const chosen: LineToRoute[] = [];
  for (const line of lines) {
    if (!canFill(locationId, line)) continue;
    const already = used.get(line.variantId) ?? 0;
    if (already + line.quantity > left(locationId, line.variantId)) continue;
    used.set(line.variantId, already + line.quantity);
    chosen.push(line);
  }
  return chosen;
}

/** Ship-capable locations holding any of the lines, best first. */
async function rankLocations(
  db: Db,
  levels: readonly LevelRow[],
  destination: RouteDestination | null,
): Promise<Candidate[]> {
  const locations = new Map<string, LevelRow>();
  for (const level of levels) locations.set(level.locationId, level);
  if (locations.size === 0) return [];

  // Workload only matters when there is a choice to make.
  const workload = new Map<string, number>();
  if (locations.size > 1) {
    const open = await db.fulfillment.groupBy({
      by: ["locationId"],
      where: {
        locationId: { in: [...locations.keys()] },
        method: "SHIP",
        status: { in: [...OPEN_STATUSES] },
      },
      _count: { _all: true },
    });
    for (const row of open) workload.set(row.locationId, row._count._all);
  }
  const place =
    destination && destination.country.toUpperCase() === "GB"
      ? geocodePlace(destination.postalCode)
      : null;

  return [...locations.values()]
    .map((location) => ({
      locationId: location.locationId,
      code: location.code,
      distanceKm: place ? distanceKm(place, location) : 0,
      isOverCapacity:
        location.dailyCapacity > 0 &&
        (workload.get(location.locationId) ?? 0) >= location.dailyCapacity,
    }))
    .sort(
      (a, b) =>
        Number(a.isOverCapacity) - Number(b.isOverCapacity) ||
        a.distanceKm - b.distanceKm ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}
