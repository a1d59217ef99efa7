import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocateByWeights, money, splitEvenly } from "../../../lib/money";

describe("allocateByWeights (largest remainder)", () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [100, [1, 2, 1], [25, 50, 25]],
    [5, [3, 3], [3, 2]],
    [1000, [333, 333, 334], [333, 333, 334]],
    [10, [0, 5, 5], [0, 5, 5]],
    [7, [0, 0], [4, 3]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [0, [4, 2], [0, 0]],
  ])("splits %i by %j into %j", (amount, weights, expected) => {
    expect(allocateByWeights(amount, weights)).toEqual(expected);
  });

  it("gives the leftover unit to the largest remainder, not the first", () => {
    // Exact shares: 0.3, 0.6, 0.1 of 1 -> the second weight gets it.
    expect(allocateByWeights(1, [3, 6, 1])).toEqual([0, 1, 0]);
  });

  it("refuses negative weights and an amount with nowhere to go", () => {
    expect(() => allocateByWeights(10, [1, -1])).toThrow(RangeError);
    expect(() => allocateByWeights(10, [])).toThrow(RangeError);
  });

  it("always sums exactly to the amount, each part within one unit of its share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }),
        (amount, weights) => {
          const parts = allocateByWeights(amount, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          const total = weights.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            const w = total === 0 ? 1 : (weights[i] ?? 0);
            const t = total === 0 ? weights.length : total;
            const exact = (amount * w) / t;
            expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact));
          });
        },
      ),
    );
  });

  it("never gives a part more than its weight when the amount is at most the weights' sum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, fraction) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const amount = Math.floor(total * fraction);
          const parts = allocateByWeights(amount, weights);
          parts.forEach((part, i) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(weights[i] ?? 0);
          });
        },
      ),
    );
  });
});

describe("splitEvenly and allocate", () => {
  it("splits into parts that differ by at most one", () => {
    expect(splitEvenly(10, 3)).toEqual([4, 3, 3]);
  });

  it("keeps the currency on every part", () => {
    expect(allocate(money(1000, "EUR"), [1, 1, 1])).toEqual([
      money(334, "EUR"),
      money(333, "EUR"),
      money(333, "EUR"),
    ]);
  });
});
