/** Turns the settled state, promotions and taxes into the engine's answer. */
import { ppmToPercent } from "../money/percent";
import type { CodeBook } from "./codes";
import { codeOutcomes } from "./codes";
import { overridesApplied } from "./manual";
import type { PricingCart, PricingContext } from "./schemas";
import type { Outcome } from "./stacking";
import { compareIds, type LineState, type PricingState } from "./state";
import type { CartTax } from "./tax-cart";
import type {
  AppliedManualAdjustment,
  AppliedPromotion,
  PricedLine,
  PricedShipping,
  PricingExplanation,
  PricingResult,
  PricingTotals,
  SkippedPromotion,
  SkipReason,
  TaxSummary,
} from "./types";

export interface Settled {
  /** With price overrides in place. */
  cart: PricingCart;
  /** As given, with catalogue prices. */
  original: PricingCart;
  context: PricingContext;
  state: PricingState;
  outcomes: readonly Outcome[];
  manual: { applied: AppliedManualAdjustment[]; byLine: ReadonlyMap<string, number> };
  codes: CodeBook;
  tax: CartTax;
}

/** Builds the full pricing result; every list sums exactly to its total. */
export function buildResult(settled: Settled): PricingResult {
  const { cart, original, context, state, tax, manual } = settled;
  const isInclusive = context.market.pricesIncludeTax;
  const byId = new Map(state.lines.map((lineState) => [lineState.line.id, lineState]));
  const lines = cart.lines.map((line, index) => {
    const lineState = byId.get(line.id);
    if (!lineState) throw new Error(`line ${line.id} missing from the pricing state`);
    return {
      ...pricedLine(lineState, tax, isInclusive),
      listUnitPrice: original.lines[index]?.unitPrice ?? line.unitPrice,
      manualDiscount: manual.byLine.get(line.id) ?? 0,
    };
  });
  const shipping = pricedShipping(state, tax, isInclusive);

  return {
    currency: cart.currency,
    pricesIncludeTax: isInclusive,
    lines,
    shipping,
    totals: totalsOf(lines, shipping, isInclusive),
    taxes: taxSummary(tax, isInclusive),
    explanation: explanationOf(settled, cart),
    warnings: tax.warnings,
  };
}

function pricedLine(
  lineState: LineState,
  tax: CartTax,
  isInclusive: boolean,
): Omit<PricedLine, "listUnitPrice" | "manualDiscount"> {
  const { line, remaining } = lineState;
  const subtotal = line.unitPrice * line.quantity;
  const lineTax = tax.lines.get(line.id) ?? {
    tax: 0,
    exemption: 0,
    regionId: null,
    ratePpm: 0,
  };
  return {
    lineId: line.id,
    variantId: line.variantId,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    subtotal,
    discount: subtotal - remaining,
    discounts: [...lineState.discounts].map(([promotionId, amount]) => ({
      promotionId,
      amount,
    })),
    taxCategory: line.taxCategory,
    taxRegionId: lineTax.regionId,
    taxRate: ppmToPercent(lineTax.ratePpm),
    tax: lineTax.tax,
    taxExemption: lineTax.exemption,
    net: isInclusive ? remaining - lineTax.tax - lineTax.exemption : remaining,
    total: remaining + (isInclusive ? 0 : lineTax.tax) - lineTax.exemption,
  };
}

function pricedShipping(
  state: PricingState,
  tax: CartTax,
  isInclusive: boolean,
): PricedShipping | null {
  if (state.shippingAmount === 0) return null;

  const remaining = state.shippingRemaining;
  const { tax: shippingTax, exemption, regionId } = tax.shipping;
  return {
    amount: state.shippingAmount,
    discount: state.shippingAmount - remaining,
    discounts: [...state.shippingDiscounts].map(([promotionId, amount]) => ({
      promotionId,
      amount,
    })),
    taxRegionId: regionId,
    tax: shippingTax,
    taxExemption: exemption,
    net: isInclusive ? remaining - shippingTax - exemption : remaining,
    total: remaining + (isInclusive ? 0 : shippingTax) - exemption,
  };
}

