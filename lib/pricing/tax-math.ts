/**
 * Tax on amounts, by line or by invoice. In tax-inclusive markets the tax
 * is the part of the price that is tax, amount x rate / (1 + rate); in
 * tax-exclusive markets it is added, amount x rate. An inclusive price is
 * what the shopper pays wherever the goods are handed over: a destination
 * with another rate changes the tax inside the price, not the price.
 */
import { allocateByWeights } from "../money/allocate";
import { PPM_PER_WHOLE } from "../money/percent";
import { multiplyDivide, type RoundingMode } from "../money/rounding";

export interface TaxPiece {
  /** After discounts, in the prices as entered (tax included or not). */
  amount: number;
  ratePpm: number;
  regionId: string | null;
}

export interface TaxRules {
  pricesIncludeTax: boolean;
  taxRounding: "line" | "invoice";
  roundingMode: RoundingMode;
  /**
   * A tax-exempt customer pays no tax. Where prices include tax, the tax
   * they contain is taken off (the net price is charged) and reported as
   * the exemption; where prices exclude tax, nothing is added.
   */
  isExempt: boolean;
}

export interface PieceTax {
  tax: number;
  exemption: number;
}

/**
 * Computes each piece's tax. Per line, each piece is rounded on its own.
 * Per invoice, pieces of one region and rate are added up, taxed and
 * rounded once, and that tax is shared back by amount (largest
 * remainder), so the pieces' taxes sum exactly to the invoice's.
 */
export function computeTax(pieces: readonly TaxPiece[], rules: TaxRules): PieceTax[] {
  const taxes =
    rules.taxRounding === "line"
      ? pieces.map((piece) => taxOn(piece.amount, piece.ratePpm, rules))
      : invoiceTaxes(pieces, rules);

  if (!rules.isExempt) return taxes.map((tax) => ({ tax, exemption: 0 }));
  return taxes.map((tax) => ({ tax: 0, exemption: rules.pricesIncludeTax ? tax : 0 }));
}

function invoiceTaxes(pieces: readonly TaxPiece[], rules: TaxRules): number[] {
  const groups = new Map<string, number[]>();
  pieces.forEach((piece, index) => {
    const key = `${piece.regionId ?? ""}|${piece.ratePpm}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });

  const taxes = pieces.map(() => 0);
  for (const indexes of groups.values()) {
    const first = pieces[indexes[0] ?? 0];
    if (!first) continue;
    const amounts = indexes.map((i) => pieces[i]?.amount ?? 0);
    const total = amounts.reduce((sum, amount) => sum + amount, 0);
    const parts = allocateByWeights(taxOn(total, first.ratePpm, rules), amounts);
    indexes.forEach((pieceIndex, i) => {
      taxes[pieceIndex] = parts[i] ?? 0;
    });
  }
  return taxes;
}

function taxOn(amount: number, ratePpm: number, rules: TaxRules): number {
  if (ratePpm === 0 || amount === 0) return 0;
  const denominator = rules.pricesIncludeTax ? PPM_PER_WHOLE + ratePpm : PPM_PER_WHOLE;
  return multiplyDivide(amount, ratePpm, denominator, rules.roundingMode);
}
