/**
 * Hand-worked pricing vectors, plain data only, so that the same vectors
 * can be checked in Node (vectors.test.ts) and in a browser bundle of the
 * engine (the POS prices offline with the very same code).
 */
import type {
  PricingCartInput,
  PricingContextInput,
  PricingTotals,
  PromotionInput,
  TaxRegionInput,
} from "../../../lib/pricing";

export interface PricingVector {
  name: string;
  cart: PricingCartInput;
  context: PricingContextInput;
  expected: {
    totals: Partial<PricingTotals>;
    lines: Record<string, { discount: number; tax: number; total: number }>;
    applied: string[];
  };
}

const UK: TaxRegionInput = {
  id: "uk",
  name: "United Kingdom",
  country: "GB",
  rates: { STANDARD: 20, REDUCED: 5 },
};
const NYC: TaxRegionInput = {
  id: "nyc",
  name: "New York City",
  country: "US",
  region: "NY",
  rates: { STANDARD: 8.875, REDUCED: 0 },
};
const CA: TaxRegionInput = {
  id: "ca",
  name: "California",
  country: "US",
  region: "CA",
  rates: { STANDARD: 7.25, REDUCED: 0 },
};
const LONDON = { id: "ldn", address: { country: "GB", postalCode: "W1A 1AA" } };
const MANHATTAN = {
  id: "nyc",
  address: { country: "US", region: "NY", postalCode: "10001" },
};
const MONDAY_NOON_UTC = "2025-06-02T12:00:00Z";

const uk = (rest: Partial<PricingContextInput> = {}): PricingContextInput => ({
  channel: "POS",
  locationId: "ldn",
  time: MONDAY_NOON_UTC,
  market: { currency: "GBP", pricesIncludeTax: true },
  taxRegions: [UK],
  locations: [LONDON],
  ...rest,
});
const us = (rest: Partial<PricingContextInput> = {}): PricingContextInput => ({
  channel: "POS",
  locationId: "nyc",
  time: MONDAY_NOON_UTC,
  market: { currency: "USD", pricesIncludeTax: false },
  taxRegions: [NYC, CA],
  locations: [MANHATTAN],
  ...rest,
});
const item = (
  id: string,
  unitPrice: number,
  rest: Partial<PricingCartInput["lines"][number]> = {},
) => ({
  id,
  variantId: `v-${id}`,
  productId: `p-${id}`,
  unitPrice,
  quantity: 1,
  fulfillment: "CARRY_OUT" as const,
  ...rest,
});
const percentOff = (
  id: string,
  percent: number,
  rest: Partial<PromotionInput> = {},
): PromotionInput => ({
  id,
  name: `${percent} % off`,
  benefit: {
    type: "items",
    target: { scope: "all" },
    reward: { kind: "percentage", percent },
  },
  ...rest,
});

