import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PricingResult, priceCart } from "../../../lib/pricing";
import { basket, listedBasket } from "./arbitraries";

const RUNS = { numRuns: 300 };
const sumOf = <T>(items: readonly T[], pick: (item: T) => number) =>
  items.reduce((total, item) => total + pick(item), 0);

/** The result with every list keyed by id, so that line order does not matter. */
function byId(result: PricingResult) {
  const sortById = <T extends { lineId: string }>(items: T[]) =>
    [...items].sort((a, b) => (a.lineId < b.lineId ? -1 : 1));
  return {
    ...result,
    lines: sortById(result.lines),
    explanation: {
      ...result.explanation,
      applied: result.explanation.applied.map((a) => ({
        ...a,
        lines: sortById(a.lines),
      })),
    },
    warnings: [...result.warnings].sort((a, b) =>
      (a.lineId ?? "") < (b.lineId ?? "") ? -1 : 1,
    ),
  };
}

describe("pricing invariants for random baskets and promotions", () => {
  it("lines and shipping sum exactly to the totals", () => {
    fc.assert(
      fc.property(basket, ({ cart, context }) => {
        const result = priceCart(cart, context);
        const { totals, lines, shipping } = result;
        const isExclusive = !result.pricesIncludeTax;

        expect(sumOf(lines, (l) => l.total) + (shipping?.total ?? 0)).toBe(totals.total);
        expect(totals.total).toBe(
          totals.subtotal -
            totals.discount +
            totals.shipping +
            (isExclusive ? totals.tax : 0) -
            totals.taxExemption,
        );
        expect(sumOf(lines, (l) => l.subtotal)).toBe(totals.subtotal);
        expect(sumOf(lines, (l) => l.discount)).toBe(totals.itemDiscount);
        expect(sumOf(lines, (l) => l.tax) + (shipping?.tax ?? 0)).toBe(totals.tax);
        expect(sumOf(result.taxes, (t) => t.tax)).toBe(totals.tax);
        expect(sumOf(result.explanation.applied, (a) => a.amount)).toBe(totals.discount);
        for (const line of lines) {
          expect(sumOf(line.discounts, (d) => d.amount)).toBe(line.discount);
          expect(
            line.net + line.tax * Number(result.pricesIncludeTax) + line.taxExemption,
          ).toBe(line.subtotal - line.discount);
        }
      }),
      RUNS,
    );
  });

  it("no amount is negative and no discount exceeds what it discounts", () => {
    fc.assert(
      fc.property(basket, ({ cart, context }) => {
        const result = priceCart(cart, context);

        for (const line of result.lines) {
          expect(line.discount).toBeGreaterThanOrEqual(0);
          expect(line.discount).toBeLessThanOrEqual(line.subtotal);
          expect(
            Math.min(line.tax, line.net, line.total, line.taxExemption),
          ).toBeGreaterThanOrEqual(0);
          for (const discount of line.discounts)
            expect(discount.amount).toBeGreaterThan(0);
        }
        const shipping = result.shipping;
        if (shipping) {
          expect(shipping.discount).toBeLessThanOrEqual(shipping.amount);
          expect(
            Math.min(shipping.discount, shipping.net, shipping.tax, shipping.total),
          ).toBeGreaterThanOrEqual(0);
        }
        for (const line of cart.lines.filter((l) => !l.isDiscountable)) {
          expect(result.lines.find((l) => l.lineId === line.id)?.discount).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it("no promotion gives more than its cap", () => {
    fc.assert(
      fc.property(basket, ({ cart, context }) => {
        const result = priceCart(cart, context);
        const caps = new Map(context.promotions.map((p) => [p.id, p.maxDiscount]));

        for (const applied of result.explanation.applied) {
          const cap = caps.get(applied.promotionId) ?? null;
          if (cap !== null) expect(applied.amount).toBeLessThanOrEqual(cap);
          expect(applied.amount).toBe(applied.itemAmount + applied.shippingAmount);
        }
      }),
      RUNS,
    );
  });

  it("pricing twice gives the same result, and it survives JSON", () => {
    fc.assert(
      fc.property(basket, ({ cart, context }) => {
        const first = priceCart(cart, context);
        const second = priceCart(structuredClone(cart), structuredClone(context));

        expect(second).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }),
      RUNS,
    );
  });

  it("the order of the lines and of the promotions changes nothing", () => {
    fc.assert(
      fc.property(basket, fc.nat(), ({ cart, context }, seed) => {
        const shuffle = <T>(items: readonly T[]) =>
          items
            .map((item, i) => ({ item, key: ((i + 1) * (seed + 7919)) % 1009 }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const original = priceCart(cart, context);
        const shuffled = priceCart(
          { ...cart, lines: [...shuffle(cart.lines)].reverse() },
          { ...context, promotions: shuffle(context.promotions).reverse() },
        );

        expect(byId(shuffled)).toEqual(byId(original));
      }),
      RUNS,
    );
  });

  it("a line that no promotion targets leaves the other lines' discounts alone", () => {
    fc.assert(
      fc.property(listedBasket, ({ cart, context }) => {
        const before = priceCart(cart, context);
        const stranger = {
          ...cart.lines[0],
          id: "stranger",
          variantId: "v-stranger",
          productId: "p-stranger",
          categoryIds: ["elsewhere"],
          collectionIds: [],
          unitPrice: 4999,
          quantity: 2,
          isDiscountable: true,
          fulfillment: "CARRY_OUT" as const,
          taxCategory: "STANDARD" as const,
          locationId: "ldn",
        };
        const after = priceCart({ ...cart, lines: [...cart.lines, stranger] }, context);

        const discountsOf = (result: PricingResult) =>
          result.lines
            .filter((l) => l.lineId !== "stranger")
            .map((l) => [l.lineId, l.discounts]);
        expect(discountsOf(after)).toEqual(discountsOf(before));
        expect(after.lines.at(-1)?.discount).toBe(0);
      }),
      RUNS,
    );
  });
});
