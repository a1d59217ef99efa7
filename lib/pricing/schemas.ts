/**
 * The shapes the pricing engine reads: promotions, tax regions, markets,
 * carts and the pricing context. Each is a zod schema so that the
 * back-office, the API and the POS sync validate input with the very rules
 * the engine relies on; the engine's types are the schemas' parsed output.
 *
 * Enumerations use the database's spelling (WEB, SHIP, STANDARD, ...) so
 * rows map across without a translation table. Money is integer minor
 * units; percentages are decimals with at most four places (8.875).
 */
import { z } from "zod";
import { hasRatePrecision } from "../money/percent";
import { ROUNDING_MODES } from "../money/rounding";

export const SALES_CHANNELS = ["WEB", "POS", "API"] as const;
export const FULFILLMENT_METHODS = ["SHIP", "PICKUP", "CARRY_OUT"] as const;
export const TAX_CATEGORIES = ["STANDARD", "REDUCED", "ZERO", "EXEMPT"] as const;

export const SalesChannelSchema = z.enum(SALES_CHANNELS);
export const FulfillmentMethodSchema = z.enum(FULFILLMENT_METHODS);
export const TaxCategorySchema = z.enum(TAX_CATEGORIES);
export const RoundingModeSchema = z.enum(ROUNDING_MODES);

const Id = z.string().min(1).max(200);
const IdList = z
  .array(Id)
  .max(1000)
  .default(() => []);
/** Integer minor units, never negative. */
const Amount = z.int().min(0);
const PositiveAmount = z.int().min(1);
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code.");
const CountryCode = z.string().regex(/^[A-Z]{2}$/, "Use a two-letter ISO 3166-1 code.");
const Instant = z.iso.datetime({ offset: true });
const Percent = z
  .number()
  .min(0)
  .max(100)
  .refine(hasRatePrecision, "Use at most four decimals.");
const PositivePercent = Percent.refine((value) => value > 0, "Must be more than zero.");
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM.");

// ---------------------------------------------------------------------------
// What a promotion targets

/** Lists of catalogue ids; a line matches when it is in any of them. */
export const ItemSetSchema = z.object({
  /** A category covers its subcategories: the cart lists each line's ancestors. */
  categoryIds: IdList,
  collectionIds: IdList,
  productIds: IdList,
  variantIds: IdList,
});

const hasAnyId = (set: z.output<typeof ItemSetSchema>) =>
  set.categoryIds.length + set.collectionIds.length + set.productIds.length > 0 ||
  set.variantIds.length > 0;

/** The lines a reward or a deal looks at; excluded items never match. */
export const ItemTargetSchema = z
  .object({
    /** "all": every discountable line; "listed": lines in any of the lists. */
    scope: z.enum(["all", "listed"]),
    categoryIds: IdList,
    collectionIds: IdList,
    productIds: IdList,
    variantIds: IdList,
    exclude: ItemSetSchema.default(() => ItemSetSchema.parse({})),
  })
  .refine((target) => target.scope === "all" || hasAnyId(target), {
    message: "List at least one category, collection, product or variant.",
    path: ["scope"],
  });

// ---------------------------------------------------------------------------
// What a promotion gives

/** A reduction of the targeted amount. */
export const RewardSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("percentage"), percent: PositivePercent }),
  z.object({
    kind: z.literal("amount_off"),
    amount: PositiveAmount,
    /** "unit": off each targeted unit; "order": once, shared by the targeted lines. */
    per: z.enum(["unit", "order"]).default("order"),
  }),
]);

/** Percentage or amount off items, a category, a collection, products or variants. */
export const ItemsBenefitSchema = z.object({
  type: z.literal("items"),
  target: ItemTargetSchema,
  reward: RewardSchema,
});

/** Off the whole order (every discountable line), usually above a spend threshold. */
export const OrderBenefitSchema = z.object({
  type: z.literal("order"),
  reward: RewardSchema.refine(
    (reward) => reward.kind === "percentage" || reward.per === "order",
    "An order discount is taken once from the order.",
  ),
});

/** Buy `buy.quantity` units, get `get.quantity` units `get.percent` % off (100 = free). */
export const BuyXGetYBenefitSchema = z.object({
  type: z.literal("buy_x_get_y"),
  buy: z.object({ target: ItemTargetSchema, quantity: z.int().min(1).max(1000) }),
  get: z.object({
    target: ItemTargetSchema,
    quantity: z.int().min(1).max(1000),
    percent: PositivePercent.default(100),
  }),
  /** How many times the deal may apply in one order; null for no limit. */
  maxApplications: z.int().min(1).nullable().default(null),
});

