/**
 * Integer division with an explicit rounding rule. Every amount in Omnitill
 * is an integer of minor units, so any fraction (a percentage, a tax rate,
 * a share) ends in exactly one of these calls.
 *
 * Two rules are offered:
 * - "half_up": a half rounds away from zero (0.5 -> 1, -0.5 -> -1). This
 *   is what tax authorities prescribe (HMRC, EU member states, US states'
 *   half-cent rule) and what a shopper checking a receipt by hand expects,
 *   so it is the default everywhere.
 * - "half_even" (banker's): a half rounds to the even neighbour. It has no
 *   upward bias over many roundings; markets whose accounting asks for it
 *   can choose it.
 */
export const ROUNDING_MODES = ["half_up", "half_even"] as const;

export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Throws unless the value is a safe integer; names the value in the message. */
export function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${value}`);
  }
}

/** Divides two integers and rounds the quotient to an integer by the given rule. */
export function divideRounded(
  numerator: number,
  denominator: number,
  mode: RoundingMode,
): number {
  assertSafeInteger(numerator, "numerator");
  assertSafeInteger(denominator, "denominator");
  if (denominator === 0) throw new RangeError("denominator must not be zero");
  if (denominator < 0) return divideRounded(-numerator, -denominator, mode);

  // Float division can be one off for large operands; the loops correct it
  // so that 0 <= remainder < denominator holds exactly.
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  while (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  }
  while (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }

  return (
    quotient + roundUpStep(remainder * 2, denominator, quotient, numerator >= 0, mode)
  );
}

/** Computes round(a * b / c) exactly, also when a * b is beyond the safe range. */
export function multiplyDivide(
  a: number,
  b: number,
  c: number,
  mode: RoundingMode,
): number {
  assertSafeInteger(a, "a");
  assertSafeInteger(b, "b");
  assertSafeInteger(c, "c");
  const product = a * b;
  if (Number.isSafeInteger(product)) return divideRounded(product, c, mode);

  return bigDivideRounded(BigInt(a) * BigInt(b), BigInt(c), mode);
}

function bigDivideRounded(
  numerator: bigint,
  denominator: bigint,
  mode: RoundingMode,
): number {
  if (denominator === 0n) throw new RangeError("denominator must not be zero");
  if (denominator < 0n) return bigDivideRounded(-numerator, -denominator, mode);

  // BigInt division truncates toward zero; move to floor semantics first.
  let quotient = numerator / denominator;
  let remainder = numerator % denominator;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += denominator;
  }
  const twice = remainder * 2n;
  let step = 0n;
  if (twice > denominator) step = 1n;
  else if (twice === denominator) {
    if (mode === "half_up") step = numerator >= 0n ? 1n : 0n;
    else step = quotient % 2n === 0n ? 0n : 1n;
  }

  const result = Number(quotient + step);
  assertSafeInteger(result, "result");
  return result;
}

/** 1 when the floor quotient must move up by one, else 0. */
function roundUpStep(
  twiceRemainder: number,
  denominator: number,
  floorQuotient: number,
  isNonNegative: boolean,
  mode: RoundingMode,
): number {
  if (twiceRemainder > denominator) return 1;
  if (twiceRemainder < denominator) return 0;
  // An exact half: away from zero means up for positives and staying at
  // the floor (which is further from zero) for negatives.
  if (mode === "half_up") return isNonNegative ? 1 : 0;
  return Math.abs(floorQuotient % 2) === 0 ? 0 : 1;
}
