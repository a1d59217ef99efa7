import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import {
  AddressSchema,
  describeExplanation,
  type ExplanationText,
  type PricingResult,
  priceCart,
  SalesChannelSchema,
} from "@/lib/pricing";
import { BasketLineSchema } from "./cart-lines";
import { loadPricingInputs } from "./load-pricing-inputs";

const Id = z.string().trim().min(1).max(200);

/** A basket to price without creating anything: the quote API's body. */
export const QuoteRequestSchema = z.strictObject({
  channel: SalesChannelSchema.default("API"),
  locationId: Id.nullable().default(null),
  customerId: Id.nullable().default(null),
  customerEmail: z.email().max(320).nullable().default(null),
  codes: z
    .array(z.string().trim().min(1).max(64))
    .max(20)
    .default(() => []),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code.")
    .optional(),
  /** The instant to price at (ISO 8601); now when left out. */
  at: z.iso.datetime({ offset: true }).optional(),
  lines: z.array(BasketLineSchema).min(1, "Add at least one line.").max(500),
  shippingAmount: z.int().min(0).max(10_000_000).default(0),
  shippingAddress: AddressSchema.nullable().default(null),
});

export type QuoteRequest = z.input<typeof QuoteRequestSchema>;

export interface Quote {
  result: PricingResult;
  /** The explanation in plain English, for people. */
  text: ExplanationText;
}

/** Prices a basket with the live promotions and tax, writing nothing. */
export async function quoteBasket(db: Db, input: QuoteRequest): Promise<Quote> {
  const request = parseInput(QuoteRequestSchema, input);
  const { cart, context } = await loadPricingInputs(db, {
    ...request,
    at: request.at ? new Date(request.at) : undefined,
  });
  const result = priceCart(cart, context);
  return { result, text: describeExplanation(result) };
}