function totalsOf(
  lines: readonly PricedLine[],
  shipping: PricedShipping | null,
  isInclusive: boolean,
): PricingTotals {
  const add = (pick: (line: PricedLine) => number) =>
    lines.reduce((sum, line) => sum + pick(line), 0);
  const subtotal = add((line) => line.subtotal);
  const itemDiscount = add((line) => line.discount);
  const shippingDiscount = shipping?.discount ?? 0;
  const shippingAmount = shipping?.amount ?? 0;
  const tax = add((line) => line.tax) + (shipping?.tax ?? 0);
  const taxExemption = add((line) => line.taxExemption) + (shipping?.taxExemption ?? 0);
  const discount = itemDiscount + shippingDiscount;
  return {
    subtotal,
    itemDiscount,
    shippingDiscount,
    discount,
    shipping: shippingAmount,
    tax,
    taxExemption,
    total: subtotal - discount + shippingAmount + (isInclusive ? 0 : tax) - taxExemption,
  };
}

function taxSummary(tax: CartTax, isInclusive: boolean): TaxSummary[] {
  const groups = new Map<string, TaxSummary>();
  for (const { piece, tax: pieceTax } of tax.pieces) {
    const key = `${piece.regionId ?? ""}|${piece.ratePpm}`;
    const group = groups.get(key) ?? {
      taxRegionId: piece.regionId,
      taxRate: ppmToPercent(piece.ratePpm),
      net: 0,
      tax: 0,
    };
    group.net += isInclusive
      ? piece.amount - pieceTax.tax - pieceTax.exemption
      : piece.amount;
    group.tax += pieceTax.tax;
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((group) => group.net !== 0 || group.tax !== 0)
    .sort(
      (a, b) =>
        compareIds(a.taxRegionId ?? "", b.taxRegionId ?? "") || b.taxRate - a.taxRate,
    );
}

function explanationOf(settled: Settled, cart: PricingCart): PricingExplanation {
  const lineOrder = new Map(cart.lines.map((line, i) => [line.id, i]));
  const applied: AppliedPromotion[] = [];
  const skipped: (SkippedPromotion & { priority: number })[] = [];
  const reasons = new Map<string, SkipReason>();

  for (const outcome of settled.outcomes) {
    const { promotion, proposal, reason } = outcome;
    if (proposal) {
      const lines = proposal.lines
        .filter((share) => share.amount > 0)
        .map((share) => ({ lineId: share.state.line.id, amount: share.amount }))
        .sort((a, b) => (lineOrder.get(a.lineId) ?? 0) - (lineOrder.get(b.lineId) ?? 0));
      const itemAmount = lines.reduce((sum, line) => sum + line.amount, 0);
      applied.push({
        promotionId: promotion.id,
        name: promotion.name,
        code: outcome.code,
        amount: itemAmount + proposal.shipping,
        itemAmount,
        shippingAmount: proposal.shipping,
        lines,
        applications: proposal.applications,
        tier: proposal.tier,
        isCapped: proposal.isCapped,
      });
    } else if (reason) {
      reasons.set(promotion.id, reason);
      skipped.push({
        promotionId: promotion.id,
        name: promotion.name,
        reason,
        priority: promotion.priority,
      });
    }
  }

  skipped.sort(
    (a, b) => b.priority - a.priority || compareIds(a.promotionId, b.promotionId),
  );
  const appliedIds = new Set(applied.map((entry) => entry.promotionId));
  return {
    applied,
    notApplied: skipped.map(({ priority: _priority, ...entry }) => entry),
    codes: codeOutcomes(settled.codes, settled.context.promotions, appliedIds, reasons),
    manual: [...overridesApplied(settled.original), ...settled.manual.applied],
  };
}
