/**
 * The demo retailer's tax and promotions: UK VAT, a "Gift ideas"
 * collection, and promotions in every state (active, scheduled, ended).
 * AUTUMN10, the staff discount and free delivery over £60 are the ones
 * the seeded orders were priced with, so their redemptions are recorded
 * from those orders.
 */
import { type Promotion, type PromotionInput, PromotionSchema } from "../../pricing";
import type { Prisma } from "../generated/client";
import { SeededRandom, seedId } from "./random";
import { SEED_EPOCH } from "./time";

export interface PricingDemoData {
  taxRegions: Prisma.TaxRegionCreateManyInput[];
  taxRates: Prisma.TaxRateCreateManyInput[];
  collections: Prisma.CollectionCreateManyInput[];
  collectionProducts: Prisma.CollectionProductCreateManyInput[];
  promotions: Prisma.PromotionCreateManyInput[];
  promotionCodes: Prisma.PromotionCodeCreateManyInput[];
  promotionRedemptions: Prisma.PromotionRedemptionCreateManyInput[];
  promotionCustomerUsage: Prisma.PromotionCustomerUsageCreateManyInput[];
}

/** What the pricing demo data refers to in the rest of the demo data. */
export interface PricingDemoSources {
  categories: readonly { id?: string; handle: string }[];
  products: readonly { id?: string; title: string }[];
  orders: readonly Prisma.OrderCreateManyInput[];
}

/** Standard delivery, as the seeded orders charge it. */
const STANDARD_SHIPPING_MINOR = 495;
const WELCOME_CODES = 25;
/** No 0/O, 1/I/L or U/V, as generated codes in the back-office. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

const GIFT_IDEAS = [
  "Soy Wax Candle",
  "Reed Diffuser",
  "Lambswool Scarf",
  "Cashmere Gloves",
  "Leather Card Holder",
  "Stoneware Mug",
  "Pure Wool Throw",
];

interface PromotionSpec {
  key: string;
  description: string;
  isActive?: boolean;
  definition: Omit<PromotionInput, "id">;
  /** Seed order promotion names whose orders redeemed this one. */
  redeemedAs?: string;
}

