export interface AllocationCandidate {
  locationId: string;
  /** Units the location can promise now. */
  available: number;
}

export interface AllocationPlan {
  allocations: { locationId: string; quantity: number }[];
  /** Units no location could cover; 0 when the plan serves the whole line. */
  shortfall: number;
}

/**
 * Plans where a shipped line is taken from, preferring the fewest
 * locations: one location when any can serve it all (the first such in
 * the caller's preference order), otherwise the fewest that can, taking
 * the largest holdings first and, for the last part, the most preferred
 * location that covers what is left. Pure: callers reserve the plan.
 */
export function planSplitAllocation(options: {
  quantity: number;
  /** In order of preference (routing's ranking: distance, cost, workload). */
  candidates: readonly AllocationCandidate[];
}): AllocationPlan {
  const { quantity } = options;
  const candidates = options.candidates.filter((c) => c.available > 0);
  if (quantity <= 0) return { allocations: [], shortfall: 0 };

  const single = candidates.find((c) => c.available >= quantity);
  if (single) {
    return { allocations: [{ locationId: single.locationId, quantity }], shortfall: 0 };
  }

  // Largest first (stable, so preference breaks ties): the top k holdings
  // are the most any k locations can cover, so the first k that suffices
  // is the fewest possible.
  const bySize = candidates
    .map((c, rank) => ({ ...c, rank }))
    .sort((a, b) => b.available - a.available || a.rank - b.rank);
  const total = bySize.reduce((n, c) => n + c.available, 0);
  if (total < quantity) {
    return {
      allocations: bySize.map((c) => ({
        locationId: c.locationId,
        quantity: c.available,
      })),
      shortfall: quantity - total,
    };
  }

  const allocations: AllocationPlan["allocations"] = [];
  let left = quantity;
  let index = 0;
  while (left > 0) {
    const rest = bySize.slice(index);
    const finisher = rest
      .filter((c) => c.available >= left)
      .sort((a, b) => a.rank - b.rank)[0];
    if (finisher) {
      allocations.push({ locationId: finisher.locationId, quantity: left });
      break;
    }
    const next = bySize[index];
    if (!next) break;
    allocations.push({ locationId: next.locationId, quantity: next.available });
    left -= next.available;
    index += 1;
  }
  return { allocations, shortfall: 0 };
}
