import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ManualDiscountSchema,
  type PricingResult,
  priceCart,
} from "../../../lib/pricing";
import { basket } from "./arbitraries";
import { ALL, line, price, promotion } from "./builders";

const tenPercentOff = promotion({
  id: "ten",
  benefit: { type: "items", target: ALL, reward: { kind: "percentage", percent: 10 } },
});
const manual = (result: PricingResult) =>
  result.explanation.manual.map(({ id, kind, scope, amount }) => ({
    id,
    kind,
    scope,
    amount,
  }));

describe("price overrides at the till", () => {
  it("charges the override as the unit price and keeps the catalogue price", () => {
    const result = price({
      lines: [
        line("a", 5000, { quantity: 2, priceOverride: { id: "o", unitPrice: 3500 } }),
      ],
    });

    expect(result.lines[0]).toMatchObject({
      unitPrice: 3500,
      listUnitPrice: 5000,
      subtotal: 7000,
      discount: 0,
      total: 7000,
    });
    expect(manual(result)).toEqual([
      { id: "o", kind: "price_override", scope: "line", amount: 3000 },
    ]);
  });

  it("lets promotions work on the overridden price", () => {
    const result = price({
      lines: [line("a", 5000, { priceOverride: { id: "o", unitPrice: 4000 } })],
      context: { promotions: [tenPercentOff] },
    });

    expect(result.lines[0]?.discount).toBe(400);
    expect(result.totals.total).toBe(3600);
  });

  it("records an override above the catalogue price as a negative change", () => {
    const result = price({
      lines: [line("a", 1000, { priceOverride: { id: "o", unitPrice: 1200 } })],
    });

    expect(result.totals.total).toBe(1200);
    expect(manual(result)[0]?.amount).toBe(-200);
  });

  it("explains nothing for an override equal to the catalogue price", () => {
    const result = price({
      lines: [line("a", 1000, { priceOverride: { id: "o", unitPrice: 1000 } })],
    });

    expect(result.explanation.manual).toEqual([]);
  });
});

describe("manual discounts at the till", () => {
  it("takes a line's discount after promotions, on what the line has left", () => {
    const result = price({
      lines: [
        line("a", 2000, {
          manualDiscount: { id: "m", kind: "percent_off", percent: 50 },
        }),
      ],
      context: { promotions: [tenPercentOff] },
    });

    // 10 % of 2000 is 200; half of the 1800 left is 900.
    expect(result.lines[0]).toMatchObject({
      discount: 1100,
      manualDiscount: 900,
      total: 900,
    });
    expect(result.lines[0]?.discounts).toEqual([{ promotionId: "ten", amount: 200 }]);
  });

  it("never takes a line below zero", () => {
    const result = price({
      lines: [
        line("a", 700, { manualDiscount: { id: "m", kind: "amount_off", amount: 5000 } }),
      ],
    });

    expect(result.lines[0]?.total).toBe(0);
    expect(manual(result)).toEqual([
      { id: "m", kind: "amount_off", scope: "line", amount: 700 },
    ]);
  });

  it("shares the sale's amount by what the lines have left, to the penny", () => {
    const result = price({
      lines: [line("a", 1000), line("b", 1000), line("c", 1000)],
      cart: { manualDiscount: { id: "s", kind: "amount_off", amount: 100 } },
    });

    expect(result.lines.map((l) => l.manualDiscount)).toEqual([34, 33, 33]);
    expect(result.totals.discount).toBe(100);
    expect(result.explanation.manual[0]?.lines).toEqual([
      { lineId: "a", amount: 34 },
      { lineId: "b", amount: 33 },
      { lineId: "c", amount: 33 },
    ]);
  });

  it("rounds the sale's percentage per line, half up", () => {
    const result = price({
      lines: [line("a", 105), line("b", 115)],
      cart: { manualDiscount: { id: "s", kind: "percent_off", percent: 10 } },
    });

    // 10.5 -> 11 and 11.5 -> 12.
    expect(result.lines.map((l) => l.manualDiscount)).toEqual([11, 12]);
  });

  it("leaves lines no discount may touch alone", () => {
    const result = price({
      lines: [line("gift", 2500, { isDiscountable: false }), line("a", 1000)],
      cart: { manualDiscount: { id: "s", kind: "percent_off", percent: 50 } },
    });

    expect(result.lines.map((l) => l.discount)).toEqual([0, 500]);
  });

  it("refuses a discount of nothing or more than everything", () => {
    const parse = (input: unknown) => ManualDiscountSchema.safeParse(input).success;

    expect(parse({ id: "m", kind: "amount_off", amount: 0 })).toBe(false);
    expect(parse({ id: "m", kind: "percent_off", percent: 0 })).toBe(false);
    expect(parse({ id: "m", kind: "percent_off", percent: 100.5 })).toBe(false);
    expect(parse({ id: "m", kind: "percent_off", percent: 12.5 })).toBe(true);
  });
});