/** Builds the pricing rows; a pure function of the seed and the rest of the demo data. */
export function buildPricingData(
  seed: number,
  sources: PricingDemoSources,
): PricingDemoData {
  const category = (handle: string) =>
    requireId(sources.categories, (c) => c.handle === handle);
  const product = (title: string) =>
    requireId(sources.products, (p) => p.title === title);
  const at = new Date(SEED_EPOCH.getTime() - 90 * 86_400_000);

  const ukId = seedId(seed, "tax-region:GB", at);
  const giftIdeasId = seedId(seed, "collection:gift-ideas", at);
  const listed = (ids: {
    categoryIds?: string[];
    productIds?: string[];
    collectionIds?: string[];
  }) => ({ scope: "listed", ...ids }) as const;

  const specs: PromotionSpec[] = [
    {
      key: "autumn10",
      description: "Autumn campaign code, on the newsletter and in store windows.",
      redeemedAs: "Code AUTUMN10",
      definition: {
        name: "Autumn 10 % off",
        requiresCode: true,
        currency: "GBP",
        // Autumn by the calendar: to the winter solstice.
        conditions: { startsAt: "2026-08-31T23:00:00Z", endsAt: "2026-12-21T00:00:00Z" },
        benefit: { type: "order", reward: { kind: "percentage", percent: 10 } },
      },
    },
    {
      key: "staff",
      description: "For colleagues; applies alone and before everything else.",
      redeemedAs: "Staff discount",
      definition: {
        name: "Staff discount",
        priority: 100,
        stacking: "exclusive",
        currency: "GBP",
        conditions: { customerGroups: ["staff"] },
        benefit: { type: "order", reward: { kind: "percentage", percent: 25 } },
      },
    },
    {
      key: "free-delivery",
      description: "Measured after other discounts, as the checkout always has.",
      redeemedAs: "free-delivery",
      definition: {
        name: "Free UK delivery over £60",
        // Last, so the threshold is read after the other discounts.
        priority: -10,
        currency: "GBP",
        maxDiscount: STANDARD_SHIPPING_MINOR,
        conditions: { channels: ["WEB"], minSpend: 6000 },
        benefit: { type: "free_shipping" },
      },
    },
    {
      key: "candles-3-for-2",
      description: "Christmas gifting: the cheapest of every three is free.",
      definition: {
        name: "3 for 2 on candles & fragrance",
        currency: "GBP",
        conditions: { startsAt: "2026-11-20T00:00:00Z", endsAt: "2027-01-05T00:00:00Z" },
        benefit: {
          type: "buy_x_get_y",
          buy: {
            target: listed({ categoryIds: [category("home-fragrance")] }),
            quantity: 2,
          },
          get: {
            target: listed({ categoryIds: [category("home-fragrance")] }),
            quantity: 1,
          },
        },
      },
    },
    {
      key: "bath-set",
      description: "A towel and a hand wash together.",
      definition: {
        name: "Towel + hand wash for £30",
        currency: "GBP",
        conditions: { startsAt: "2026-11-01T00:00:00Z" },
        benefit: {
          type: "bundle",
          components: [
            {
              target: listed({ productIds: [product("Turkish Cotton Towel")] }),
              quantity: 1,
            },
            {
              target: listed({ productIds: [product("Botanical Hand Wash")] }),
              quantity: 1,
            },
          ],
          price: 3000,
        },
      },
    },
    {
      key: "gift-ideas",
      description: "The more gifts, the bigger the saving.",
      definition: {
        name: "Gift ideas: 2 for 10 % off, 3 or more for 15 % off",
        currency: "GBP",
        conditions: { startsAt: "2026-11-20T00:00:00Z", endsAt: "2026-12-25T00:00:00Z" },
        benefit: {
          type: "tiered",
          target: listed({ collectionIds: [giftIdeasId] }),
          basis: "quantity",
          tiers: [
            { min: 2, reward: { kind: "percentage", percent: 10 } },
            { min: 3, reward: { kind: "percentage", percent: 15 } },
          ],
        },
      },
    },
    {
      key: "welcome",
      description: "Single-use codes for the welcome e-mail.",
      definition: {
        name: "Welcome: £10 off a first order over £50",
        requiresCode: true,
        currency: "GBP",
        usageLimitPerCustomer: 1,
        conditions: {
          startsAt: "2026-11-01T00:00:00Z",
          channels: ["WEB"],
          isFirstOrderOnly: true,
          minSpend: 5000,
        },
        benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
      },
    },
    {
      key: "winter-sale",
      description: "Boxing Day sale on coats and jackets.",
      definition: {
        name: "Winter sale: 20 % off coats & jackets",
        currency: "GBP",
        conditions: { startsAt: "2026-12-26T00:00:00Z", endsAt: "2027-02-01T00:00:00Z" },
        benefit: {
          type: "items",
          target: listed({
            categoryIds: [category("women-outerwear"), category("men-outerwear")],
          }),
          reward: { kind: "percentage", percent: 20 },
        },
      },
    },
    {
      key: "summer-linen",
      description: "Summer clearance, over.",
      definition: {
        name: "Summer linen 15 % off",
        currency: "GBP",
        conditions: { startsAt: "2026-06-01T00:00:00Z", endsAt: "2026-08-31T23:00:00Z" },
        benefit: {
          type: "items",
          target: listed({
            productIds: [
              "Linen Relaxed Shirt",
              "Wide Leg Linen Trousers",
              "Linen Short-Sleeve Shirt",
            ].map(product),
          }),
          reward: { kind: "percentage", percent: 15 },
        },
      },
    },
  ];

  const promotions = specs.map((spec) => {
    const id = seedId(seed, `promotion:${spec.key}`, at);
    return { spec, id, promotion: PromotionSchema.parse({ ...spec.definition, id }) };
  });
  const idOf = (key: string) => promotions.find((p) => p.spec.key === key)?.id ?? "";

  const codes: Prisma.PromotionCodeCreateManyInput[] = [
    {
      id: seedId(seed, "promotion-code:AUTUMN10", at),
      promotionId: idOf("autumn10"),
      code: "AUTUMN10",
      createdAt: at,
    },
    ...welcomeCodes(seed, idOf("welcome"), at),
  ];
  const redemptions = redemptionsOf(seed, sources, promotions);
  const timesUsed = (code: string) => redemptions.filter((r) => r.code === code).length;
  for (const code of codes) code.timesUsed = timesUsed(code.code);

  return {
    taxRegions: [
      {
        id: ukId,
        name: "United Kingdom",
        country: "GB",
        postalCodePrefixes: [],
        createdAt: at,
        updatedAt: at,
      },
    ],
    taxRates: [
      { taxRegionId: ukId, category: "STANDARD", ratePpm: 200_000, updatedAt: at },
      { taxRegionId: ukId, category: "REDUCED", ratePpm: 50_000, updatedAt: at },
    ],
    collections: [
      {
        id: giftIdeasId,
        handle: "gift-ideas",
        title: "Gift ideas",
        description: "Small things that travel well and please most people.",
        createdAt: at,
        updatedAt: at,
      },
    ],
    collectionProducts: GIFT_IDEAS.map((title, position) => ({
      collectionId: giftIdeasId,
      productId: product(title),
      position,
    })),
    promotions: promotions.map(({ spec, id, promotion }) => ({
      id,
      ...columnsOf(promotion),
      description: spec.description,
      isActive: spec.isActive ?? true,
      timesRedeemed: redemptions.filter((r) => r.promotionId === id).length,
      createdAt: at,
      updatedAt: at,
    })),
    promotionCodes: codes,
    promotionRedemptions: redemptions,
    promotionCustomerUsage: customerUsageOf(redemptions),
  };
}