/** A set of items sold together at a fixed price, e.g. "3 for £10", "shirt + tie £40". */
export const BundleBenefitSchema = z.object({
  type: z.literal("bundle"),
  components: z
    .array(z.object({ target: ItemTargetSchema, quantity: z.int().min(1).max(1000) }))
    .min(1)
    .max(10),
  /** Price of one whole bundle, in the promotion's currency. */
  price: Amount,
  maxApplications: z.int().min(1).nullable().default(null),
});

/** Spend or quantity thresholds, each with its reward; the highest tier reached applies. */
export const TieredBenefitSchema = z.object({
  type: z.literal("tiered"),
  target: ItemTargetSchema,
  /** "quantity": units of targeted items; "spend": their amount in minor units. */
  basis: z.enum(["quantity", "spend"]),
  tiers: z
    .array(z.object({ min: z.int().min(1), reward: RewardSchema }))
    .min(1)
    .max(20)
    .refine(
      (tiers) => tiers.every((tier, i) => i === 0 || tier.min > (tiers[i - 1]?.min ?? 0)),
      "List tiers from the lowest threshold up, without repeats.",
    ),
});

/** Shipping charged at no cost (bounded by the promotion's cap, if any). */
export const FreeShippingBenefitSchema = z.object({ type: z.literal("free_shipping") });

export const BenefitSchema = z.discriminatedUnion("type", [
  ItemsBenefitSchema,
  OrderBenefitSchema,
  BuyXGetYBenefitSchema,
  BundleBenefitSchema,
  TieredBenefitSchema,
  FreeShippingBenefitSchema,
]);

// ---------------------------------------------------------------------------
// When a promotion applies

/** Recurring hours such as a weekday happy hour, read in the given time zone. */
export const ScheduleSchema = z.object({
  timeZone: z.string().refine(isTimeZone, "Use an IANA time zone, e.g. Europe/London."),
  windows: z
    .array(
      z.object({
        /** ISO weekdays, 1 = Monday ... 7 = Sunday; the day the window starts. */
        days: z.array(z.int().min(1).max(7)).min(1).max(7),
        start: ClockTime,
        /** At or before `start` means the window runs past midnight. */
        end: ClockTime,
      }),
    )
    .min(1)
    .max(20),
});

/** Every condition must hold; an empty list or null means "no restriction". */
export const ConditionsSchema = z.object({
  /** Inclusive. */
  startsAt: Instant.nullable().default(null),
  /** Exclusive. */
  endsAt: Instant.nullable().default(null),
  schedule: ScheduleSchema.nullable().default(null),
  channels: z.array(SalesChannelSchema).default(() => []),
  /** The store the sale is made at (POS) or the shopper's chosen store. */
  locationIds: IdList,
  /** The customer must be in at least one of these groups. */
  customerGroups: z
    .array(z.string().min(1).max(100))
    .max(100)
    .default(() => []),
  isFirstOrderOnly: z.boolean().default(false),
  /** Units of the promotion's qualifying items. */
  minQuantity: z.int().min(1).nullable().default(null),
  /** Amount of the promotion's qualifying items after earlier promotions. */
  minSpend: PositiveAmount.nullable().default(null),
});

export const PromotionSchema = z
  .object({
    id: Id,
    /** Shown to shoppers and on receipts. */
    name: z.string().trim().min(1).max(200),
    /** Higher applies first; ties go to the larger discount, then the id. */
    priority: z.int().min(-1000).max(1000).default(0),
    /** "exclusive" applies only alone: nothing before it, nothing after it. */
    stacking: z.enum(["combinable", "exclusive"]).default("combinable"),
    requiresCode: z.boolean().default(false),
    /** Currency of the amounts in this promotion; null when it has none. */
    currency: CurrencyCode.nullable().default(null),
    /** Cap on this promotion's total discount in one order. */
    maxDiscount: PositiveAmount.nullable().default(null),
    /** Redemptions allowed in total and per customer; null for no limit. */
    usageLimit: z.int().min(1).nullable().default(null),
    usageLimitPerCustomer: z.int().min(1).nullable().default(null),
    conditions: ConditionsSchema.default(() => ConditionsSchema.parse({})),
    benefit: BenefitSchema,
  })
  .superRefine((promotion, ctx) => {
    if (promotion.currency === null && hasMoneyAmounts(promotion)) {
      ctx.addIssue({
        code: "custom",
        path: ["currency"],
        message: "A promotion with amounts needs their currency.",
      });
    }
    const { startsAt, endsAt } = promotion.conditions;
    if (startsAt && endsAt && Date.parse(startsAt) >= Date.parse(endsAt)) {
      ctx.addIssue({
        code: "custom",
        path: ["conditions", "endsAt"],
        message: "The end must be after the start.",
      });
    }
  });

