/**
 * Refunds for returned units. A line's discount, tax and exemption are
 * shared over its units by a cumulative rule: the first k units of q carry
 * round(amount x k / q). A return of m more units refunds the difference,
 * so returning every unit, in any number of returns, refunds exactly what
 * the line cost, and no return is refunded twice.
 *
 * This refunds what the returned units were charged. Whether a return
 * breaks a deal (the paid half of "buy one get one") and should claw back
 * the reward is a returns policy: it can price the kept items again with
 * priceCart and the original context and compare.
 */
import { AppError } from "../errors/app-error";
import { multiplyDivide } from "../money/rounding";
import type { PricedLine, PricingResult } from "./types";

export interface ReturnItem {
  lineId: string;
  quantity: number;
}

export interface ReturnedLine {
  lineId: string;
  quantity: number;
  subtotal: number;
  discount: number;
  tax: number;
  taxExemption: number;
  /** What to refund for these units. */
  total: number;
}

export interface ReturnQuote {
  lines: ReturnedLine[];
  subtotal: number;
  discount: number;
  tax: number;
  taxExemption: number;
  total: number;
}

/** Prices the return of units from a priced order, given what was returned before. */
export function quoteReturn(
  priced: PricingResult,
  items: readonly ReturnItem[],
  alreadyReturned: readonly ReturnItem[] = [],
): ReturnQuote {
  const before = tally(alreadyReturned);
  const now = tally(items);
  const byId = new Map(priced.lines.map((line) => [line.lineId, line]));

  const lines: ReturnedLine[] = [];
  for (const [lineId, quantity] of now) {
    const line = byId.get(lineId);
    const previous = before.get(lineId) ?? 0;
    if (!line) throw invalid(`return of unknown line ${lineId}`);
    if (previous + quantity > line.quantity) {
      throw invalid(
        `line ${lineId}: ${previous + quantity} returned of ${line.quantity}`,
      );
    }
    lines.push(returnedLine(line, previous, quantity, priced.pricesIncludeTax));
  }

  const add = (pick: (line: ReturnedLine) => number) =>
    lines.reduce((sum, line) => sum + pick(line), 0);
  return {
    lines,
    subtotal: add((line) => line.subtotal),
    discount: add((line) => line.discount),
    tax: add((line) => line.tax),
    taxExemption: add((line) => line.taxExemption),
    total: add((line) => line.total),
  };
}

function returnedLine(
  line: PricedLine,
  previous: number,
  quantity: number,
  isInclusive: boolean,
): ReturnedLine {
  const upTo = previous + quantity;
  const share = (amount: number) =>
    portion(amount, upTo, line.quantity) - portion(amount, previous, line.quantity);
  const subtotal = line.unitPrice * quantity;
  const discount = share(line.discount);
  const tax = share(line.tax);
  const taxExemption = share(line.taxExemption);
  return {
    lineId: line.lineId,
    quantity,
    subtotal,
    discount,
    tax,
    taxExemption,
    total: subtotal - discount + (isInclusive ? 0 : tax) - taxExemption,
  };
}

function portion(amount: number, units: number, quantity: number): number {
  return multiplyDivide(amount, units, quantity, "half_up");
}

function tally(items: readonly ReturnItem[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw invalid(`line ${item.lineId}: bad return quantity ${item.quantity}`);
    }
    totals.set(item.lineId, (totals.get(item.lineId) ?? 0) + item.quantity);
  }
  return totals;
}

function invalid(internal: string): AppError {
  return new AppError("invalid_input", "Those items cannot be returned.", { internal });
}