/** The indexed copies of a definition, as lib/promotions writes them. */
function columnsOf(promotion: Promotion) {
  const { id: _id, ...definition } = promotion;
  const { conditions } = promotion;
  return {
    name: promotion.name,
    startsAt: conditions.startsAt ? new Date(conditions.startsAt) : null,
    endsAt: conditions.endsAt ? new Date(conditions.endsAt) : null,
    channels: conditions.channels,
    locationIds: conditions.locationIds,
    priority: promotion.priority,
    isExclusive: promotion.stacking === "exclusive",
    requiresCode: promotion.requiresCode,
    benefitType: promotion.benefit.type,
    currency: promotion.currency,
    usageLimit: promotion.usageLimit,
    usageLimitPerCustomer: promotion.usageLimitPerCustomer,
    definition: definition as Prisma.InputJsonValue,
  };
}

function welcomeCodes(
  seed: number,
  promotionId: string,
  at: Date,
): Prisma.PromotionCodeCreateManyInput[] {
  const random = new SeededRandom(seed ^ 0x5eed_c0de);
  const batchId = seedId(seed, "promotion-code-batch:welcome", at);
  const codes = new Set<string>();
  while (codes.size < WELCOME_CODES)
    codes.add(`WELCOME-${random.string(CODE_ALPHABET, 8)}`);
  return [...codes].map((code) => ({
    id: seedId(seed, `promotion-code:${code}`, at),
    promotionId,
    code,
    usageLimit: 1,
    batchId,
    createdAt: at,
  }));
}

interface OrderSnapshot {
  promotions?: { name?: string; discountMinor?: number }[];
  shipping?: { method?: string; amountMinor?: number };
}

/**
 * The seeded orders' promotions as redemptions: the code or staff discount
 * each order names, and free standard delivery where a shipped order paid
 * none. Cancelled orders redeemed nothing.
 */
function redemptionsOf(
  seed: number,
  sources: PricingDemoSources,
  promotions: readonly { spec: PromotionSpec; id: string }[],
): Prisma.PromotionRedemptionCreateManyInput[] {
  const byName = new Map(
    promotions.flatMap((p) =>
      p.spec.redeemedAs ? [[p.spec.redeemedAs, p.id] as const] : [],
    ),
  );
  const out: Prisma.PromotionRedemptionCreateManyInput[] = [];
  for (const order of sources.orders) {
    if (order.status === "CANCELLED" || !order.id) continue;
    const snapshot = (order.pricingSnapshot ?? {}) as OrderSnapshot;
    const placedAt = order.placedAt ? new Date(order.placedAt) : SEED_EPOCH;
    const add = (
      promotionId: string | undefined,
      amount: number,
      code: string | null,
    ) => {
      if (!promotionId || !order.id) return;
      out.push({
        id: seedId(seed, `redemption:${order.id}:${promotionId}`, placedAt),
        orderId: order.id,
        promotionId,
        code,
        customerId: order.customerId ?? null,
        customerKey:
          order.customerId ?? (order.email ? `guest:${order.email.toLowerCase()}` : null),
        currency: order.currency,
        amountMinor: amount,
        createdAt: placedAt,
      });
    };
    for (const applied of snapshot.promotions ?? []) {
      const code = applied.name?.startsWith("Code ") ? applied.name.slice(5) : null;
      add(byName.get(applied.name ?? ""), applied.discountMinor ?? 0, code);
    }
    const isFreeDelivery =
      order.shippingAddress != null &&
      snapshot.shipping?.method === "standard" &&
      snapshot.shipping.amountMinor === 0;
    if (isFreeDelivery) add(byName.get("free-delivery"), STANDARD_SHIPPING_MINOR, null);
  }
  return out;
}

function customerUsageOf(
  redemptions: readonly Prisma.PromotionRedemptionCreateManyInput[],
): Prisma.PromotionCustomerUsageCreateManyInput[] {
  const counts = new Map<string, Prisma.PromotionCustomerUsageCreateManyInput>();
  for (const r of redemptions) {
    if (!r.customerKey) continue;
    const key = `${r.promotionId}\u0000${r.customerKey}`;
    const row = counts.get(key) ?? {
      promotionId: r.promotionId,
      customerKey: r.customerKey,
      timesRedeemed: 0,
      updatedAt: r.createdAt ?? SEED_EPOCH,
    };
    row.timesRedeemed = (row.timesRedeemed ?? 0) + 1;
    row.updatedAt = r.createdAt ?? row.updatedAt;
    counts.set(key, row);
  }
  return [...counts.values()];
}

function requireId<T extends { id?: string }>(
  rows: readonly T[],
  match: (row: T) => boolean,
) {
  const id = rows.find(match)?.id;
  if (!id) throw new Error("The pricing demo data names a row the demo data lacks");
  return id;
}
