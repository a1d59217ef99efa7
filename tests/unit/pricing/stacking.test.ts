import { describe, expect, it } from "vitest";
import { ALL, discounts, line, price, promotion, reasons } from "./builders";

const percentOff = (id: string, percent: number, rest: object = {}) =>
  promotion({
    id,
    name: `${percent} % off`,
    benefit: { type: "items", target: ALL, reward: { kind: "percentage", percent } },
    ...rest,
  });

describe("stacking: priority, exclusive and combinable", () => {
  it("compounds combinable promotions, each on what the line has left", () => {
    const result = price({
      lines: [line("a", 10_000)],
      context: {
        promotions: [percentOff("ten", 10, { priority: 2 }), percentOff("twenty", 20)],
      },
    });

    expect(result.lines[0]?.discounts).toEqual([
      { promotionId: "ten", amount: 1000 },
      { promotionId: "twenty", amount: 1800 },
    ]);
  });

  it("lets an exclusive promotion of higher priority apply alone", () => {
    const result = price({
      lines: [line("a", 10_000)],
      context: {
        promotions: [
          percentOff("staff", 30, { priority: 5, stacking: "exclusive" }),
          percentOff("ten", 10),
        ],
      },
    });

    expect(result.totals.discount).toBe(3000);
    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "excluded",
      by: "staff",
      isByExclusive: true,
    });
  });

  it("keeps an exclusive promotion out once a higher one has applied", () => {
    const result = price({
      lines: [line("a", 10_000)],
      context: {
        promotions: [
          percentOff("ten", 10, { priority: 5 }),
          percentOff("staff", 30, { stacking: "exclusive" }),
        ],
      },
    });

    expect(result.totals.discount).toBe(1000);
    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "excluded",
      by: "ten",
      isByExclusive: false,
    });
  });

  it("at equal priority lets the bigger discount go first", () => {
    const result = price({
      lines: [line("a", 10_000)],
      context: {
        promotions: [
          percentOff("a-small", 10, { stacking: "exclusive" }),
          percentOff("b-big", 15, { stacking: "exclusive" }),
        ],
      },
    });

    expect(result.explanation.applied.map((a) => a.promotionId)).toEqual(["b-big"]);
    expect(reasons(result)).toEqual({ "a-small": "excluded" });
  });

  it("breaks a tie of priority and value by promotion id", () => {
    const result = price({
      lines: [line("a", 10_000)],
      context: {
        promotions: [
          percentOff("b", 10, { stacking: "exclusive" }),
          percentOff("a", 10, { stacking: "exclusive" }),
        ],
      },
    });

    expect(result.explanation.applied.map((a) => a.promotionId)).toEqual(["a"]);
  });

  it("reports its own reason, not exclusion, for a promotion that would not apply anyway", () => {
    const result = price({
      lines: [line("a", 1000)],
      context: {
        promotions: [
          percentOff("staff", 30, { priority: 5, stacking: "exclusive" }),
          percentOff("big-spend", 10, {
            currency: "GBP",
            conditions: { minSpend: 5000 },
          }),
        ],
      },
    });

    expect(reasons(result)).toEqual({ "big-spend": "threshold_not_met" });
  });

  it("does not let an exclusive promotion that fails its conditions block others", () => {
    const result = price({
      lines: [line("a", 1000)],
      context: {
        promotions: [
          percentOff("staff", 30, {
            priority: 5,
            stacking: "exclusive",
            conditions: { customerGroups: ["staff"] },
          }),
          percentOff("ten", 10),
        ],
      },
    });

    expect(result.totals.discount).toBe(100);
  });

  it("caps a promotion's total and shares the cap across its lines", () => {
    const result = price({
      lines: [line("a", 6000), line("b", 3000), line("c", 1000)],
      context: {
        promotions: [percentOff("half", 50, { currency: "GBP", maxDiscount: 2000 })],
      },
    });

    expect(discounts(result)).toEqual({ a: 1200, b: 600, c: 200 });
    expect(result.explanation.applied[0]).toMatchObject({ amount: 2000, isCapped: true });
  });
});
