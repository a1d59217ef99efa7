import { assertSafeInteger, multiplyDivide, type RoundingMode } from "./rounding";

/**
 * Percentages are entered as decimal numbers with at most four decimals
 * (20 for 20 %, 8.875 for a New York sales tax) and converted once to an
 * integer in parts per million, so that all arithmetic stays on integers.
 */
export const PPM_PER_WHOLE = 1_000_000;

const PPM_PER_PERCENT = 10_000;

/** True when the number has at most four decimals, the precision of a rate. */
export function hasRatePrecision(percent: number): boolean {
  if (!Number.isFinite(percent)) return false;
  const scaled = percent * PPM_PER_PERCENT;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Converts a percentage such as 8.875 to parts per million (88 750). */
export function percentToPpm(percent: number): number {
  if (!hasRatePrecision(percent) || percent < 0) {
    throw new RangeError(
      `percentage must be >= 0 with at most 4 decimals, got ${percent}`,
    );
  }
  return Math.round(percent * PPM_PER_PERCENT);
}

/** Converts parts per million back to a percentage for display (88 750 -> 8.875). */
export function ppmToPercent(ppm: number): number {
  return ppm / PPM_PER_PERCENT;
}

/** Returns the rounded share of an integer amount at a rate in parts per million. */
export function applyPpm(amount: number, ppm: number, mode: RoundingMode): number {
  assertSafeInteger(ppm, "ppm");
  return multiplyDivide(amount, ppm, PPM_PER_WHOLE, mode);
}
