import { allocateByWeights } from "../money/allocate";
import { evaluateBundle } from "./benefits/bundle";
import { evaluateBuyXGetY } from "./benefits/buy-x-get-y";
import { evaluateFreeShipping } from "./benefits/free-shipping";
import { evaluateItems } from "./benefits/items";
import { evaluateTiered } from "./benefits/tiered";
import type { Benefit, Promotion } from "./schemas";
import {
  type Evaluation,
  type LineState,
  type PricingState,
  type Proposal,
  proposalAmount,
} from "./state";
import { matchesTarget } from "./targets";

/**
 * Works out what a promotion would take off the current state, without
 * changing it: the qualifying items, the minimum quantity and spend, the
 * benefit itself and the promotion's cap.
 */
export function evaluatePromotion(promotion: Promotion, state: PricingState): Evaluation {
  const { benefit, conditions } = promotion;
  const qualifying = qualifyingLines(benefit, state.lines);
  if (benefit.type !== "free_shipping" && qualifying.length === 0) {
    return { ok: false, reason: { code: "no_matching_items" } };
  }

  const quantity = qualifying.reduce((sum, s) => sum + s.line.quantity, 0);
  if (conditions.minQuantity !== null && quantity < conditions.minQuantity) {
    return {
      ok: false,
      reason: {
        code: "min_quantity",
        required: conditions.minQuantity,
        actual: quantity,
      },
    };
  }
  const spend = qualifying.reduce((sum, s) => sum + s.remaining, 0);
  if (conditions.minSpend !== null && spend < conditions.minSpend) {
    return {
      ok: false,
      reason: { code: "threshold_not_met", required: conditions.minSpend, actual: spend },
    };
  }

  const evaluation = evaluateBenefit(benefit, qualifying, state);
  if (!evaluation.ok) return evaluation;
  if (proposalAmount(evaluation.proposal) === 0) {
    return { ok: false, reason: { code: "no_benefit" } };
  }
  return { ok: true, proposal: applyCap(evaluation.proposal, promotion.maxDiscount) };
}

/**
 * The lines a promotion's minimum quantity and spend are measured on: its
 * target; every discountable line for order discounts and free shipping;
 * the "buy" items of buy X get Y; any component's items for a bundle.
 */
function qualifyingLines(benefit: Benefit, lines: readonly LineState[]): LineState[] {
  switch (benefit.type) {
    case "items":
    case "tiered":
      return lines.filter((s) => matchesTarget(s.line, benefit.target));
    case "order":
    case "free_shipping":
      return lines.filter((s) => s.line.isDiscountable);
    case "buy_x_get_y":
      return lines.filter((s) => matchesTarget(s.line, benefit.buy.target));
    case "bundle":
      return lines.filter((s) =>
        benefit.components.some((c) => matchesTarget(s.line, c.target)),
      );
  }
}

function evaluateBenefit(
  benefit: Benefit,
  qualifying: readonly LineState[],
  state: PricingState,
): Evaluation {
  switch (benefit.type) {
    case "items":
    case "order":
      return evaluateItems(benefit, qualifying, state.roundingMode);
    case "tiered":
      return evaluateTiered(benefit, qualifying, state.roundingMode);
    case "buy_x_get_y":
      return evaluateBuyXGetY(benefit, state.lines, state.roundingMode);
    case "bundle":
      return evaluateBundle(benefit, state.lines);
    case "free_shipping":
      return evaluateFreeShipping(state);
  }
}

/** Scales a proposal down to the cap, sharing the cap by the uncapped amounts. */
function applyCap(proposal: Proposal, cap: number | null): Proposal {
  const total = proposalAmount(proposal);
  if (cap === null || total <= cap) return proposal;

  const parts = allocateByWeights(cap, [
    ...proposal.lines.map((share) => share.amount),
    proposal.shipping,
  ]);
  return {
    ...proposal,
    lines: proposal.lines.map((share, i) => ({ ...share, amount: parts[i] ?? 0 })),
    shipping: parts[proposal.lines.length] ?? 0,
    isCapped: true,
  };
}
