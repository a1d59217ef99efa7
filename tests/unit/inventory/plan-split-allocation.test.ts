import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSplitAllocation } from "@/lib/inventory/plan-split-allocation";

const at = (entries: [string, number][]) =>
  entries.map(([locationId, available]) => ({ locationId, available }));

describe("planning where a shipped line comes from", () => {
  it.each([
    {
      case: "one location can serve it: the most preferred such",
      quantity: 3,
      candidates: at([
        ["near", 2],
        ["mid", 3],
        ["far", 9],
      ]),
      expected: [["mid", 3]],
    },
    {
      case: "no single location can: the fewest, largest first",
      quantity: 10,
      candidates: at([
        ["a", 4],
        ["b", 7],
        ["c", 2],
        ["d", 5],
      ]),
      // b (7) then the most preferred that covers the last 3: a (4), not d (5).
      expected: [
        ["b", 7],
        ["a", 3],
      ],
    },
    {
      case: "three are needed",
      quantity: 12,
      candidates: at([
        ["a", 4],
        ["b", 4],
        ["c", 4],
        ["d", 1],
      ]),
      expected: [
        ["a", 4],
        ["b", 4],
        ["c", 4],
      ],
    },
    {
      case: "locations with nothing are ignored",
      quantity: 1,
      candidates: at([
        ["empty", 0],
        ["negative", -2],
        ["one", 1],
      ]),
      expected: [["one", 1]],
    },
  ])("$case", ({ quantity, candidates, expected }) => {
    const plan = planSplitAllocation({ quantity, candidates });
    expect(plan.shortfall).toBe(0);
    expect(plan.allocations.map((a) => [a.locationId, a.quantity])).toEqual(expected);
  });

  it("reports the shortfall when the network cannot cover the line", () => {
    const plan = planSplitAllocation({
      quantity: 10,
      candidates: at([
        ["a", 3],
        ["b", 4],
      ]),
    });
    expect(plan.shortfall).toBe(3);
  });

  it("covers the line exactly, within stock, from the fewest locations", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 80 }),
        (stocks, quantity) => {
          const candidates = stocks.map((available, i) => ({
            locationId: `l${i}`,
            available,
          }));
          const plan = planSplitAllocation({ quantity, candidates });
          const total = stocks.reduce((a, b) => a + b, 0);
          if (total < quantity) return plan.shortfall === quantity - total;

          const taken = plan.allocations.reduce((n, a) => n + a.quantity, 0);
          const withinStock = plan.allocations.every(
            (a) =>
              a.quantity > 0 &&
              a.quantity <=
                (candidates.find((c) => c.locationId === a.locationId)?.available ?? 0),
          );
          // No k smaller than the plan's could cover the line: the top k holdings fall short.
          const sorted = [...stocks].sort((a, b) => b - a);
          const fewer = sorted
            .slice(0, plan.allocations.length - 1)
            .reduce((a, b) => a + b, 0);
          return (
            taken === quantity && withinStock && fewer < quantity && plan.shortfall === 0
          );
        },
      ),
    );
  });
});
