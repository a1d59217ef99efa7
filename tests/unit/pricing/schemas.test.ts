import { describe, expect, it } from "vitest";
import {
  MarketSchema,
  PricingCartSchema,
  PromotionSchema,
  TaxRegionSchema,
} from "../../../lib/pricing";

const tenPercent = {
  type: "items",
  target: { scope: "all" },
  reward: { kind: "percentage", percent: 10 },
};

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}) {
  return result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
}

describe("promotion schema", () => {
  it("fills in the defaults a merchandiser can leave out", () => {
    const promotion = PromotionSchema.parse({
      id: "p",
      name: "Ten",
      benefit: tenPercent,
    });

    expect(promotion).toMatchObject({
      priority: 0,
      stacking: "combinable",
      requiresCode: false,
      currency: null,
      maxDiscount: null,
      conditions: { channels: [], minSpend: null, schedule: null },
      benefit: { target: { categoryIds: [], exclude: { productIds: [] } } },
    });
  });

  it.each([
    [
      "amounts without a currency",
      { benefit: { ...tenPercent, reward: { kind: "amount_off", amount: 500 } } },
      "currency",
    ],
    [
      "a listed target without ids",
      { benefit: { ...tenPercent, target: { scope: "listed" } } },
      "benefit.target.scope",
    ],
    [
      "a percentage with five decimals",
      { benefit: { ...tenPercent, reward: { kind: "percentage", percent: 10.00001 } } },
      "benefit.reward.percent",
    ],
    [
      "a percentage over 100",
      { benefit: { ...tenPercent, reward: { kind: "percentage", percent: 120 } } },
      "benefit.reward.percent",
    ],
    [
      "an end before the start",
      {
        conditions: { startsAt: "2025-06-02T00:00:00Z", endsAt: "2025-06-01T00:00:00Z" },
      },
      "conditions.endsAt",
    ],
    [
      "an unknown time zone",
      {
        conditions: {
          schedule: {
            timeZone: "Mars/Olympus",
            windows: [{ days: [1], start: "09:00", end: "10:00" }],
          },
        },
      },
      "conditions.schedule.timeZone",
    ],
    [
      "tiers out of order",
      {
        currency: "GBP",
        benefit: {
          type: "tiered",
          target: { scope: "all" },
          basis: "quantity",
          tiers: [
            { min: 5, reward: { kind: "percentage", percent: 20 } },
            { min: 3, reward: { kind: "percentage", percent: 10 } },
          ],
        },
      },
      "benefit.tiers",
    ],
    [
      "an order discount per unit",
      {
        currency: "GBP",
        benefit: {
          type: "order",
          reward: { kind: "amount_off", amount: 100, per: "unit" },
        },
      },
      "benefit.reward",
    ],
  ])("refuses %s", (_title, input, path) => {
    const result = PromotionSchema.safeParse({
      id: "p",
      name: "P",
      benefit: tenPercent,
      ...input,
    });

    expect(result.success).toBe(false);
    expect(issuesOf(result)).toContain(path);
  });
});

describe("tax and market schemas", () => {
  it("accepts a sales tax rate with three decimals and refuses a lower-case country", () => {
    const region = {
      id: "ny",
      name: "NYC",
      country: "US",
      rates: { STANDARD: 8.875, REDUCED: 0 },
    };

    expect(TaxRegionSchema.parse(region)).toMatchObject({
      region: null,
      postalCodePrefixes: [],
    });
    expect(TaxRegionSchema.safeParse({ ...region, country: "us" }).success).toBe(false);
  });

  it("defaults a market to line rounding, half up, shipping at the standard rate", () => {
    expect(MarketSchema.parse({ currency: "GBP", pricesIncludeTax: true })).toEqual({
      currency: "GBP",
      pricesIncludeTax: true,
      taxRounding: "line",
      roundingMode: "half_up",
      shippingTax: { mode: "category", category: "STANDARD" },
    });
  });
});

describe("cart schema", () => {
  const line = {
    id: "a",
    variantId: "v",
    productId: "p",
    unitPrice: 100,
    quantity: 1,
    fulfillment: "SHIP",
  };

  it("refuses duplicate line ids, fractional prices and empty quantities", () => {
    const parse = (lines: object[]) =>
      PricingCartSchema.safeParse({ currency: "GBP", lines });

    expect(parse([line, line]).success).toBe(false);
    expect(parse([{ ...line, unitPrice: 1.5 }]).success).toBe(false);
    expect(parse([{ ...line, quantity: 0 }]).success).toBe(false);
    expect(parse([line]).success).toBe(true);
  });
});
