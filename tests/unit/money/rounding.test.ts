import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideRounded, multiplyDivide } from "../../../lib/money";

describe("divideRounded", () => {
  it.each([
    // numerator, denominator, half_up, half_even
    [5, 2, 3, 2],
    [7, 2, 4, 4],
    [-5, 2, -3, -2],
    [-7, 2, -4, -4],
    [4, 3, 1, 1],
    [5, 3, 2, 2],
    [-4, 3, -1, -1],
    [0, 7, 0, 0],
    [15, -2, -8, -8],
  ])("rounds %i / %i to %i half up and %i half even", (n, d, up, even) => {
    expect(divideRounded(n, d, "half_up")).toBe(up);
    expect(divideRounded(n, d, "half_even")).toBe(even);
  });

  it("refuses fractions and division by zero", () => {
    expect(() => divideRounded(1.5, 2, "half_up")).toThrow(RangeError);
    expect(() => divideRounded(1, 0, "half_up")).toThrow(RangeError);
  });

  it("is never more than half a unit from the exact quotient", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom("half_up" as const, "half_even" as const),
        (n, d, mode) => {
          const q = divideRounded(n, d, mode);
          expect(Math.abs(q * d - n) * 2).toBeLessThanOrEqual(d);
        },
      ),
    );
  });
});

describe("multiplyDivide", () => {
  it("stays exact beyond the safe integer range of the product", () => {
    // 9e15 * 3 overflows 2^53; the quotient does not.
    expect(multiplyDivide(9_000_000_000_000_000, 3, 9, "half_up")).toBe(
      3_000_000_000_000_000,
    );
    expect(multiplyDivide(2 ** 52, 3, 2, "half_even")).toBe(3 * 2 ** 51);
  });

  it("agrees with BigInt arithmetic for large operands", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1_000_000, max: 2_000_000 }),
        (a, b, c) => {
          const exact = (BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (2n * BigInt(c));
          const result = multiplyDivide(a, b, c, "half_up");
          expect(BigInt(result)).toBe(exact);
        },
      ),
    );
  });
});
