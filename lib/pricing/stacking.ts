/**
 * Which promotions apply, and in which order.
 *
 * Promotions apply one after another, from the highest priority down, each
 * on what the lines have left after those before it. Among promotions of
 * equal priority the one worth more to the shopper goes first (then the
 * lower id, so the order never depends on how promotions were listed).
 * A combinable promotion joins any others; an exclusive one applies only
 * if nothing has applied before it, and then nothing applies after it.
 * To let an exclusive promotion beat a combination, give it a higher
 * priority.
 */
import type { Eligibility } from "./eligibility";
import { evaluatePromotion } from "./evaluate";
import type { Promotion } from "./schemas";
import {
  applyProposal,
  compareIds,
  type PricingState,
  type Proposal,
  proposalAmount,
} from "./state";
import type { SkipReason } from "./types";

export interface Outcome {
  promotion: Promotion;
  code: string | null;
  /** Set when it applied. */
  proposal: Proposal | null;
  /** Set when it did not. */
  reason: SkipReason | null;
}

/** Settles every promotion against the state, applying the winners to it. */
export function settlePromotions(
  promotions: readonly Promotion[],
  eligibility: ReadonlyMap<string, Eligibility>,
  state: PricingState,
): Outcome[] {
  const outcomes: Outcome[] = [];
  const eligible: { promotion: Promotion; code: string | null }[] = [];
  for (const promotion of promotions) {
    const verdict = eligibility.get(promotion.id);
    if (verdict?.ok) eligible.push({ promotion, code: verdict.code });
    else if (verdict) outcomes.push(skipped(promotion, null, verdict.reason));
  }

  let exclusiveWinner: Promotion | null = null;
  let firstWinner: Promotion | null = null;
  for (const tier of byPriority(eligible)) {
    for (const { promotion, code } of orderByValue(tier, state)) {
      const evaluation = evaluatePromotion(promotion, state);
      if (!evaluation.ok) {
        outcomes.push(skipped(promotion, code, evaluation.reason));
      } else if (exclusiveWinner) {
        outcomes.push(skipped(promotion, code, excludedBy(exclusiveWinner, true)));
      } else if (promotion.stacking === "exclusive" && firstWinner) {
        outcomes.push(skipped(promotion, code, excludedBy(firstWinner, false)));
      } else {
        applyProposal(state, promotion.id, evaluation.proposal);
        outcomes.push({ promotion, code, proposal: evaluation.proposal, reason: null });
        firstWinner ??= promotion;
        if (promotion.stacking === "exclusive") exclusiveWinner = promotion;
      }
    }
  }
  return outcomes;
}

type Candidate = { promotion: Promotion; code: string | null };

function byPriority(candidates: Candidate[]): Candidate[][] {
  const sorted = [...candidates].sort(
    (a, b) =>
      b.promotion.priority - a.promotion.priority ||
      compareIds(a.promotion.id, b.promotion.id),
  );
  const tiers: Candidate[][] = [];
  for (const candidate of sorted) {
    const last = tiers.at(-1);
    if (last && last[0]?.promotion.priority === candidate.promotion.priority) {
      last.push(candidate);
    } else {
      tiers.push([candidate]);
    }
  }
  return tiers;
}

/** Orders a tier by what each would be worth on its own right now, most first. */
function orderByValue(tier: Candidate[], state: PricingState): Candidate[] {
  if (tier.length < 2) return tier;

  const valued = tier.map((candidate) => {
    const evaluation = evaluatePromotion(candidate.promotion, state);
    return { candidate, value: evaluation.ok ? proposalAmount(evaluation.proposal) : -1 };
  });
  valued.sort(
    (a, b) =>
      b.value - a.value || compareIds(a.candidate.promotion.id, b.candidate.promotion.id),
  );
  return valued.map((entry) => entry.candidate);
}

function excludedBy(winner: Promotion, isByExclusive: boolean): SkipReason {
  return { code: "excluded", by: winner.id, isByExclusive };
}

function skipped(promotion: Promotion, code: string | null, reason: SkipReason): Outcome {
  return { promotion, code, proposal: null, reason };
}
