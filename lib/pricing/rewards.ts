import { allocateByWeights } from "../money/allocate";
import { applyPpm, percentToPpm } from "../money/percent";
import type { RoundingMode } from "../money/rounding";
import type { Reward } from "./schemas";
import type { LineShare, LineState } from "./state";

/**
 * Applies a reward to lines, each on what it has left after earlier
 * promotions (so stacked percentages compound: 10 % then 20 % is 28 %).
 * A percentage is rounded per line; an amount per order is shared by the
 * lines in proportion to what they have left (largest remainder), which
 * keeps every share within its line.
 */
export function rewardLines(
  lines: readonly LineState[],
  reward: Reward,
  mode: RoundingMode,
): LineShare[] {
  if (reward.kind === "percentage") {
    const ppm = percentToPpm(reward.percent);
    return lines.map((state) => share(state, applyPpm(state.remaining, ppm, mode)));
  }

  if (reward.per === "unit") {
    // An unsafe product is far above any remaining amount, so min() is exact.
    return lines.map((state) =>
      share(state, Math.min(reward.amount * state.line.quantity, state.remaining)),
    );
  }

  const available = lines.reduce((sum, state) => sum + state.remaining, 0);
  const amount = Math.min(reward.amount, available);
  const parts = allocateByWeights(
    amount,
    lines.map((state) => state.remaining),
  );
  return lines.map((state, i) => share(state, parts[i] ?? 0));
}

function share(state: LineState, amount: number): LineShare {
  return { state, amount, dealUnits: 0 };
}
