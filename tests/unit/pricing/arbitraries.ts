/** fast-check generators of random baskets, promotions and markets for the property tests. */
import fc from "fast-check";
import {
  FULFILLMENT_METHODS,
  type PricingCart,
  PricingCartSchema,
  type PricingContext,
  PricingContextSchema,
  PromotionSchema,
  TAX_CATEGORIES,
} from "../../../lib/pricing";
import { LONDON_STORE, NOON, NY_STORE, UK, US_CA, US_NY } from "./builders";

const CATEGORIES = ["c1", "c2", "c3"];
const COLLECTIONS = ["k1", "k2"];
const PRODUCTS = ["p0", "p1", "p2", "p3"];

const percent = fc.integer({ min: 1, max: 1_000_000 }).map((ppm) => ppm / 10_000);
const amount = fc.integer({ min: 1, max: 20_000 });

const lineFields = fc.record({
  unitPrice: fc.integer({ min: 0, max: 50_000 }),
  quantity: fc.integer({ min: 1, max: 6 }),
  categoryIds: fc.subarray(CATEGORIES),
  collectionIds: fc.subarray(COLLECTIONS),
  productId: fc.constantFrom(...PRODUCTS),
  taxCategory: fc.constantFrom(...TAX_CATEGORIES),
  fulfillment: fc.constantFrom(...FULFILLMENT_METHODS),
  locationId: fc.constantFrom("ldn", "nyc"),
  // One line in ten is a gift card or the like.
  isDiscountable: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
});

/** 1 to 12 lines with unique ids. */
export const linesArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((n) =>
        lineFields.map((fields) => ({ ...fields, id: `l${n}`, variantId: `v${n}` })),
      ),
    ),
  );

const listedTarget = fc
  .record({
    categoryIds: fc.subarray(CATEGORIES),
    collectionIds: fc.subarray(COLLECTIONS),
    productIds: fc.subarray(PRODUCTS),
  })
  .filter((t) => t.categoryIds.length + t.collectionIds.length + t.productIds.length > 0)
  .map((t) => ({ scope: "listed" as const, ...t }));

const anyTarget = fc.oneof(
  listedTarget,
  fc.constant({ scope: "all" as const }),
  fc
    .subarray(PRODUCTS, { minLength: 1, maxLength: 1 })
    .map((productIds) => ({ scope: "all" as const, exclude: { productIds } })),
);

const reward = fc.oneof(
  fc.record({ kind: fc.constant("percentage"), percent }),
  fc.record({
    kind: fc.constant("amount_off"),
    amount,
    per: fc.constantFrom("unit", "order"),
  }),
);

function benefitArb(target: fc.Arbitrary<object>, isItemsOnly: boolean) {
  const deals = [
    fc.record({ type: fc.constant("items"), target, reward }),
    fc.record({
      type: fc.constant("buy_x_get_y"),
      buy: fc.record({ target, quantity: fc.integer({ min: 1, max: 3 }) }),
      get: fc.record({ target, quantity: fc.integer({ min: 1, max: 2 }), percent }),
      maxApplications: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    }),
    fc.record({
      type: fc.constant("bundle"),
      components: fc.array(
        fc.record({ target, quantity: fc.integer({ min: 1, max: 3 }) }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      price: fc.integer({ min: 0, max: 60_000 }),
    }),
    fc.record({
      type: fc.constant("tiered"),
      target,
      basis: fc.constantFrom("quantity", "spend"),
      tiers: fc
        .uniqueArray(fc.integer({ min: 1, max: 30_000 }), { minLength: 1, maxLength: 3 })
        .chain((mins) =>
          fc
            .tuple(...mins.map(() => reward))
            .map((rewards) =>
              [...mins]
                .sort((a, b) => a - b)
                .map((min, i) => ({ min, reward: rewards[i] })),
            ),
        ),
    }),
  ];
  if (isItemsOnly) return fc.oneof(...deals);
  return fc.oneof(
    ...deals,
    fc.record({
      type: fc.constant("order"),
      reward: fc.oneof(
        fc.record({ kind: fc.constant("percentage"), percent }),
        fc.record({ kind: fc.constant("amount_off"), amount }),
      ),
    }),
    fc.constant({ type: "free_shipping" }),
  );
}

function promotionsArb(isItemsOnly: boolean) {
  const benefit = benefitArb(isItemsOnly ? listedTarget : anyTarget, isItemsOnly);
  const one = fc.record({
    priority: fc.integer({ min: 0, max: 3 }),
    stacking: fc.constantFrom("combinable", "combinable", "exclusive"),
    maxDiscount: fc.option(amount, { nil: null }),
    conditions: fc.record({
      minSpend: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: null }),
      minQuantity: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    }),
    benefit,
  });
  return fc.array(one, { maxLength: 6 });
}

const marketArb = fc.record({
  isGbp: fc.boolean(),
  taxRounding: fc.constantFrom("line", "invoice"),
  roundingMode: fc.constantFrom("half_up", "half_even"),
  shippingTax: fc.constantFrom(
    { mode: "none" },
    { mode: "category", category: "STANDARD" },
    { mode: "proportional" },
  ),
});

const customerArb = fc.option(
  fc.record({ id: fc.constant("c1"), isTaxExempt: fc.boolean(), orderCount: fc.nat(3) }),
  { nil: null },
);

export interface Basket {
  cart: PricingCart;
  context: PricingContext;
}

function basketArb(isItemsOnly: boolean): fc.Arbitrary<Basket> {
  return fc
    .record({
      lines: linesArb,
      promotions: promotionsArb(isItemsOnly),
      market: marketArb,
      customer: customerArb,
      shippingAmount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000 })),
      shippingAddress: fc.constantFrom(
        null,
        { country: "GB" },
        { country: "US", region: "NY", postalCode: "10001" },
        { country: "US", region: "CA" },
      ),
    })
    .map((drawn) => {
      const currency = drawn.market.isGbp ? "GBP" : "USD";
      const cart = PricingCartSchema.parse({
        currency,
        lines: drawn.lines,
        shippingAmount: drawn.shippingAmount,
        shippingAddress: drawn.shippingAddress,
      });
      const promotions = drawn.promotions.map((promotion, i) =>
        PromotionSchema.parse({ ...promotion, id: `promo${i}`, name: `P${i}`, currency }),
      );
      const { isGbp, ...rules } = drawn.market;
      const context = PricingContextSchema.parse({
        channel: "POS",
        locationId: "ldn",
        time: NOON,
        customer: drawn.customer,
        market: { currency, pricesIncludeTax: isGbp, ...rules },
        promotions,
        taxRegions: [UK, US_NY, US_CA],
        locations: [LONDON_STORE, NY_STORE],
      });
      return { cart, context };
    });
}

/** Any basket: every promotion type, any target, any market. */
export const basket = basketArb(false);

/** Baskets whose promotions all target listed catalogue ids (no order-wide ones). */
export const listedBasket = basketArb(true);