// ---------------------------------------------------------------------------
// Tax

/**
 * A place with its tax rates. A line is taxed by the most specific region
 * that matches where its goods are handed over: postal prefix, then region
 * (state, province), then country. Zero-rated and exempt goods pay 0 %.
 */
export const TaxRegionSchema = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  /** State or province code, e.g. "CA"; null for the whole country. */
  region: z.string().trim().min(1).max(20).nullable().default(null),
  postalCodePrefixes: z
    .array(z.string().trim().min(1).max(12))
    .max(1000)
    .default(() => []),
  rates: z.object({ STANDARD: Percent, REDUCED: Percent }),
});

/** How shipping is taxed in a market. */
export const ShippingTaxSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("none") }),
  /** At the destination's rate for this category. */
  z.object({ mode: z.literal("category"), category: TaxCategorySchema }),
  /** Follows the goods: split by the shipped lines' amounts, each at its rate. */
  z.object({ mode: z.literal("proportional") }),
]);

/** The pricing rules of one market (one currency). */
export const MarketSchema = z.object({
  currency: CurrencyCode,
  /** true in VAT markets (GBP, EUR); false in sales-tax markets (USD). */
  pricesIncludeTax: z.boolean(),
  /** "line": tax rounded on each line; "invoice": once per rate, then allocated. */
  taxRounding: z.enum(["line", "invoice"]).default("line"),
  /** Rounding of tax and percentage discounts to a minor unit. */
  roundingMode: RoundingModeSchema.default("half_up"),
  shippingTax: ShippingTaxSchema.default(() => ({
    mode: "category" as const,
    category: "STANDARD" as const,
  })),
});

// ---------------------------------------------------------------------------
// The cart and the context it is priced in

export const AddressSchema = z.object({
  country: CountryCode,
  region: z.string().trim().min(1).max(20).nullable().default(null),
  postalCode: z.string().trim().min(1).max(20).nullable().default(null),
});

// ---------------------------------------------------------------------------
// Manual adjustments at the till (approved by a manager before they reach
// the engine; the engine only applies them)

const AdjustmentReason = z.string().trim().max(200).default("");

/** A unit price typed at the till in place of the catalogue's. */
export const PriceOverrideSchema = z.object({
  id: Id,
  /** Per unit, tax included or not as the market says. */
  unitPrice: Amount,
  reason: AdjustmentReason,
});

/** A discount typed at the till, on one line or on the whole sale. */
export const ManualDiscountSchema = z.discriminatedUnion("kind", [
  z.object({
    id: Id,
    kind: z.literal("amount_off"),
    amount: PositiveAmount,
    reason: AdjustmentReason,
  }),
  z.object({
    id: Id,
    kind: z.literal("percent_off"),
    percent: PositivePercent,
    reason: AdjustmentReason,
  }),
]);

export const CartLineSchema = z.object({
  id: Id,
  variantId: Id,
  productId: Id,
  /** The product's category and all its ancestors. */
  categoryIds: IdList,
  collectionIds: IdList,
  /** Catalogue price of one unit, tax included or not as the market says. */
  unitPrice: Amount,
  quantity: z.int().min(1).max(100_000),
  taxCategory: TaxCategorySchema.default("STANDARD"),
  fulfillment: FulfillmentMethodSchema,
  /** The store for pickup and carry-out; for shipping, the shipping location. */
  locationId: Id.nullable().default(null),
  /** false for gift cards and the like: no promotion touches or counts them. */
  isDiscountable: z.boolean().default(true),
  /** Replaces unitPrice before anything else is worked out. */
  priceOverride: PriceOverrideSchema.nullish(),
  /** Taken off after promotions, before the sale's manual discount. */
  manualDiscount: ManualDiscountSchema.nullish(),
});

export const PricingCartSchema = z.object({
  currency: CurrencyCode,
  lines: z
    .array(CartLineSchema)
    .max(500)
    .refine((lines) => new Set(lines.map((line) => line.id)).size === lines.length, {
      message: "Line ids must be unique.",
    }),
  /** Promotion codes as entered; compared without case or surrounding spaces. */
  codes: z
    .array(z.string().trim().min(1).max(64))
    .max(20)
    .default(() => []),
  /** The shipping charge quoted for the shipped lines, before discounts. */
  shippingAmount: Amount.default(0),
  shippingAddress: AddressSchema.nullable().default(null),
  /** Taken off the discountable lines after promotions and line discounts. */
  manualDiscount: ManualDiscountSchema.nullish(),
});

