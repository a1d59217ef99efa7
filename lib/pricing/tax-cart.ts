/**
 * Taxes the discounted lines and shipping of a cart: finds each line's
 * region where its goods are handed over, builds the taxable pieces and
 * computes them together, so that invoice rounding sees the whole order.
 */
import { allocateByWeights } from "../money/allocate";
import type { Address, PricingCart, PricingContext, TaxRegion } from "./schemas";
import type { LineState, PricingState } from "./state";
import { computeTax, type PieceTax, type TaxPiece } from "./tax-math";
import { findTaxRegion, handoverAddress, ratePpm } from "./tax-region";
import type { PricingWarning } from "./types";

export interface LineTax extends PieceTax {
  regionId: string | null;
  ratePpm: number;
}

export interface CartTax {
  /** Keyed by line id. */
  lines: Map<string, LineTax>;
  shipping: PieceTax & { regionId: string | null };
  /** Every taxed piece with its tax, for the per-rate summary. */
  pieces: { piece: TaxPiece; tax: PieceTax }[];
  warnings: PricingWarning[];
}

/** Taxes every line and the shipping of the priced state. */
export function taxCart(
  state: PricingState,
  cart: PricingCart,
  context: PricingContext,
): CartTax {
  const warnings: PricingWarning[] = [];
  // Most lines share one of a few addresses (the store, the destination).
  const regions = new Map<Address, TaxRegion | null>();
  const regionAt = (address: Address) => {
    if (!regions.has(address))
      regions.set(address, findTaxRegion(address, context.taxRegions));
    return regions.get(address) ?? null;
  };
  const linePieces = state.lines.map((lineState): TaxPiece => {
    const address = handoverAddress(lineState.line, cart, context);
    const region = address ? regionAt(address) : null;
    if (!region) {
      warnings.push({
        code: "no_tax_region",
        lineId: lineState.line.id,
        cause: address ? "no_matching_region" : "missing_address",
      });
    }
    return {
      amount: lineState.remaining,
      ratePpm: region ? ratePpm(region, lineState.line.taxCategory) : 0,
      regionId: region?.id ?? null,
    };
  });

  const destination = cart.shippingAddress ? regionAt(cart.shippingAddress) : null;
  const shippingPieces = shippingTaxPieces(state, context, destination, linePieces);
  if (shippingPieces.length > 0 && !destination) {
    warnings.push({
      code: "no_tax_region",
      lineId: null,
      cause: cart.shippingAddress ? "no_matching_region" : "missing_address",
    });
  }

  const { market, customer } = context;
  const taxes = computeTax([...linePieces, ...shippingPieces], {
    pricesIncludeTax: market.pricesIncludeTax,
    taxRounding: market.taxRounding,
    roundingMode: market.roundingMode,
    isExempt: customer?.isTaxExempt ?? false,
  });
  return assemble(state.lines, linePieces, shippingPieces, taxes, destination, warnings);
}

/**
 * Shipping as taxable pieces. "category" taxes it at the destination's
 * rate for that category; "proportional" splits it over the shipped lines
 * by their discounted amounts, each part at its line's rate (the rule for
 * shipping that follows the goods); "none" leaves it untaxed.
 */
function shippingTaxPieces(
  state: PricingState,
  context: PricingContext,
  destination: TaxRegion | null,
  linePieces: readonly TaxPiece[],
): TaxPiece[] {
  const amount = state.shippingRemaining;
  const rule = context.market.shippingTax;
  if (amount === 0 || rule.mode === "none") return [];

  const regionId = destination?.id ?? null;
  const shipped = state.lines
    .map((lineState, i) => ({ lineState, piece: linePieces[i] }))
    .filter(({ lineState }) => lineState.line.fulfillment === "SHIP");
  if (rule.mode === "category" || shipped.length === 0) {
    const category = rule.mode === "category" ? rule.category : "STANDARD";
    return [
      { amount, ratePpm: destination ? ratePpm(destination, category) : 0, regionId },
    ];
  }

  // Fully discounted goods still carry their shipping: fall back to list value.
  const weights = shipped.map(({ piece }) => piece?.amount ?? 0);
  const useSubtotals = weights.every((weight) => weight === 0);
  const parts = allocateByWeights(
    amount,
    useSubtotals ? shipped.map(({ lineState }) => subtotalOf(lineState)) : weights,
  );
  const byRate = new Map<number, number>();
  shipped.forEach(({ piece }, i) => {
    const rate = piece?.ratePpm ?? 0;
    byRate.set(rate, (byRate.get(rate) ?? 0) + (parts[i] ?? 0));
  });
  return [...byRate]
    .sort(([a], [b]) => b - a)
    .map(([rate, part]) => ({ amount: part, ratePpm: rate, regionId }));
}

function assemble(
  lines: readonly LineState[],
  linePieces: readonly TaxPiece[],
  shippingPieces: readonly TaxPiece[],
  taxes: readonly PieceTax[],
  destination: TaxRegion | null,
  warnings: PricingWarning[],
): CartTax {
  const lineTaxes = new Map<string, LineTax>();
  lines.forEach((lineState, i) => {
    const piece = linePieces[i];
    const tax = taxes[i] ?? { tax: 0, exemption: 0 };
    lineTaxes.set(lineState.line.id, {
      ...tax,
      regionId: piece?.regionId ?? null,
      ratePpm: piece?.ratePpm ?? 0,
    });
  });

  const shipping = { tax: 0, exemption: 0, regionId: destination?.id ?? null };
  shippingPieces.forEach((_, i) => {
    const tax = taxes[linePieces.length + i];
    shipping.tax += tax?.tax ?? 0;
    shipping.exemption += tax?.exemption ?? 0;
  });

  const pieces = [...linePieces, ...shippingPieces].map((piece, i) => ({
    piece,
    tax: taxes[i] ?? { tax: 0, exemption: 0 },
  }));
  return { lines: lineTaxes, shipping, pieces, warnings };
}

function subtotalOf(lineState: LineState): number {
  return lineState.line.unitPrice * lineState.line.quantity;
}
