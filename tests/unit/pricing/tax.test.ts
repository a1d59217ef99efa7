import { describe, expect, it } from "vitest";
import type { AddressInput, PricingContextInput } from "../../../lib/pricing";
import { ALL, line, NY_STORE, price, promotion, US_CA, US_NY, USD } from "./builders";

const usd = (rest: Partial<PricingContextInput> = {}): Partial<PricingContextInput> => ({
  market: USD,
  locationId: "nyc",
  ...rest,
});
const atNy = (id: string, unitPrice: number, rest: object = {}) =>
  line(id, unitPrice, { locationId: "nyc", ...rest });

describe("tax-inclusive prices (VAT)", () => {
  it.each([
    ["standard", "STANDARD", 1200, 200, 1000],
    ["reduced", "REDUCED", 1050, 50, 1000],
    ["zero-rated", "ZERO", 1000, 0, 1000],
    ["exempt", "EXEMPT", 1000, 0, 1000],
  ] as const)(
    "takes the %s rate out of the price",
    (_title, taxCategory, unit, tax, net) => {
      const result = price({ lines: [line("a", unit, { taxCategory })] });

      expect(result.lines[0]).toMatchObject({ tax, net, total: unit, taxRegionId: "uk" });
      expect(result.totals).toMatchObject({ subtotal: unit, tax, total: unit });
    },
  );

  it("taxes what is left after discounts", () => {
    const result = price({
      lines: [line("a", 1200)],
      context: {
        promotions: [
          promotion({
            benefit: {
              type: "items",
              target: ALL,
              reward: { kind: "percentage", percent: 50 },
            },
          }),
        ],
      },
    });

    expect(result.lines[0]).toMatchObject({
      discount: 600,
      tax: 100,
      net: 500,
      total: 600,
    });
  });

  it("charges a tax-exempt customer the net price", () => {
    const result = price({
      lines: [line("a", 1200)],
      context: { customer: { id: "embassy", isTaxExempt: true } },
    });

    expect(result.lines[0]).toMatchObject({
      tax: 0,
      taxExemption: 200,
      net: 1000,
      total: 1000,
    });
    expect(result.totals).toMatchObject({ tax: 0, taxExemption: 200, total: 1000 });
  });
});

describe("tax-exclusive prices (sales tax)", () => {
  it("adds tax at the store's rate for carry-out", () => {
    const result = price({ lines: [atNy("a", 1000)], context: usd() });

    // 8.875 % of 10.00 is 0.8875, rounded half up.
    expect(result.lines[0]).toMatchObject({
      tax: 89,
      net: 1000,
      total: 1089,
      taxRate: 8.875,
    });
    expect(result.totals.total).toBe(1089);
  });

  it("taxes shipped goods at the destination and pickup goods at the store", () => {
    const result = price({
      lines: [
        atNy("pickup", 1000, { fulfillment: "PICKUP" }),
        line("shipped", 1000, { fulfillment: "SHIP", locationId: "nyc" }),
      ],
      cart: { shippingAddress: { country: "US", region: "CA", postalCode: "94105" } },
      context: usd(),
    });

    expect(result.lines.map((l) => [l.lineId, l.taxRegionId, l.tax])).toEqual([
      ["pickup", "us-ny", 89],
      ["shipped", "us-ca", 73],
    ]);
  });

  it("prefers a postal prefix over a state and a state over the country", () => {
    const country = {
      id: "us",
      name: "US",
      country: "US",
      rates: { STANDARD: 5, REDUCED: 0 },
    };
    const nyState = {
      ...US_NY,
      id: "ny-state",
      postalCodePrefixes: [],
      rates: { STANDARD: 4, REDUCED: 0 },
    };
    const regionFor = (address: AddressInput) =>
      price({
        lines: [line("a", 1000, { fulfillment: "SHIP" })],
        cart: { shippingAddress: address },
        context: usd({ taxRegions: [country, nyState, US_NY] }),
      }).lines[0]?.taxRegionId;

    expect(regionFor({ country: "US", region: "NY", postalCode: "10001" })).toBe("us-ny");
    expect(regionFor({ country: "US", region: "US-NY", postalCode: "14201" })).toBe(
      "ny-state",
    );
    expect(regionFor({ country: "US", region: "TX", postalCode: "73301" })).toBe("us");
  });

  it("adds nothing for a tax-exempt customer", () => {
    const result = price({
      lines: [atNy("a", 1000)],
      context: usd({ customer: { id: "school", isTaxExempt: true } }),
    });

    expect(result.lines[0]).toMatchObject({ tax: 0, taxExemption: 0, total: 1000 });
  });
});