export const CustomerContextSchema = z.object({
  /** Customer id, or another stable key (a guest's e-mail) for per-customer limits. */
  id: Id,
  groups: z
    .array(z.string().min(1).max(100))
    .max(100)
    .default(() => []),
  isTaxExempt: z.boolean().default(false),
  /** Orders placed before this one; 0 makes this the first order. */
  orderCount: z.int().min(0).default(0),
});

/** A code looked up by the caller; the engine stores nothing. */
export const CodeRecordSchema = z.object({
  code: z.string().trim().min(1).max(64),
  promotionId: Id,
  /** 1 for a generated single-use code; null for a shared code without own limit. */
  usageLimit: z.int().min(1).nullable().default(null),
  timesUsed: z.int().min(0).default(0),
});

/** Redemptions of one promotion so far, counted at order placement. */
export const PromotionUsageSchema = z.object({
  total: z.int().min(0).default(0),
  byCustomer: z.int().min(0).default(0),
});

export const PricingContextSchema = z.object({
  channel: SalesChannelSchema,
  /** Where the sale is made (POS) or the shopper's chosen store. */
  locationId: Id.nullable().default(null),
  /** The instant to price at; the engine never reads the clock. */
  time: Instant,
  customer: CustomerContextSchema.nullable().default(null),
  market: MarketSchema,
  /** Active promotions, with or without codes. */
  promotions: z
    .array(PromotionSchema)
    .max(1000)
    .default(() => []),
  codes: z
    .array(CodeRecordSchema)
    .max(100)
    .default(() => []),
  /** Keyed by promotion id; missing means never redeemed. */
  usage: z.record(Id, PromotionUsageSchema).default(() => ({})),
  taxRegions: z
    .array(TaxRegionSchema)
    .max(10_000)
    .default(() => []),
  /** Addresses of the stores that lines are picked up or carried out at. */
  locations: z.array(z.object({ id: Id, address: AddressSchema })).default(() => []),
});

export type SalesChannel = z.output<typeof SalesChannelSchema>;
export type FulfillmentMethod = z.output<typeof FulfillmentMethodSchema>;
export type TaxCategory = z.output<typeof TaxCategorySchema>;
export type ItemSet = z.output<typeof ItemSetSchema>;
export type ItemTarget = z.output<typeof ItemTargetSchema>;
export type ItemTargetInput = z.input<typeof ItemTargetSchema>;
export type Reward = z.output<typeof RewardSchema>;
export type Benefit = z.output<typeof BenefitSchema>;
export type Schedule = z.output<typeof ScheduleSchema>;
export type Conditions = z.output<typeof ConditionsSchema>;
export type Promotion = z.output<typeof PromotionSchema>;
export type PromotionInput = z.input<typeof PromotionSchema>;
export type TaxRegion = z.output<typeof TaxRegionSchema>;
export type TaxRegionInput = z.input<typeof TaxRegionSchema>;
export type ShippingTax = z.output<typeof ShippingTaxSchema>;
export type Market = z.output<typeof MarketSchema>;
export type MarketInput = z.input<typeof MarketSchema>;
export type Address = z.output<typeof AddressSchema>;
export type AddressInput = z.input<typeof AddressSchema>;
export type PriceOverride = z.output<typeof PriceOverrideSchema>;
export type ManualDiscount = z.output<typeof ManualDiscountSchema>;
export type ManualDiscountInput = z.input<typeof ManualDiscountSchema>;
export type CartLine = z.output<typeof CartLineSchema>;
export type CartLineInput = z.input<typeof CartLineSchema>;
export type PricingCart = z.output<typeof PricingCartSchema>;
export type PricingCartInput = z.input<typeof PricingCartSchema>;
export type CustomerContext = z.output<typeof CustomerContextSchema>;
export type CodeRecord = z.output<typeof CodeRecordSchema>;
export type PromotionUsage = z.output<typeof PromotionUsageSchema>;
export type PricingContext = z.output<typeof PricingContextSchema>;
export type PricingContextInput = z.input<typeof PricingContextSchema>;

function hasMoneyAmounts(promotion: {
  maxDiscount: number | null;
  conditions: { minSpend: number | null };
  benefit: Benefit;
}): boolean {
  if (promotion.maxDiscount !== null || promotion.conditions.minSpend !== null)
    return true;
  const { benefit } = promotion;
  switch (benefit.type) {
    case "items":
    case "order":
      return benefit.reward.kind === "amount_off";
    case "bundle":
      return true;
    case "tiered":
      return (
        benefit.basis === "spend" ||
        benefit.tiers.some((tier) => tier.reward.kind === "amount_off")
      );
    default:
      return false;
  }
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
