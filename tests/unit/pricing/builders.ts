/**
 * Small builders for pricing tests. They go through the real schemas, so
 * every test also proves that its input is what the admin and the API
 * would accept, with the schemas' defaults filled in.
 */
import {
  type PricingCartInput,
  PricingCartSchema,
  type PricingContextInput,
  PricingContextSchema,
  type PricingResult,
  type PromotionInput,
  PromotionSchema,
  priceCart,
  type TaxRegionInput,
} from "../../../lib/pricing";

type LineInput = PricingCartInput["lines"][number];

/** A Monday at noon in London (BST), inside every default window. */
export const NOON = "2025-06-02T11:00:00Z";

export const UK: TaxRegionInput = {
  id: "uk",
  name: "United Kingdom",
  country: "GB",
  rates: { STANDARD: 20, REDUCED: 5 },
};

export const US_NY: TaxRegionInput = {
  id: "us-ny",
  name: "New York City",
  country: "US",
  region: "NY",
  postalCodePrefixes: ["100", "101", "102"],
  rates: { STANDARD: 8.875, REDUCED: 0 },
};

export const US_CA: TaxRegionInput = {
  id: "us-ca",
  name: "California",
  country: "US",
  region: "CA",
  rates: { STANDARD: 7.25, REDUCED: 0 },
};

export const GBP = { currency: "GBP", pricesIncludeTax: true } as const;
export const USD = { currency: "USD", pricesIncludeTax: false } as const;

export const LONDON_STORE = {
  id: "ldn",
  address: { country: "GB", postalCode: "W1A 1AA" },
};
export const NY_STORE = {
  id: "nyc",
  address: { country: "US", region: "NY", postalCode: "10001" },
};

/** A carried-out line at the London store unless told otherwise. */
export function line(
  id: string,
  unitPrice: number,
  rest: Partial<LineInput> = {},
): LineInput {
  return {
    id,
    variantId: `v-${id}`,
    productId: `p-${id}`,
    unitPrice,
    quantity: 1,
    fulfillment: "CARRY_OUT",
    locationId: "ldn",
    ...rest,
  };
}

export function promotion(
  input: Partial<PromotionInput> & Pick<PromotionInput, "benefit">,
) {
  return PromotionSchema.parse({ id: "promo", name: "Promotion", ...input });
}

export interface Scenario {
  lines: LineInput[];
  cart?: Partial<PricingCartInput>;
  context?: Partial<PricingContextInput>;
}

/** Parses the inputs with the schemas, then prices (GBP, tax-inclusive, POS at London). */
export function price({ lines, cart = {}, context = {} }: Scenario): PricingResult {
  const currency = context.market?.currency ?? "GBP";
  return priceCart(
    PricingCartSchema.parse({ currency, lines, ...cart }),
    PricingContextSchema.parse({
      channel: "POS",
      locationId: "ldn",
      time: NOON,
      market: GBP,
      taxRegions: [UK, US_NY, US_CA],
      locations: [LONDON_STORE, NY_STORE],
      ...context,
    }),
  );
}

/** Discount per line id, for compact expectations. */
export function discounts(result: PricingResult): Record<string, number> {
  return Object.fromEntries(result.lines.map((l) => [l.lineId, l.discount]));
}

/** The reason code each skipped promotion was given. */
export function reasons(result: PricingResult): Record<string, string> {
  return Object.fromEntries(
    result.explanation.notApplied.map((entry) => [entry.promotionId, entry.reason.code]),
  );
}

export const ALL = { scope: "all" } as const;
export const listed = (ids: {
  categoryIds?: string[];
  collectionIds?: string[];
  productIds?: string[];
  variantIds?: string[];
}) => ({ scope: "listed" as const, ...ids });
