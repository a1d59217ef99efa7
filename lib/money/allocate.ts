import { assertSafeInteger } from "./rounding";

/**
 * Splits an integer amount into parts proportional to the weights, so that
 * the parts sum exactly to the amount (largest remainder method).
 *
 * Each part is the floor or the ceiling of its exact share. The minor units
 * left over after flooring go to the parts with the largest remainders;
 * ties go to the earlier weight, so callers that pass weights in a stable
 * order get a stable answer. A part whose weight is zero gets nothing,
 * unless every weight is zero, in which case the amount is split evenly.
 */
export function allocateByWeights(amount: number, weights: readonly number[]): number[] {
  assertSafeInteger(amount, "amount");
  for (const weight of weights) {
    assertSafeInteger(weight, "weight");
    if (weight < 0) throw new RangeError("weights must not be negative");
  }
  if (weights.length === 0) {
    if (amount === 0) return [];
    throw new RangeError("cannot allocate a non-zero amount across no weights");
  }
  if (amount < 0) return allocateByWeights(-amount, weights).map((part) => -part || 0);

  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0)
    return allocateByWeights(
      amount,
      weights.map(() => 1),
    );
  assertSafeInteger(total, "sum of weights");

  const maxWeight = Math.max(...weights);
  const shares = Number.isSafeInteger(amount * maxWeight)
    ? weights.map((weight) => floorShare(amount * weight, total))
    : weights.map((weight) => bigFloorShare(amount, weight, total));

  return distributeLeftover(amount, shares);
}

/** Splits an integer amount into `count` parts that differ by at most one. */
export function splitEvenly(amount: number, count: number): number[] {
  assertSafeInteger(count, "count");
  if (count < 1) throw new RangeError("count must be at least 1");

  return allocateByWeights(
    amount,
    Array.from({ length: count }, () => 1),
  );
}

interface Share {
  floor: number;
  /** The remainder of the exact share, as a numerator over the total weight. */
  remainder: number | bigint;
}

function floorShare(product: number, total: number): Share {
  const floor = Math.floor(product / total);
  // Correct a possible off-by-one of the float division.
  let exactFloor = floor;
  let remainder = product - exactFloor * total;
  while (remainder < 0) {
    exactFloor -= 1;
    remainder += total;
  }
  while (remainder >= total) {
    exactFloor += 1;
    remainder -= total;
  }
  return { floor: exactFloor, remainder };
}

function bigFloorShare(amount: number, weight: number, total: number): Share {
  const product = BigInt(amount) * BigInt(weight);
  const bigTotal = BigInt(total);
  return { floor: Number(product / bigTotal), remainder: product % bigTotal };
}

function distributeLeftover(amount: number, shares: Share[]): number[] {
  const parts = shares.map((share) => share.floor);
  let leftover = amount - parts.reduce((sum, part) => sum + part, 0);
  if (leftover === 0) return parts;

  const order = shares
    .map((share, index) => ({ remainder: share.remainder, index }))
    .sort((a, b) => {
      if (a.remainder === b.remainder) return a.index - b.index;
      return a.remainder > b.remainder ? -1 : 1;
    });
  for (const { index } of order) {
    if (leftover === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    leftover -= 1;
  }
  return parts;
}
