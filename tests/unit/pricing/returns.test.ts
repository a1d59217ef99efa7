import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors/app-error";
import { quoteReturn } from "../../../lib/pricing";
import { ALL, line, price, promotion } from "./builders";

const oneThirdOff = promotion({
  currency: "GBP",
  benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
});

function pricedOrder() {
  // 3 x 10.00 and 1 x 5.00 with 10.00 off the order.
  return price({
    lines: [line("a", 1000, { quantity: 3 }), line("b", 500)],
    context: { promotions: [oneThirdOff] },
  });
}

describe("returns", () => {
  it("refunds what the returned units were charged, discount and tax included", () => {
    const order = pricedOrder();
    const first = quoteReturn(order, [{ lineId: "a", quantity: 1 }]);

    expect(order.lines[0]).toMatchObject({ discount: 857, total: 2143, tax: 357 });
    expect(first.lines[0]).toEqual({
      lineId: "a",
      quantity: 1,
      subtotal: 1000,
      discount: 286,
      tax: 119,
      taxExemption: 0,
      total: 714,
    });
  });

  it("refunds exactly the line's total once every unit is back, whatever the batches", () => {
    const order = pricedOrder();
    const first = quoteReturn(order, [{ lineId: "a", quantity: 1 }]);
    const rest = quoteReturn(
      order,
      [{ lineId: "a", quantity: 2 }],
      [{ lineId: "a", quantity: 1 }],
    );

    expect(first.total + rest.total).toBe(order.lines[0]?.total);
    expect(first.tax + rest.tax).toBe(order.lines[0]?.tax);
  });

  it("refuses to return more than was bought, or a line that is not in the order", () => {
    const order = pricedOrder();

    expect(() =>
      quoteReturn(order, [{ lineId: "a", quantity: 2 }], [{ lineId: "a", quantity: 2 }]),
    ).toThrow(AppError);
    expect(() => quoteReturn(order, [{ lineId: "zzz", quantity: 1 }])).toThrow(AppError);
    expect(() => quoteReturn(order, [{ lineId: "a", quantity: 0 }])).toThrow(AppError);
  });

  it("sums to the line total for any split of the units into returns", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }),
        (quantity, unitPrice, percent, batches) => {
          const order = price({
            lines: [line("a", unitPrice, { quantity })],
            context: {
              promotions:
                percent > 0
                  ? [
                      promotion({
                        benefit: {
                          type: "items",
                          target: ALL,
                          reward: { kind: "percentage", percent },
                        },
                      }),
                    ]
                  : [],
            },
          });
          let returned = 0;
          let refunded = 0;
          for (const batch of batches) {
            const units = Math.min(batch, quantity - returned);
            if (units === 0) break;
            const quote = quoteReturn(
              order,
              [{ lineId: "a", quantity: units }],
              returned > 0 ? [{ lineId: "a", quantity: returned }] : [],
            );
            expect(quote.total).toBeGreaterThanOrEqual(0);
            returned += units;
            refunded += quote.total;
          }
          if (returned < quantity) {
            const quote = quoteReturn(
              order,
              [{ lineId: "a", quantity: quantity - returned }],
              returned > 0 ? [{ lineId: "a", quantity: returned }] : [],
            );
            refunded += quote.total;
          }
          expect(refunded).toBe(order.lines[0]?.total);
        },
      ),
    );
  });
});
