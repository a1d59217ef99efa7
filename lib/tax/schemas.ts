import { z } from "zod";
import { hasRatePrecision } from "@/lib/money";

const Rate = z
  .number({ error: "Enter a percentage." })
  .min(0, "A rate cannot be negative.")
  .max(100, "A rate cannot pass 100 %.")
  .refine(hasRatePrecision, "Use at most four decimals.");

/** A tax region as the back-office edits it; rates are percentages. */
export const TaxRegionInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Name the region.").max(200),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. GB."),
  /** State or province code; blank for the whole country. */
  region: z
    .string()
    .trim()
    .toUpperCase()
    .max(20)
    .transform((value) => value || null)
    .nullable()
    .default(null),
  postalCodePrefixes: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(12)
        .transform((value) => value.replace(/[\s-]/g, "").toUpperCase()),
    )
    .max(1000)
    .default(() => []),
  isActive: z.boolean().default(true),
  rates: z.strictObject({ STANDARD: Rate, REDUCED: Rate }),
});

export const UpdateTaxRegionSchema = TaxRegionInputSchema.extend({
  id: z.string().trim().min(1).max(200),
});

/** How a market rounds and taxes shipping. */
export const MarketPricingInputSchema = z.strictObject({
  marketCode: z.string().trim().min(1).max(50),
  taxRounding: z.enum(["LINE", "INVOICE"]),
  roundingMode: z.enum(["HALF_UP", "HALF_EVEN"]),
  shippingTaxMode: z.enum(["NONE", "CATEGORY", "PROPORTIONAL"]),
  shippingTaxCategory: z
    .enum(["STANDARD", "REDUCED", "ZERO", "EXEMPT"])
    .default("STANDARD"),
});

export type TaxRegionInput = z.input<typeof TaxRegionInputSchema>;
export type UpdateTaxRegionInput = z.input<typeof UpdateTaxRegionSchema>;
export type MarketPricingInput = z.input<typeof MarketPricingInputSchema>;
