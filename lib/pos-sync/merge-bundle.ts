import type { PosBundle } from "./bundle";

/**
 * The bundle a till holds after receiving `next`: a full bundle replaces
 * what it had; a delta replaces prices, promotions, tax, staff and tenders,
 * and updates the variants and customers it lists, dropping the variants
 * that stopped being sold. Pure.
 */
export function mergeBundle(held: PosBundle | null, next: PosBundle): PosBundle {
  if (!next.isDelta || !held || held.location.id !== next.location.id) {
    return { ...next, isDelta: false, removedVariantIds: [] };
  }
  const removed = new Set(next.removedVariantIds);
  const variants = new Map(held.variants.map((v) => [v.id, v]));
  for (const id of removed) variants.delete(id);
  for (const variant of next.variants) variants.set(variant.id, variant);
  const customers = new Map(held.customers.map((c) => [c.id, c]));
  for (const customer of next.customers) customers.set(customer.id, customer);
  return {
    ...next,
    isDelta: false,
    removedVariantIds: [],
    variants: [...variants.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    customers: [...customers.values()],
  };
}
