import type { RoundingMode } from "../../money/rounding";
import { rewardLines } from "../rewards";
import type { Benefit } from "../schemas";
import type { Evaluation, LineState } from "../state";

type Items = Extract<Benefit, { type: "items" }>;
type Order = Extract<Benefit, { type: "order" }>;

/** Percentage or amount off the qualifying items (already matched to the target). */
export function evaluateItems(
  benefit: Items | Order,
  qualifying: readonly LineState[],
  mode: RoundingMode,
): Evaluation {
  return {
    ok: true,
    proposal: {
      lines: rewardLines(qualifying, benefit.reward, mode),
      shipping: 0,
      applications: null,
      tier: null,
      isCapped: false,
    },
  };
}
