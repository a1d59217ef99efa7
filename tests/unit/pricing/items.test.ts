import { describe, expect, it } from "vitest";
import type { ItemTargetInput } from "../../../lib/pricing";
import { ALL, discounts, line, listed, price, promotion, reasons } from "./builders";

const tenPercentOff = (target: ItemTargetInput) =>
  promotion({
    benefit: { type: "items", target, reward: { kind: "percentage", percent: 10 } },
  });

describe("percentage and amount off items", () => {
  it.each([
    ["a category", listed({ categoryIds: ["shoes"] }), { a: 500, b: 0 }],
    ["a parent category", listed({ categoryIds: ["footwear"] }), { a: 500, b: 0 }],
    ["a collection", listed({ collectionIds: ["summer"] }), { a: 0, b: 100 }],
    ["a product", listed({ productIds: ["p-b"] }), { a: 0, b: 100 }],
    ["a variant", listed({ variantIds: ["v-a"] }), { a: 500, b: 0 }],
    ["everything", ALL, { a: 500, b: 100 }],
    [
      "everything but one product",
      { scope: "all" as const, exclude: { productIds: ["p-a"] } },
      { a: 0, b: 100 },
    ],
  ])("takes 10 %% off %s", (_title, target, expected) => {
    const result = price({
      lines: [
        line("a", 5000, { categoryIds: ["shoes", "footwear"] }),
        line("b", 1000, { categoryIds: ["socks"], collectionIds: ["summer"] }),
      ],
      context: { promotions: [tenPercentOff(target)] },
    });

    expect(discounts(result)).toEqual(expected);
  });

  it("rounds a percentage per line, half up by default and half even when the market says", () => {
    const lines = [line("a", 990)];
    const promo = promotion({
      benefit: {
        type: "items",
        target: ALL,
        reward: { kind: "percentage", percent: 15 },
      },
    });
    const halfUp = price({ lines, context: { promotions: [promo] } });
    const halfEven = price({
      lines,
      context: {
        promotions: [promo],
        market: { currency: "GBP", pricesIncludeTax: true, roundingMode: "half_even" },
      },
    });

    // 15 % of 9.90 is 1.485.
    expect(halfUp.lines[0]?.discount).toBe(149);
    expect(halfEven.lines[0]?.discount).toBe(148);
  });

  it("takes an amount off each unit, never below zero", () => {
    const result = price({
      lines: [line("a", 1500, { quantity: 3 }), line("b", 100, { quantity: 2 })],
      context: {
        promotions: [
          promotion({
            currency: "GBP",
            benefit: {
              type: "items",
              target: ALL,
              reward: { kind: "amount_off", amount: 200, per: "unit" },
            },
          }),
        ],
      },
    });

    expect(discounts(result)).toEqual({ a: 600, b: 200 });
    expect(result.lines[1]?.total).toBe(0);
  });

  it("shares an amount taken once across the targeted lines by their value", () => {
    const result = price({
      lines: [
        line("a", 3000, { categoryIds: ["shoes"] }),
        line("b", 1000, { categoryIds: ["shoes"] }),
        line("c", 5000),
      ],
      context: {
        promotions: [
          promotion({
            currency: "GBP",
            benefit: {
              type: "items",
              target: listed({ categoryIds: ["shoes"] }),
              reward: { kind: "amount_off", amount: 1000, per: "order" },
            },
          }),
        ],
      },
    });

    expect(discounts(result)).toEqual({ a: 750, b: 250, c: 0 });
  });

  it("never touches a line that is not discountable, such as a gift card", () => {
    const result = price({
      lines: [line("card", 5000, { isDiscountable: false }), line("a", 1000)],
      context: { promotions: [tenPercentOff(ALL)] },
    });

    expect(discounts(result)).toEqual({ card: 0, a: 100 });
  });

  it("says no item qualifies when the target matches nothing", () => {
    const result = price({
      lines: [line("a", 1000)],
      context: { promotions: [tenPercentOff(listed({ categoryIds: ["shoes"] }))] },
    });

    expect(reasons(result)).toEqual({ promo: "no_matching_items" });
  });
});

describe("order discounts above a spend threshold", () => {
  const tenOffOverFifty = promotion({
    id: "ten-off",
    currency: "GBP",
    conditions: { minSpend: 5000 },
    benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
  });

  it("does not apply below the threshold and says how far off it is", () => {
    const result = price({
      lines: [line("a", 4000)],
      context: { promotions: [tenOffOverFifty] },
    });

    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "threshold_not_met",
      required: 5000,
      actual: 4000,
    });
  });

  it("shares the amount across all lines so that they sum to it", () => {
    const result = price({
      lines: [line("a", 3000), line("b", 2000), line("c", 1000)],
      context: { promotions: [tenOffOverFifty] },
    });

    expect(discounts(result)).toEqual({ a: 500, b: 333, c: 167 });
    expect(result.totals.discount).toBe(1000);
  });

  it("measures the threshold after the item discounts applied before it", () => {
    const result = price({
      lines: [line("a", 6000)],
      context: {
        promotions: [
          promotion({
            id: "twenty-percent",
            priority: 10,
            benefit: {
              type: "items",
              target: ALL,
              reward: { kind: "percentage", percent: 20 },
            },
          }),
          tenOffOverFifty,
        ],
      },
    });

    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "threshold_not_met",
      required: 5000,
      actual: 4800,
    });
  });

  it("takes a percentage off every discountable line", () => {
    const result = price({
      lines: [
        line("a", 2500),
        line("b", 1250),
        line("card", 2000, { isDiscountable: false }),
      ],
      context: {
        promotions: [
          promotion({
            benefit: { type: "order", reward: { kind: "percentage", percent: 10 } },
          }),
        ],
      },
    });

    expect(discounts(result)).toEqual({ a: 250, b: 125, card: 0 });
  });
});
