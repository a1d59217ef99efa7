/**
 * Buy X get Y, including "buy one get one free".
 *
 * The rule for mixed prices: the rewarded units are always the cheapest
 * qualifying ones. Each time the deal is formed, the X bought units are
 * taken first, from units that cannot be rewarded and then from the
 * dearest ones, and the Y rewarded units are the cheapest left. When buy
 * and get target the same items, the cheapest units of the whole basket
 * are the free ones (buy 2 get 1 on 10, 9, 8, 3, 2, 1 frees 2 and 1) and
 * no rewarded unit is dearer than a unit bought for it. A unit takes part
 * in at most one deal.
 */
import { applyPpm, percentToPpm } from "../../money/percent";
import type { RoundingMode } from "../../money/rounding";
import type { Benefit } from "../schemas";
import type { Evaluation, LineShare, LineState } from "../state";
import { matchesTarget } from "../targets";
import {
  availableUnits,
  cheapestFirst,
  dearestFirst,
  releaseUnits,
  takeUnits,
  type UnitBucket,
  unitBuckets,
} from "../units";

type BuyXGetY = Extract<Benefit, { type: "buy_x_get_y" }>;

interface LineTally {
  amount: number;
  dealUnits: number;
}

/** Forms the deal as often as the basket allows and rewards the cheapest units. */
export function evaluateBuyXGetY(
  benefit: BuyXGetY,
  lines: readonly LineState[],
  mode: RoundingMode,
): Evaluation {
  const buckets = new Map<LineState, UnitBucket[]>();
  const isGetLine = new Set<LineState>();
  const buyOrder: UnitBucket[] = [];
  const getOrder: UnitBucket[] = [];
  for (const state of lines) {
    const isBuy = matchesTarget(state.line, benefit.buy.target);
    const isGet = matchesTarget(state.line, benefit.get.target);
    if (!isBuy && !isGet) continue;
    const own = unitBuckets(state);
    buckets.set(state, own);
    if (isGet) {
      isGetLine.add(state);
      getOrder.push(...own);
    }
    if (isBuy) buyOrder.push(...own);
  }
  // Bought units come from items that cannot be rewarded first, keeping
  // the cheap rewardable ones free for the reward.
  buyOrder.sort(
    (a, b) =>
      Number(isGetLine.has(a.state)) - Number(isGetLine.has(b.state)) ||
      dearestFirst(a, b),
  );
  getOrder.sort(cheapestFirst);

  const ppm = percentToPpm(benefit.get.percent);
  const tallies = new Map<LineState, LineTally>();
  let applications = 0;
  while (benefit.maxApplications === null || applications < benefit.maxApplications) {
    const bought = takeUnits(buyOrder, benefit.buy.quantity);
    if (!bought) break;
    const rewarded = takeUnits(getOrder, benefit.get.quantity);
    if (!rewarded) {
      releaseUnits(bought);
      break;
    }
    applications += 1;
    for (const pick of bought) tally(tallies, pick.bucket.state, 0, pick.count);
    for (const pick of rewarded) {
      const off = applyPpm(pick.bucket.value, ppm, mode) * pick.count;
      tally(tallies, pick.bucket.state, off, pick.count);
    }
  }

  if (applications === 0) {
    return {
      ok: false,
      reason: {
        code: "min_quantity",
        required: benefit.buy.quantity + benefit.get.quantity,
        actual: availableUnits(buckets.keys()),
      },
    };
  }
  const shares: LineShare[] = [...tallies].map(([state, t]) => ({
    state,
    amount: t.amount,
    dealUnits: t.dealUnits,
  }));
  return {
    ok: true,
    proposal: { lines: shares, shipping: 0, applications, tier: null, isCapped: false },
  };
}

function tally(
  tallies: Map<LineState, LineTally>,
  state: LineState,
  amount: number,
  units: number,
): void {
  const current = tallies.get(state) ?? { amount: 0, dealUnits: 0 };
  current.amount += amount;
  current.dealUnits += units;
  tallies.set(state, current);
}
