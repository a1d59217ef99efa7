import { describe, expect, it } from "vitest";
import { discounts, line, listed, price, promotion, reasons } from "./builders";

const tops = listed({ categoryIds: ["tops"] });
const ties = listed({ categoryIds: ["ties"] });

const bogo = (rest: object = {}) =>
  promotion({
    id: "bogo",
    benefit: {
      type: "buy_x_get_y",
      buy: { target: tops, quantity: 1 },
      get: { target: tops, quantity: 1 },
      ...rest,
    },
  });

const top = (id: string, unitPrice: number, quantity = 1) =>
  line(id, unitPrice, { quantity, categoryIds: ["tops"] });

describe("buy X get Y", () => {
  it("gives the second of two identical units free", () => {
    const result = price({
      lines: [top("a", 1000, 2)],
      context: { promotions: [bogo()] },
    });

    expect(discounts(result)).toEqual({ a: 1000 });
    expect(result.explanation.applied[0]?.applications).toBe(1);
  });

  it("gives the cheaper item free when prices differ", () => {
    const result = price({
      lines: [top("dear", 1000), top("cheap", 800)],
      context: { promotions: [bogo()] },
    });

    expect(discounts(result)).toEqual({ dear: 0, cheap: 800 });
  });

  it("frees the cheapest units of the whole basket in buy 2 get 1", () => {
    const result = price({
      lines: [10, 9, 8, 3, 2, 1].map((pounds) => top(`t${pounds}`, pounds * 100)),
      context: {
        promotions: [
          promotion({
            benefit: {
              type: "buy_x_get_y",
              buy: { target: tops, quantity: 2 },
              get: { target: tops, quantity: 1 },
            },
          }),
        ],
      },
    });

    expect(discounts(result)).toEqual({ t10: 0, t9: 0, t8: 0, t3: 0, t2: 200, t1: 100 });
  });

  it("forms the deal as often as the units allow", () => {
    const result = price({
      lines: [top("a", 1000, 5)],
      context: { promotions: [bogo()] },
    });

    expect(discounts(result)).toEqual({ a: 2000 });
    expect(result.explanation.applied[0]?.applications).toBe(2);
  });

  it("stops at the maximum number of applications", () => {
    const result = price({
      lines: [top("a", 1000, 6)],
      context: { promotions: [bogo({ maxApplications: 1 })] },
    });

    expect(discounts(result)).toEqual({ a: 1000 });
  });

  it("takes a percentage off the cheapest item of another kind", () => {
    const result = price({
      lines: [top("shirt", 4000), line("silk", 3000, { categoryIds: ["ties"] })].concat([
        line("wool", 2000, { categoryIds: ["ties"] }),
      ]),
      context: {
        promotions: [
          promotion({
            benefit: {
              type: "buy_x_get_y",
              buy: { target: tops, quantity: 1 },
              get: { target: ties, quantity: 1, percent: 50 },
            },
          }),
        ],
      },
    });

    expect(discounts(result)).toEqual({ shirt: 0, silk: 0, wool: 1000 });
  });

  it("says how many more items are needed when the deal cannot form", () => {
    const result = price({ lines: [top("a", 1000)], context: { promotions: [bogo()] } });

    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "min_quantity",
      required: 2,
      actual: 1,
    });
  });

  it("uses each unit in one deal only", () => {
    const result = price({
      lines: [top("a", 1000, 2)],
      context: { promotions: [bogo(), { ...bogo(), id: "bogo-again" }] },
    });

    expect(discounts(result)).toEqual({ a: 1000 });
    expect(reasons(result)).toEqual({ "bogo-again": "min_quantity" });
  });
});

