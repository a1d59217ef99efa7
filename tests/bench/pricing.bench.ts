/**
 * Benchmark of the pricing engine: a 50-line cart against 30 active
 * promotions (every type, some with codes), VAT-inclusive with invoice
 * rounding. Prints the median, p95 and mean of one priceCart call; it
 * asserts nothing about time. Run: npx tsx tests/bench/pricing.bench.ts
 */
import { performance } from "node:perf_hooks";
import {
  PricingCartSchema,
  PricingContextSchema,
  type PromotionInput,
  priceCart,
} from "../../lib/pricing";

const WARMUP = 2_000;
const SAMPLES = 10_000;
const CATEGORIES = ["tops", "trousers", "shoes", "accessories", "home"];

const cart = PricingCartSchema.parse({
  currency: "GBP",
  codes: ["WELCOME10", "FREESHIP"],
  shippingAmount: 499,
  shippingAddress: { country: "GB", postalCode: "M1 1AA" },
  lines: Array.from({ length: 50 }, (_, i) => ({
    id: `line-${i}`,
    variantId: `variant-${i}`,
    productId: `product-${i % 35}`,
    categoryIds: [CATEGORIES[i % CATEGORIES.length], "all-clothing"],
    collectionIds: i % 3 === 0 ? ["summer"] : [],
    unitPrice: 499 + ((i * 737) % 9_000),
    quantity: 1 + (i % 4),
    taxCategory: i % 7 === 0 ? "REDUCED" : "STANDARD",
    fulfillment: i % 5 === 0 ? "PICKUP" : "SHIP",
    locationId: "manchester",
  })),
});

const category = (i: number) => ({
  scope: "listed" as const,
  categoryIds: [CATEGORIES[i % CATEGORIES.length] ?? "tops"],
});

const promotions: PromotionInput[] = [
  ...Array.from({ length: 10 }, (_, i) => ({
    id: `items-${i}`,
    name: `${5 + i} % off`,
    priority: i % 3,
    benefit: {
      type: "items" as const,
      target: category(i),
      reward: { kind: "percentage" as const, percent: 5 + i },
    },
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    id: `bogo-${i}`,
    name: "Buy one get one",
    priority: 3,
    benefit: {
      type: "buy_x_get_y" as const,
      buy: { target: category(i), quantity: 1 + (i % 2) },
      get: { target: category(i), quantity: 1, percent: 50 + 10 * i },
    },
  })),
  ...Array.from({ length: 3 }, (_, i) => ({
    id: `bundle-${i}`,
    name: "3 for 2",
    currency: "GBP",
    priority: 4,
    benefit: {
      type: "bundle" as const,
      components: [{ target: category(i + 1), quantity: 3 }],
      price: 6000,
    },
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    id: `tiered-${i}`,
    name: "Volume",
    priority: 1,
    benefit: {
      type: "tiered" as const,
      target: category(i + 2),
      basis: "quantity" as const,
      tiers: [
        { min: 3, reward: { kind: "percentage" as const, percent: 5 } },
        { min: 6, reward: { kind: "percentage" as const, percent: 10 } },
      ],
    },
  })),
  ...Array.from({ length: 3 }, (_, i) => ({
    id: `order-${i}`,
    name: "Spend and save",
    currency: "GBP",
    maxDiscount: 5_000,
    conditions: { minSpend: 10_000 * (i + 1) },
    benefit: {
      type: "order" as const,
      reward: { kind: "amount_off" as const, amount: 1_000 },
    },
  })),
  ...Array.from({ length: 2 }, (_, i) => ({
    id: `ship-${i}`,
    name: "Free shipping",
    currency: "GBP",
    requiresCode: i === 0,
    conditions: { minSpend: 5_000 },
    benefit: { type: "free_shipping" as const },
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    id: `code-${i}`,
    name: "Welcome",
    requiresCode: true,
    stacking: i === 3 ? ("exclusive" as const) : ("combinable" as const),
    conditions: { channels: ["WEB" as const] },
    benefit: {
      type: "order" as const,
      reward: { kind: "percentage" as const, percent: 10 },
    },
  })),
];

const context = PricingContextSchema.parse({
  channel: "WEB",
  locationId: "manchester",
  time: "2025-06-02T11:00:00Z",
  customer: { id: "c1", groups: ["vip"], orderCount: 0 },
  market: { currency: "GBP", pricesIncludeTax: true, taxRounding: "invoice" },
  promotions,
  codes: [
    { code: "WELCOME10", promotionId: "code-0" },
    { code: "FREESHIP", promotionId: "ship-0" },
  ],
  taxRegions: [
    {
      id: "uk",
      name: "United Kingdom",
      country: "GB",
      rates: { STANDARD: 20, REDUCED: 5 },
    },
  ],
  locations: [{ id: "manchester", address: { country: "GB", postalCode: "M1 1AA" } }],
});

for (let i = 0; i < WARMUP; i += 1) priceCart(cart, context);

const times: number[] = [];
for (let i = 0; i < SAMPLES; i += 1) {
  const start = performance.now();
  priceCart(cart, context);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);

const at = (q: number) =>
  times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
const result = priceCart(cart, context);
const ms = (value: number) => `${value.toFixed(3)} ms`;

console.log("priceCart: 50 lines, 30 active promotions");
const { applied, notApplied } = result.explanation;
console.log(`  applied ${applied.length}, not applied ${notApplied.length}`);
console.log(`  samples ${SAMPLES} after ${WARMUP} warm-up calls`);
console.log(
  `  median ${ms(at(0.5))}  p95 ${ms(at(0.95))}  p99 ${ms(at(0.99))}  mean ${ms(mean)}`,
);
