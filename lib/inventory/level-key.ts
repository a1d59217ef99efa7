/** The identity of an inventory level: one variant at one location. */
export interface LevelRef {
  variantId: string;
  locationId: string;
}

/** A map key for a level. */
export function levelKey(ref: LevelRef): string {
  return `${ref.variantId}|${ref.locationId}`;
}

/**
 * The one order in which levels are locked, by variant then location, in
 * code-unit order (never locale order, which can differ between machines).
 * Every writer that touches several levels goes in this order, so two
 * transactions can never wait on each other in a circle.
 */
export function compareLevels(a: LevelRef, b: LevelRef): number {
  if (a.variantId !== b.variantId) return a.variantId < b.variantId ? -1 : 1;
  if (a.locationId !== b.locationId) return a.locationId < b.locationId ? -1 : 1;
  return 0;
}

/**
 * Sums quantities of entries that hit the same level, keeping the index of
 * the first entry (for naming a field in errors), sorted in lock order.
 */
export function sumByLevel<T extends LevelRef & { quantity: number }>(
  entries: readonly T[],
): (LevelRef & { quantity: number; firstIndex: number })[] {
  const groups = new Map<string, LevelRef & { quantity: number; firstIndex: number }>();
  entries.forEach((entry, index) => {
    const key = levelKey(entry);
    const group = groups.get(key);
    if (group) group.quantity += entry.quantity;
    else
      groups.set(key, {
        variantId: entry.variantId,
        locationId: entry.locationId,
        quantity: entry.quantity,
        firstIndex: index,
      });
  });
  return [...groups.values()].sort(compareLevels);
}
