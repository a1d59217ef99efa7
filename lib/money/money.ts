import { allocateByWeights } from "./allocate";
import { applyPpm, percentToPpm } from "./percent";
import { assertSafeInteger, type RoundingMode } from "./rounding";

/** An amount of integer minor units (pence, cents) in an ISO 4217 currency. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Makes a Money value, refusing fractions and malformed currency codes. */
export function money(amount: number, currency: string): Money {
  assertSafeInteger(amount, "amount");
  if (!CURRENCY_CODE.test(currency)) {
    throw new RangeError(`currency must be an ISO 4217 code, got ${currency}`);
  }
  // Normalise -0 so that equal amounts compare and serialise alike.
  return { amount: amount || 0, currency };
}

/** A zero amount in the currency. */
export function zero(currency: string): Money {
  return money(0, currency);
}

/** Adds two amounts of the same currency. */
export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** Subtracts b from a; both in the same currency. */
export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Sums amounts of one currency; an empty list is zero in that currency. */
export function sum(amounts: readonly Money[], currency: string): Money {
  return amounts.reduce((total, item) => add(total, item), zero(currency));
}

/** Multiplies an amount by an integer factor, such as a quantity. */
export function multiply(value: Money, factor: number): Money {
  assertSafeInteger(factor, "factor");
  return money(value.amount * factor, value.currency);
}

/** Returns `percent` % of the amount, rounded to a minor unit by `mode`. */
export function percentage(value: Money, percent: number, mode: RoundingMode): Money {
  return money(applyPpm(value.amount, percentToPpm(percent), mode), value.currency);
}

/** Splits an amount across weights so that the parts sum exactly to it. */
export function allocate(value: Money, weights: readonly number[]): Money[] {
  return allocateByWeights(value.amount, weights).map((part) =>
    money(part, value.currency),
  );
}

/** Compares two amounts of one currency: negative, zero or positive. */
export function compare(a: Money, b: Money): number {
  assertSameCurrency(a, b);
  return a.amount - b.amount;
}

/** True when both have the same currency and amount. */
export function isEqual(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RangeError(`currency mismatch: ${a.currency} and ${b.currency}`);
  }
}
