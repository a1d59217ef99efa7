export interface AgingLayer {
  locationId: string;
  receivedAt: Date;
  remaining: number;
  /** Cost per unit in minor units, when known. */
  unitCostMinor: number | null;
}

/** Age brackets in days, each up to and including its upper bound. */
export const AGING_BUCKETS = [
  { label: "0–30 days", maxDays: 30 },
  { label: "31–60 days", maxDays: 60 },
  { label: "61–90 days", maxDays: 90 },
  { label: "91–180 days", maxDays: 180 },
  { label: "Over 180 days", maxDays: Number.POSITIVE_INFINITY },
] as const;

export interface LocationAging {
  locationId: string;
  units: number;
  /** Units per bucket, in AGING_BUCKETS order. */
  buckets: { units: number; costMinor: number }[];
  /** Unit-weighted mean age in days. */
  averageAgeDays: number;
  /** Cost of the units whose cost is known. */
  costMinor: number;
}

const DAY_MS = 86_400_000;

/**
 * Ages stock by location from its receipt layers, first in, first out:
 * each remaining unit is as old as the delivery it came in. Pure.
 */
export function planAging(layers: readonly AgingLayer[], now: Date): LocationAging[] {
  const byLocation = new Map<string, LocationAging & { ageUnitDays: number }>();
  for (const layer of layers) {
    if (layer.remaining <= 0) continue;
    const entry = byLocation.get(layer.locationId) ?? {
      locationId: layer.locationId,
      units: 0,
      buckets: AGING_BUCKETS.map(() => ({ units: 0, costMinor: 0 })),
      averageAgeDays: 0,
      costMinor: 0,
      ageUnitDays: 0,
    };
    byLocation.set(layer.locationId, entry);

    const ageDays = Math.max(
      0,
      Math.floor((now.getTime() - layer.receivedAt.getTime()) / DAY_MS),
    );
    const index = AGING_BUCKETS.findIndex((b) => ageDays <= b.maxDays);
    const bucket = entry.buckets[index];
    const cost = (layer.unitCostMinor ?? 0) * layer.remaining;
    if (bucket) {
      bucket.units += layer.remaining;
      bucket.costMinor += cost;
    }
    entry.units += layer.remaining;
    entry.costMinor += cost;
    entry.ageUnitDays += ageDays * layer.remaining;
  }

  return [...byLocation.values()].map(({ ageUnitDays, ...entry }) => ({
    ...entry,
    averageAgeDays:
      entry.units > 0 ? Math.round((ageUnitDays / entry.units) * 10) / 10 : 0,
  }));
}
