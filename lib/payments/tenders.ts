/**
 * What a shopper or an associate offers to pay with. Several tenders make
 * a split payment; at most one of them leaves its amount out and takes
 * whatever the others do not cover.
 */
import { z } from "zod";

const Amount = z.int().min(1).max(100_000_000);
const Optional = Amount.optional();

/** A card handled by the configured provider: a token, never a number. */
export const CardTenderSchema = z.strictObject({
  kind: z.literal("card"),
  amountMinor: Optional,
  /**
   * A test-card token ("tok_test_…", TEST MODE only), a Stripe
   * PaymentMethod id ("pm_…") or a PaymentIntent the browser confirmed
   * ("pi_…").
   */
  token: z
    .string()
    .trim()
    .min(3)
    .max(255)
    .regex(/^[A-Za-z0-9_]+$/, "Send the provider's token, not card details."),
});

/** Notes and coins at the counter; the change due is worked out here. */
export const CashTenderSchema = z.strictObject({
  kind: z.literal("cash"),
  amountMinor: Optional,
  /** What the shopper handed over; at least the amount this tender pays. */
  tenderedMinor: Amount,
});

export const GiftCardTenderSchema = z.strictObject({
  kind: z.literal("gift_card"),
  amountMinor: Optional,
  code: z.string().trim().min(8).max(40),
});

/** The order's customer's store credit. */
export const StoreCreditTenderSchema = z.strictObject({
  kind: z.literal("store_credit"),
  amountMinor: Optional,
});

export const TenderInputSchema = z.discriminatedUnion("kind", [
  CardTenderSchema,
  CashTenderSchema,
  GiftCardTenderSchema,
  StoreCreditTenderSchema,
]);

export const TendersSchema = z
  .array(TenderInputSchema)
  .max(10)
  .refine(
    (tenders) => tenders.filter((t) => t.amountMinor === undefined).length <= 1,
    "Give an amount for every tender but one.",
  );

export type TenderInput = z.output<typeof TenderInputSchema>;
export type TenderKind = TenderInput["kind"];

/** A tender with the exact amount it pays, after splitting the total. */
export type SizedTender = TenderInput & { amountMinor: number; index: number };

/** Tenders settled with the provider after the order is written. */
export function isExternalTender(tender: TenderInput): boolean {
  return tender.kind === "card";
}
