/**
 * Price overrides and manual discounts typed at the till. A manager has
 * approved them before they reach the engine; here they only apply:
 *
 * - an override replaces the unit price before anything else, so
 *   promotions read the new price;
 * - after promotions, each line's own manual discount comes off what the
 *   line has left, then the sale's discount comes off what every
 *   discountable line has left (a percentage rounded per line, an amount
 *   shared by what lines have left, largest remainder);
 * - lines that promotions may not touch (gift cards) take no manual
 *   discount either, and no discount takes a line below zero.
 */
import { rewardLines } from "./rewards";
import type { CartLine, ManualDiscount, PricingCart, Reward } from "./schemas";
import { compareIds, type PricingState } from "./state";
import type { AppliedManualAdjustment } from "./types";

/** The cart with every price override in place of the catalogue price. */
export function applyPriceOverrides(cart: PricingCart): PricingCart {
  if (!cart.lines.some((line) => line.priceOverride)) return cart;
  return {
    ...cart,
    lines: cart.lines.map((line) =>
      line.priceOverride ? { ...line, unitPrice: line.priceOverride.unitPrice } : line,
    ),
  };
}

/** Applies line and sale discounts to the state; returns what each did. */
export function applyManualDiscounts(
  cart: PricingCart,
  state: PricingState,
): { applied: AppliedManualAdjustment[]; byLine: Map<string, number> } {
  const byLine = new Map<string, number>();
  const applied: AppliedManualAdjustment[] = [];
  const apply = (
    discount: ManualDiscount,
    scope: "line" | "sale",
    lines: PricingState["lines"],
  ) => {
    const shares = rewardLines(lines, rewardOf(discount), state.roundingMode);
    const taken: { lineId: string; amount: number }[] = [];
    for (const share of shares) {
      if (share.amount <= 0) continue;
      share.state.remaining -= share.amount;
      const id = share.state.line.id;
      byLine.set(id, (byLine.get(id) ?? 0) + share.amount);
      taken.push({ lineId: id, amount: share.amount });
    }
    if (taken.length === 0) return;
    applied.push({
      id: discount.id,
      kind: discount.kind,
      scope,
      reason: discount.reason,
      value: discount.kind === "amount_off" ? discount.amount : discount.percent,
      amount: taken.reduce((sum, part) => sum + part.amount, 0),
      lines: inCartOrder(cart, taken),
    });
  };

  const discountable = state.lines.filter((lineState) => lineState.line.isDiscountable);
  const byCartOrder = [...discountable].sort(
    (a, b) => cartIndex(cart, a.line.id) - cartIndex(cart, b.line.id),
  );
  for (const lineState of byCartOrder) {
    const discount = lineState.line.manualDiscount;
    if (discount) apply(discount, "line", [lineState]);
  }
  if (cart.manualDiscount) apply(cart.manualDiscount, "sale", discountable);
  return { applied, byLine };
}

/** What each price override changed, from the cart as the till sent it. */
export function overridesApplied(original: PricingCart): AppliedManualAdjustment[] {
  return original.lines.flatMap((line: CartLine) => {
    const override = line.priceOverride;
    if (!override || override.unitPrice === line.unitPrice) return [];
    const amount = (line.unitPrice - override.unitPrice) * line.quantity;
    return [
      {
        id: override.id,
        kind: "price_override" as const,
        scope: "line" as const,
        reason: override.reason,
        value: override.unitPrice,
        amount,
        lines: [{ lineId: line.id, amount }],
      },
    ];
  });
}

function rewardOf(discount: ManualDiscount): Reward {
  return discount.kind === "percent_off"
    ? { kind: "percentage", percent: discount.percent }
    : { kind: "amount_off", amount: discount.amount, per: "order" };
}

function cartIndex(cart: PricingCart, lineId: string): number {
  return cart.lines.findIndex((line) => line.id === lineId);
}

function inCartOrder(
  cart: PricingCart,
  parts: { lineId: string; amount: number }[],
): { lineId: string; amount: number }[] {
  return [...parts].sort(
    (a, b) =>
      cartIndex(cart, a.lineId) - cartIndex(cart, b.lineId) ||
      compareIds(a.lineId, b.lineId),
  );
}
