/**
 * The mutable working state of one pricing run. Promotions are evaluated
 * against it without changing it; only an applied proposal changes it.
 */
import type { RoundingMode } from "../money/rounding";
import type { CartLine, PricingCart } from "./schemas";
import type { SkipReason } from "./types";

export interface LineState {
  readonly line: CartLine;
  /** What is left to discount, in the prices as entered. */
  remaining: number;
  /** Units already used by a multi-buy deal (buy X get Y, bundle). */
  dealUnits: number;
  /** Promotion id to amount, in the order applied. */
  readonly discounts: Map<string, number>;
}

export interface PricingState {
  /** Sorted by line id, so that results do not depend on the cart's order. */
  readonly lines: readonly LineState[];
  readonly shippingAmount: number;
  shippingRemaining: number;
  readonly shippingDiscounts: Map<string, number>;
  readonly roundingMode: RoundingMode;
}

/** One promotion's effect on one line. */
export interface LineShare {
  readonly state: LineState;
  amount: number;
  /** Units this promotion used up for deals on the line. */
  readonly dealUnits: number;
}

/** What a promotion would do to the current state. */
export interface Proposal {
  lines: LineShare[];
  shipping: number;
  applications: number | null;
  tier: number | null;
  isCapped: boolean;
}

export type Evaluation =
  | { ok: true; proposal: Proposal }
  | { ok: false; reason: SkipReason };

/** Starts a pricing run from the cart, with lines in id order. */
export function createState(cart: PricingCart, roundingMode: RoundingMode): PricingState {
  const lines = [...cart.lines]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((line) => ({
      line,
      remaining: line.unitPrice * line.quantity,
      dealUnits: 0,
      discounts: new Map<string, number>(),
    }));
  return {
    lines,
    shippingAmount: cart.shippingAmount,
    shippingRemaining: cart.shippingAmount,
    shippingDiscounts: new Map(),
    roundingMode,
  };
}

/** Applies an accepted proposal for a promotion to the state. */
export function applyProposal(
  state: PricingState,
  promotionId: string,
  proposal: Proposal,
) {
  for (const share of proposal.lines) {
    if (share.amount === 0 && share.dealUnits === 0) continue;
    share.state.remaining -= share.amount;
    share.state.dealUnits += share.dealUnits;
    if (share.amount > 0) share.state.discounts.set(promotionId, share.amount);
  }
  if (proposal.shipping > 0) {
    state.shippingRemaining -= proposal.shipping;
    state.shippingDiscounts.set(promotionId, proposal.shipping);
  }
}

/** Total discount of a proposal, lines and shipping. */
export function proposalAmount(proposal: Proposal): number {
  return proposal.lines.reduce((sum, share) => sum + share.amount, proposal.shipping);
}

/**
 * Orders ids by UTF-16 code units. localeCompare is avoided on purpose: its
 * order can differ between the server's and a browser's ICU, and the POS
 * must tie-break exactly as the server does.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
