import type { Evaluation, PricingState } from "../state";

/** Takes off whatever shipping is left to pay; the cap, if any, bounds it later. */
export function evaluateFreeShipping(state: PricingState): Evaluation {
  if (state.shippingAmount === 0) return { ok: false, reason: { code: "no_shipping" } };

  return {
    ok: true,
    proposal: {
      lines: [],
      shipping: state.shippingRemaining,
      applications: null,
      tier: null,
      isCapped: false,
    },
  };
}