export const PRICING_VECTORS: PricingVector[] = [
  {
    name: "VAT basket: 20 % off shoes, a reduced-rate item, carried out in London",
    cart: {
      currency: "GBP",
      lines: [
        item("shoes", 5000, { categoryIds: ["shoes"] }),
        item("seat", 1050, { taxCategory: "REDUCED" }),
        item("tee", 1200),
      ],
    },
    context: uk({
      promotions: [
        {
          id: "shoes-20",
          name: "20 % off shoes",
          benefit: {
            type: "items",
            target: { scope: "listed", categoryIds: ["shoes"] },
            reward: { kind: "percentage", percent: 20 },
          },
        },
      ],
    }),
    expected: {
      // 40.00 holds 6.666... of VAT: 6.67.
      totals: { subtotal: 7250, discount: 1000, tax: 917, total: 6250 },
      lines: {
        shoes: { discount: 1000, tax: 667, total: 4000 },
        seat: { discount: 0, tax: 50, total: 1050 },
        tee: { discount: 0, tax: 200, total: 1200 },
      },
      applied: ["shoes-20"],
    },
  },
  {
    name: "sales tax: buy one get one, cheaper free, shipped to California",
    cart: {
      currency: "USD",
      lines: [
        item("a", 2000, { categoryIds: ["tops"], fulfillment: "SHIP" }),
        item("b", 1500, { categoryIds: ["tops"], fulfillment: "SHIP" }),
      ],
      shippingAmount: 500,
      shippingAddress: { country: "US", region: "CA", postalCode: "94105" },
    },
    context: us({
      promotions: [
        {
          id: "bogo",
          name: "Buy one get one free",
          benefit: {
            type: "buy_x_get_y",
            buy: { target: { scope: "listed", categoryIds: ["tops"] }, quantity: 1 },
            get: { target: { scope: "listed", categoryIds: ["tops"] }, quantity: 1 },
          },
        },
      ],
    }),
    expected: {
      // 7.25 % of 20.00 is 1.45; of 5.00 shipping 0.3625, so 0.36.
      totals: { subtotal: 3500, discount: 1500, shipping: 500, tax: 181, total: 2681 },
      lines: {
        a: { discount: 0, tax: 145, total: 2145 },
        b: { discount: 1500, tax: 0, total: 0 },
      },
      applied: ["bogo"],
    },
  },
  {
    name: "£10 off above £50, shared by value, VAT rounded per invoice",
    cart: { currency: "GBP", lines: [item("coat", 3000), item("hat", 2500)] },
    context: uk({
      market: { currency: "GBP", pricesIncludeTax: true, taxRounding: "invoice" },
      promotions: [
        {
          id: "ten-off",
          name: "£10 off £50",
          currency: "GBP",
          conditions: { minSpend: 5000 },
          benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
        },
      ],
    }),
    expected: {
      // Shares 545.45 and 454.55 -> 545 and 455; VAT on 45.00 is 7.50,
      // shared by 24.55 : 20.45 -> 409.17 and 340.83 -> 409 and 341.
      totals: { subtotal: 5500, discount: 1000, tax: 750, total: 4500 },
      lines: {
        coat: { discount: 545, tax: 409, total: 2455 },
        hat: { discount: 455, tax: 341, total: 2045 },
      },
      applied: ["ten-off"],
    },
  },
  {
    name: "tax-exempt customer on VAT prices pays the net price",
    cart: { currency: "GBP", lines: [item("chair", 1200, { quantity: 2 })] },
    context: uk({ customer: { id: "embassy", isTaxExempt: true } }),
    expected: {
      totals: { subtotal: 2400, tax: 0, taxExemption: 400, total: 2000 },
      lines: { chair: { discount: 0, tax: 0, total: 2000 } },
      applied: [],
    },
  },
  {
    name: "3 for £10 with a free-shipping code, shipped in the UK",
    cart: {
      currency: "GBP",
      codes: ["freeship"],
      lines: [
        item("snack", 450, { quantity: 3, categoryIds: ["snacks"], fulfillment: "SHIP" }),
      ],
      shippingAmount: 399,
      shippingAddress: { country: "GB", postalCode: "M1 1AA" },
    },
    context: uk({
      channel: "WEB",
      locationId: null,
      promotions: [
        {
          id: "three-for-ten",
          name: "3 for £10",
          currency: "GBP",
          priority: 1,
          benefit: {
            type: "bundle",
            components: [
              { target: { scope: "listed", categoryIds: ["snacks"] }, quantity: 3 },
            ],
            price: 1000,
          },
        },
        {
          id: "free-ship",
          name: "Free shipping",
          requiresCode: true,
          benefit: { type: "free_shipping" },
        },
      ],
      codes: [{ code: "FREESHIP", promotionId: "free-ship" }],
    }),
    expected: {
      totals: { subtotal: 1350, discount: 749, shipping: 399, tax: 167, total: 1000 },
      lines: { snack: { discount: 350, tax: 167, total: 1000 } },
      applied: ["three-for-ten", "free-ship"],
    },
  },
  {
    name: "volume tier of 20 % on seven units keeps a lower exclusive promotion out",
    cart: {
      currency: "USD",
      lines: [item("socks", 500, { quantity: 7, categoryIds: ["socks"] })],
    },
    context: us({
      promotions: [
        {
          id: "volume",
          name: "Volume",
          priority: 2,
          benefit: {
            type: "tiered",
            target: { scope: "listed", categoryIds: ["socks"] },
            basis: "quantity",
            tiers: [
              { min: 3, reward: { kind: "percentage", percent: 10 } },
              { min: 6, reward: { kind: "percentage", percent: 20 } },
            ],
          },
        },
        percentOff("staff", 30, { stacking: "exclusive" }),
      ],
    }),
    expected: {
      // 8.875 % of 28.00 is 2.485, half up 2.49.
      totals: { subtotal: 3500, discount: 700, tax: 249, total: 3049 },
      lines: { socks: { discount: 700, tax: 249, total: 3049 } },
      applied: ["volume"],
    },
  },
  {
    name: "half off capped at £20, the cap shared across the lines",
    cart: { currency: "GBP", lines: [item("a", 6000), item("b", 3000), item("c", 1000)] },
    context: uk({
      promotions: [percentOff("half", 50, { currency: "GBP", maxDiscount: 2000 })],
    }),
    expected: {
      totals: { subtotal: 10_000, discount: 2000, tax: 1333, total: 8000 },
      lines: {
        a: { discount: 1200, tax: 800, total: 4800 },
        b: { discount: 600, tax: 400, total: 2400 },
        c: { discount: 200, tax: 133, total: 800 },
      },
      applied: ["half"],
    },
  },
  {
    name: "happy hour read on New York's clock",
    cart: { currency: "USD", lines: [item("tote", 2000)] },
    context: us({
      // 21:00 UTC is 17:00 in New York in June.
      time: "2025-06-02T21:00:00Z",
      promotions: [
        percentOff("happy-hour", 15, {
          conditions: {
            schedule: {
              timeZone: "America/New_York",
              windows: [{ days: [1, 2, 3, 4, 5], start: "16:00", end: "18:00" }],
            },
          },
        }),
      ],
    }),
    expected: {
      // 8.875 % of 17.00 is 1.50875, so 1.51.
      totals: { subtotal: 2000, discount: 300, tax: 151, total: 1851 },
      lines: { tote: { discount: 300, tax: 151, total: 1851 } },
      applied: ["happy-hour"],
    },
  },
  {
    name: "till: price override, then a promotion, a line's 10 % and £10 off the sale",
    cart: {
      currency: "GBP",
      lines: [
        item("a", 5000, { priceOverride: { id: "ovr", unitPrice: 4000 } }),
        item("b", 3000, {
          manualDiscount: { id: "line10", kind: "percent_off", percent: 10 },
        }),
      ],
      manualDiscount: { id: "sale", kind: "amount_off", amount: 1000 },
    },
    context: uk({ promotions: [percentOff("ten", 10)] }),
    expected: {
      // a: 4000 - 400 promotion = 3600; b: 3000 - 300 - 270 = 2430. The
      // £10 is shared 3600:2430, 597 and 403 (largest remainder). VAT is a
      // sixth of what is left: 3003 -> 500.5 -> 501; 2027 -> 337.8 -> 338.
      totals: { subtotal: 7000, discount: 1970, tax: 839, total: 5030 },
      lines: {
        a: { discount: 997, tax: 501, total: 3003 },
        b: { discount: 973, tax: 338, total: 2027 },
      },
      applied: ["ten"],
    },
  },
  {
    name: "till: 100 % off a line leaves the gift card whole, sales tax on the rest",
    cart: {
      currency: "USD",
      lines: [
        item("tote", 2000, {
          manualDiscount: { id: "free", kind: "percent_off", percent: 100 },
        }),
        item("card", 5000, { isDiscountable: false, taxCategory: "ZERO" }),
        item("cap", 1500),
      ],
      manualDiscount: { id: "sale", kind: "percent_off", percent: 10 },
    },
    context: us(),
    expected: {
      // The cap alone takes the sale's 10 %: 150 off 1500, then 8.875 % of
      // 1350 is 119.8 -> 120.
      totals: { subtotal: 8500, discount: 2150, tax: 120, total: 6470 },
      lines: {
        tote: { discount: 2000, tax: 0, total: 0 },
        card: { discount: 0, tax: 0, total: 5000 },
        cap: { discount: 150, tax: 120, total: 1470 },
      },
      applied: [],
    },
  },
];
