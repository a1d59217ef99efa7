/**
 * The pricing bundle a POS downloads for its store, so it can price
 * offline with the very engine and data the server uses. Pure: the POS
 * imports this file in the browser (no database imports here).
 */
import { z } from "zod";
import {
  AddressSchema,
  CodeRecordSchema,
  type CustomerContext,
  MarketSchema,
  type PricingContext,
  PromotionSchema,
  PromotionUsageSchema,
  TaxRegionSchema,
} from "@/lib/pricing";

const Id = z.string().min(1).max(200);

export const PRICING_BUNDLE_FORMAT = 1;

export const PricingBundleSchema = z.object({
  format: z.literal(PRICING_BUNDLE_FORMAT),
  generatedAt: z.iso.datetime({ offset: true }),
  /** The store the bundle is for; its POS sales are priced at it. */
  locationId: Id,
  market: MarketSchema,
  /** Live now or starting later; the engine checks each one's dates and hours. */
  promotions: z.array(PromotionSchema).max(1000),
  /** Codes of those promotions still within their own limit. */
  codes: z.array(CodeRecordSchema).max(100_000),
  /** Redemptions so far; per-customer counts are not known offline. */
  usage: z.record(Id, PromotionUsageSchema),
  taxRegions: z.array(TaxRegionSchema).max(10_000),
  locations: z.array(z.object({ id: Id, address: AddressSchema })),
  /** Each category with its ancestors, itself first: a cart line's categoryIds. */
  categoryAncestors: z.record(Id, z.array(Id)),
  /** Each product in any collection, with its collections: a cart line's collectionIds. */
  productCollections: z.record(Id, z.array(Id)),
});

export type PricingBundle = z.output<typeof PricingBundleSchema>;

/**
 * The engine's context for a POS sale priced from a bundle. Entered codes
 * are matched by the engine against the bundle's code records.
 */
export function pricingContextFromBundle(
  bundle: PricingBundle,
  options: { time: string; customer?: CustomerContext | null },
): PricingContext {
  return {
    channel: "POS",
    locationId: bundle.locationId,
    time: options.time,
    customer: options.customer ?? null,
    market: bundle.market,
    promotions: bundle.promotions,
    codes: bundle.codes,
    usage: bundle.usage,
    taxRegions: bundle.taxRegions,
    locations: bundle.locations,
  };
}