describe("rounding per line or per invoice", () => {
  const tenPercent = { ...US_CA, id: "ten", rates: { STANDARD: 10, REDUCED: 0 } };
  const market = (rest: object) => ({ ...USD, ...rest });
  const lines = [atNy("a", 5), atNy("b", 5), atNy("c", 5)];
  const context = (rest: object) =>
    usd({
      market: market(rest),
      taxRegions: [tenPercent],
      locations: [{ ...NY_STORE, address: { country: "US", region: "CA" } }],
    });

  it("rounds each line on its own per line", () => {
    const result = price({ lines, context: context({ taxRounding: "line" }) });

    // 10 % of 0.05 is half a cent on every line.
    expect(result.lines.map((l) => l.tax)).toEqual([1, 1, 1]);
    expect(result.totals.tax).toBe(3);
  });

  it("rounds once per rate per invoice and shares the tax back to the lines", () => {
    const result = price({ lines, context: context({ taxRounding: "invoice" }) });

    expect(result.totals.tax).toBe(2);
    expect(result.lines.map((l) => l.tax)).toEqual([1, 1, 0]);
  });

  it("rounds halves to even when the market asks for banker's rounding", () => {
    const result = price({
      lines: [atNy("a", 5), atNy("b", 15)],
      context: context({ roundingMode: "half_even" }),
    });

    expect(result.lines.map((l) => l.tax)).toEqual([0, 2]);
  });
});

describe("shipping tax", () => {
  const toNy = {
    shippingAmount: 1000,
    shippingAddress: { country: "US", region: "NY", postalCode: "10001" },
  };
  const shipped = (id: string, unitPrice: number, rest: object = {}) =>
    line(id, unitPrice, { fulfillment: "SHIP", ...rest });

  it("taxes shipping at the destination's rate for its category", () => {
    const result = price({ lines: [shipped("a", 1000)], cart: toNy, context: usd() });

    expect(result.shipping).toMatchObject({
      amount: 1000,
      tax: 89,
      total: 1089,
      taxRegionId: "us-ny",
    });
    expect(result.totals).toMatchObject({ shipping: 1000, tax: 178, total: 2178 });
  });

  it("leaves shipping untaxed where the market says so", () => {
    const result = price({
      lines: [shipped("a", 1000)],
      cart: toNy,
      context: usd({ market: { ...USD, shippingTax: { mode: "none" } } }),
    });

    expect(result.shipping?.tax).toBe(0);
  });

  it("splits shipping over the goods' rates when it follows the goods", () => {
    const result = price({
      lines: [shipped("jumper", 6000), shipped("book", 4000, { taxCategory: "ZERO" })],
      cart: { shippingAmount: 600, shippingAddress: { country: "GB" } },
      context: {
        market: {
          currency: "GBP",
          pricesIncludeTax: true,
          shippingTax: { mode: "proportional" },
        },
      },
    });

    // 360 at 20 % holds 60 of tax; 240 at 0 % holds none.
    expect(result.shipping).toMatchObject({ tax: 60, net: 540, total: 600 });
    expect(result.taxes).toEqual([
      { taxRegionId: "uk", taxRate: 20, net: 5300, tax: 1060 },
      { taxRegionId: "uk", taxRate: 0, net: 4240, tax: 0 },
    ]);
  });

  it("warns and charges no tax when the destination is unknown", () => {
    const result = price({
      lines: [shipped("a", 1000)],
      cart: { shippingAmount: 500 },
      context: usd(),
    });

    expect(result.totals.tax).toBe(0);
    expect(result.warnings).toEqual([
      { code: "no_tax_region", lineId: "a", cause: "missing_address" },
      { code: "no_tax_region", lineId: null, cause: "missing_address" },
    ]);
  });
});

describe("tax summary", () => {
  it("lists the net and tax per region and rate", () => {
    const result = price({
      lines: [
        line("a", 1200),
        line("b", 2400),
        line("c", 1050, { taxCategory: "REDUCED" }),
        line("d", 500, { taxCategory: "ZERO" }),
      ],
    });

    expect(result.taxes).toEqual([
      { taxRegionId: "uk", taxRate: 20, net: 3000, tax: 600 },
      { taxRegionId: "uk", taxRate: 5, net: 1000, tax: 50 },
      { taxRegionId: "uk", taxRate: 0, net: 500, tax: 0 },
    ]);
  });
});
