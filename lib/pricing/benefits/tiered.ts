import type { RoundingMode } from "../../money/rounding";
import { rewardLines } from "../rewards";
import type { Benefit } from "../schemas";
import type { Evaluation, LineState } from "../state";

type Tiered = Extract<Benefit, { type: "tiered" }>;

/**
 * Picks the highest tier the qualifying items reach and applies its reward
 * to all of them ("3+ save 10 %, 6+ save 20 %" gives 20 % on all seven).
 * Quantity counts units; spend counts what the items cost after earlier
 * promotions.
 */
export function evaluateTiered(
  benefit: Tiered,
  qualifying: readonly LineState[],
  mode: RoundingMode,
): Evaluation {
  const measure = qualifying.reduce(
    (sum, state) =>
      sum + (benefit.basis === "quantity" ? state.line.quantity : state.remaining),
    0,
  );

  let tierIndex = -1;
  benefit.tiers.forEach((tier, i) => {
    if (measure >= tier.min) tierIndex = i;
  });
  const tier = benefit.tiers[tierIndex];
  if (!tier) {
    const required = benefit.tiers[0]?.min ?? 0;
    return {
      ok: false,
      reason:
        benefit.basis === "quantity"
          ? { code: "min_quantity", required, actual: measure }
          : { code: "threshold_not_met", required, actual: measure },
    };
  }

  return {
    ok: true,
    proposal: {
      lines: rewardLines(qualifying, tier.reward, mode),
      shipping: 0,
      applications: null,
      tier: tierIndex,
      isCapped: false,
    },
  };
}