describe("bundles at a fixed price", () => {
  const threeForTen = (rest: object = {}) =>
    promotion({
      id: "3-for-10",
      currency: "GBP",
      benefit: {
        type: "bundle",
        components: [{ target: tops, quantity: 3 }],
        price: 1000,
        ...rest,
      },
    });

  it("prices three items at the bundle price, sharing the saving by value", () => {
    const result = price({
      lines: [top("a", 500), top("b", 500), top("c", 500)],
      context: { promotions: [threeForTen()] },
    });

    expect(discounts(result)).toEqual({ a: 167, b: 167, c: 166 });
    expect(result.totals.total).toBe(1000);
  });

  it("fills the bundle with the dearest items and stops when it is no longer cheaper", () => {
    const result = price({
      lines: [top("dear", 500, 3), top("cheap", 100, 3)],
      context: { promotions: [threeForTen()] },
    });

    expect(discounts(result)).toEqual({ dear: 500, cheap: 0 });
    expect(result.explanation.applied[0]?.applications).toBe(1);
  });

  it("combines items of different kinds", () => {
    const result = price({
      lines: [top("shirt", 3000), line("tie", 2000, { categoryIds: ["ties"] })],
      context: {
        promotions: [
          promotion({
            currency: "GBP",
            benefit: {
              type: "bundle",
              components: [
                { target: tops, quantity: 1 },
                { target: ties, quantity: 1 },
              ],
              price: 4000,
            },
          }),
        ],
      },
    });

    expect(discounts(result)).toEqual({ shirt: 600, tie: 400 });
  });

  it("fills a narrow component before a broad one", () => {
    const result = price({
      lines: [
        line("blue", 3000, { categoryIds: ["tops"], collectionIds: ["blue"] }),
        top("red", 2500),
      ],
      context: {
        promotions: [
          promotion({
            currency: "GBP",
            benefit: {
              type: "bundle",
              components: [
                { target: tops, quantity: 1 },
                { target: listed({ collectionIds: ["blue"] }), quantity: 1 },
              ],
              price: 5000,
            },
          }),
        ],
      },
    });

    expect(result.totals.discount).toBe(500);
  });

  it("does not apply when the bundle would cost more than its items", () => {
    const result = price({
      lines: [top("a", 300), top("b", 300), top("c", 300)],
      context: { promotions: [threeForTen()] },
    });

    expect(reasons(result)).toEqual({ "3-for-10": "no_benefit" });
  });

  it("says how many items are missing", () => {
    const result = price({
      lines: [top("a", 500, 2)],
      context: { promotions: [threeForTen()] },
    });

    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "min_quantity",
      required: 3,
      actual: 2,
    });
  });
});

describe("tiered discounts", () => {
  const volume = promotion({
    id: "volume",
    benefit: {
      type: "tiered",
      target: tops,
      basis: "quantity",
      tiers: [
        { min: 3, reward: { kind: "percentage", percent: 10 } },
        { min: 6, reward: { kind: "percentage", percent: 20 } },
      ],
    },
  });

  it.each([
    [2, null, 0],
    [3, 0, 300],
    [5, 0, 500],
    [7, 1, 1400],
  ])("with %i units reaches tier %s and saves %i", (quantity, tier, saving) => {
    const result = price({
      lines: [top("a", 1000, quantity)],
      context: { promotions: [volume] },
    });

    expect(result.totals.discount).toBe(saving);
    expect(result.explanation.applied[0]?.tier ?? null).toBe(tier);
  });

  it("says how many more units reach the first tier", () => {
    const result = price({
      lines: [top("a", 1000, 2)],
      context: { promotions: [volume] },
    });

    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "min_quantity",
      required: 3,
      actual: 2,
    });
  });

  it("rewards spend tiers with an amount off", () => {
    const spend = promotion({
      currency: "GBP",
      benefit: {
        type: "tiered",
        target: tops,
        basis: "spend",
        tiers: [
          { min: 5000, reward: { kind: "amount_off", amount: 500 } },
          { min: 10_000, reward: { kind: "amount_off", amount: 1500 } },
        ],
      },
    });

    const at120 = price({ lines: [top("a", 12_000)], context: { promotions: [spend] } });
    const at40 = price({ lines: [top("a", 4000)], context: { promotions: [spend] } });

    expect(at120.totals.discount).toBe(1500);
    expect(at40.explanation.notApplied[0]?.reason).toEqual({
      code: "threshold_not_met",
      required: 5000,
      actual: 4000,
    });
  });
});

describe("free shipping", () => {
  const freeOverFifty = (rest: object = {}) =>
    promotion({
      id: "free-ship",
      currency: "GBP",
      conditions: { minSpend: 5000 },
      benefit: { type: "free_shipping" },
      ...rest,
    });
  const shipped = (id: string, unitPrice: number) =>
    line(id, unitPrice, { fulfillment: "SHIP", locationId: null });
  const toLondon = { shippingAmount: 499, shippingAddress: { country: "GB" } };

  it("takes the shipping charge off above the threshold", () => {
    const result = price({
      lines: [shipped("a", 6000)],
      cart: toLondon,
      context: { promotions: [freeOverFifty()] },
    });

    expect(result.totals).toMatchObject({
      shipping: 499,
      shippingDiscount: 499,
      total: 6000,
    });
    expect(result.shipping?.discounts).toEqual([
      { promotionId: "free-ship", amount: 499 },
    ]);
  });

  it("is bounded by the promotion's cap", () => {
    const result = price({
      lines: [shipped("a", 6000)],
      cart: toLondon,
      context: { promotions: [freeOverFifty({ maxDiscount: 300 })] },
    });

    expect(result.totals.shippingDiscount).toBe(300);
    expect(result.explanation.applied[0]?.isCapped).toBe(true);
  });

  it("does not apply to an order without a shipping charge", () => {
    const result = price({
      lines: [line("a", 6000)],
      context: { promotions: [freeOverFifty()] },
    });

    expect(reasons(result)).toEqual({ "free-ship": "no_shipping" });
  });
});
