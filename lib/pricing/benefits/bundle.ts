/**
 * Bundles at a fixed price: "3 for £10", "shirt and tie for £40".
 *
 * Each bundle is filled with the dearest qualifying units still free, so
 * the shopper gets the largest saving the signage allows; bundles keep
 * forming while they are cheaper than their units. Components with fewer
 * candidate units are filled first, so a narrow component ("a blue shirt")
 * is not starved by a broad one ("any shirt"). The saving of each bundle
 * is shared by its units in proportion to their value.
 */
import { allocateByWeights } from "../../money/allocate";
import type { Benefit } from "../schemas";
import type { Evaluation, LineShare, LineState } from "../state";
import { matchesTarget } from "../targets";
import {
  availableUnits,
  dearestFirst,
  releaseUnits,
  takeUnits,
  type UnitBucket,
  type UnitPick,
  unitBuckets,
} from "../units";

type Bundle = Extract<Benefit, { type: "bundle" }>;

interface Component {
  quantity: number;
  order: UnitBucket[];
  candidates: number;
  index: number;
}

/** Forms as many bundles as are cheaper than their units and prices each at the bundle price. */
export function evaluateBundle(benefit: Bundle, lines: readonly LineState[]): Evaluation {
  const buckets = new Map<LineState, UnitBucket[]>();
  const components: Component[] = benefit.components.map((component, index) => {
    const order: UnitBucket[] = [];
    let candidates = 0;
    for (const state of lines) {
      if (!matchesTarget(state.line, component.target)) continue;
      let own = buckets.get(state);
      if (!own) {
        own = unitBuckets(state);
        buckets.set(state, own);
      }
      order.push(...own);
      candidates += own.reduce((sum, bucket) => sum + bucket.count, 0);
    }
    order.sort(dearestFirst);
    return { quantity: component.quantity, order, candidates, index };
  });
  components.sort((a, b) => a.candidates - b.candidates || a.index - b.index);

  const tallies = new Map<LineState, { amount: number; dealUnits: number }>();
  let applications = 0;
  let wasCheaper = true;
  while (benefit.maxApplications === null || applications < benefit.maxApplications) {
    const picks = fillBundle(components);
    if (!picks) break;
    const value = picks.reduce((sum, pick) => sum + pick.bucket.value * pick.count, 0);
    if (value <= benefit.price) {
      // Dearest units go first, so no later bundle could be cheaper either.
      releaseUnits(picks);
      wasCheaper = false;
      break;
    }
    applications += 1;
    const parts = allocateByWeights(
      value - benefit.price,
      picks.map((pick) => pick.bucket.value * pick.count),
    );
    picks.forEach((pick, i) => {
      const current = tallies.get(pick.bucket.state) ?? { amount: 0, dealUnits: 0 };
      current.amount += parts[i] ?? 0;
      current.dealUnits += pick.count;
      tallies.set(pick.bucket.state, current);
    });
  }

  if (applications === 0) {
    if (!wasCheaper) return { ok: false, reason: { code: "no_benefit" } };
    const required = benefit.components.reduce((sum, c) => sum + c.quantity, 0);
    return {
      ok: false,
      reason: { code: "min_quantity", required, actual: availableUnits(buckets.keys()) },
    };
  }
  const shares: LineShare[] = [...tallies].map(([state, t]) => ({ state, ...t }));
  return {
    ok: true,
    proposal: { lines: shares, shipping: 0, applications, tier: null, isCapped: false },
  };
}

function fillBundle(components: readonly Component[]): UnitPick[] | null {
  const picks: UnitPick[] = [];
  for (const component of components) {
    const taken = takeUnits(component.order, component.quantity);
    if (!taken) {
      releaseUnits(picks);
      return null;
    }
    picks.push(...taken);
  }
  return picks;
}