const adjustmentsArb = fc.record({
  overrides: fc.array(fc.option(fc.integer({ min: 0, max: 20_000 })), {
    maxLength: 8,
  }),
  lineDiscounts: fc.array(
    fc.option(
      fc.oneof(
        fc.integer({ min: 1, max: 20_000 }).map((amount) => ({
          kind: "amount_off" as const,
          amount,
        })),
        fc.integer({ min: 1, max: 100 }).map((percent) => ({
          kind: "percent_off" as const,
          percent,
        })),
      ),
    ),
    { maxLength: 8 },
  ),
  sale: fc.option(
    fc.oneof(
      fc.integer({ min: 1, max: 50_000 }).map((amount) => ({
        id: "sale",
        kind: "amount_off" as const,
        amount,
        reason: "",
      })),
      fc.integer({ min: 1, max: 100 }).map((percent) => ({
        id: "sale",
        kind: "percent_off" as const,
        percent,
        reason: "",
      })),
    ),
  ),
});

describe("manual adjustments on random baskets", () => {
  it("keep every sum exact and every line within its subtotal", () => {
    fc.assert(
      fc.property(basket, adjustmentsArb, ({ cart, context }, adjust) => {
        const adjusted = {
          ...cart,
          manualDiscount: adjust.sale,
          lines: cart.lines.map((l, i) => {
            const override = adjust.overrides[i];
            const discount = adjust.lineDiscounts[i];
            return {
              ...l,
              priceOverride:
                override == null
                  ? null
                  : { id: `o${i}`, unitPrice: override, reason: "" },
              manualDiscount: discount ? { id: `d${i}`, reason: "", ...discount } : null,
            };
          }),
        };
        const result = priceCart(adjusted, context);
        const { totals, lines, explanation } = result;
        const sum = <T>(items: readonly T[], pick: (item: T) => number) =>
          items.reduce((total, item) => total + pick(item), 0);

        expect(sum(lines, (l) => l.total) + (result.shipping?.total ?? 0)).toBe(
          totals.total,
        );
        expect(sum(lines, (l) => l.subtotal)).toBe(totals.subtotal);
        const discounts = explanation.manual.filter((m) => m.kind !== "price_override");
        expect(
          sum(explanation.applied, (a) => a.amount) + sum(discounts, (m) => m.amount),
        ).toBe(totals.discount);
        for (const l of lines) {
          expect(l.discount).toBe(sum(l.discounts, (d) => d.amount) + l.manualDiscount);
          expect(l.discount).toBeLessThanOrEqual(l.subtotal);
          expect(l.manualDiscount).toBeGreaterThanOrEqual(0);
          expect(l.total).toBeGreaterThanOrEqual(0);
        }
        adjusted.lines.forEach((l, i) => {
          expect(lines[i]?.listUnitPrice).toBe(l.unitPrice);
          expect(lines[i]?.unitPrice).toBe(l.priceOverride?.unitPrice ?? l.unitPrice);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("give the same result whatever the order of the lines", () => {
    fc.assert(
      fc.property(basket, adjustmentsArb, ({ cart, context }, adjust) => {
        const adjusted = {
          ...cart,
          manualDiscount: adjust.sale,
          lines: cart.lines.map((l, i) => {
            const discount = adjust.lineDiscounts[i];
            return {
              ...l,
              manualDiscount: discount ? { id: `d${i}`, reason: "", ...discount } : null,
            };
          }),
        };
        const forward = priceCart(adjusted, context);
        const reversed = priceCart(
          { ...adjusted, lines: [...adjusted.lines].reverse() },
          context,
        );
        const byLine = (r: PricingResult) =>
          Object.fromEntries(r.lines.map((l) => [l.lineId, l.total]));

        expect(byLine(reversed)).toEqual(byLine(forward));
        expect(reversed.totals).toEqual(forward.totals);
      }),
      { numRuns: 200 },
    );
  });
});
