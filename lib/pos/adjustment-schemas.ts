/**
 * Price overrides and manual discounts at the till: what an associate asks
 * for, and what a ticket stores once a manager approved it. Zod only, so
 * the till's screen reads the same shapes.
 */
import { z } from "zod";
import { hasRatePrecision } from "@/lib/money/percent";
import { PinSchema } from "./schemas";

const Id = z.string().trim().min(1).max(200);
const Reason = z
  .string()
  .trim()
  .min(1, { error: "Say why, for the audit log." })
  .max(200, { error: "Keep the reason under 200 characters." });

/** What an associate asks for; a manager's PIN approves it on the spot. */
export const AdjustTicketSchema = z.strictObject({
  cartId: Id,
  /** The line to change; null for a discount on the whole sale. */
  lineId: Id.nullable().default(null),
  change: z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("price_override"),
      unitPriceMinor: z.int({ error: "Enter the new price." }).min(0).max(100_000_000),
    }),
    z.strictObject({
      kind: z.literal("amount_off"),
      amountMinor: z.int({ error: "Enter an amount." }).min(1).max(100_000_000),
    }),
    z.strictObject({
      kind: z.literal("percent_off"),
      percent: z
        .number({ error: "Enter a percentage." })
        .gt(0, { error: "Enter more than 0 %." })
        .max(100, { error: "At most 100 %." })
        .refine(hasRatePrecision, { error: "Use at most four decimals." }),
    }),
  ]),
  reason: Reason,
  /** The approving manager's PIN, typed on this device. */
  approverPin: PinSchema,
});
export type AdjustTicketInput = z.input<typeof AdjustTicketSchema>;

export const ClearAdjustmentSchema = z.strictObject({
  cartId: Id,
  lineId: Id.nullable().default(null),
  kind: z.enum(["price_override", "discount"]),
});

/** Who asked and who approved, kept with every stored adjustment. */
const Approval = {
  requestedById: z.string(),
  requestedByName: z.string(),
  approvedById: z.string(),
  approvedByName: z.string(),
  approvedAt: z.string(),
};

/** A price override as a POS cart line stores it. */
export const StoredPriceOverrideSchema = z.object({
  id: z.string(),
  unitPrice: z.int().min(0),
  reason: z.string(),
  ...Approval,
});

/** A manual discount as a POS cart or line stores it. */
export const StoredManualDiscountSchema = z.discriminatedUnion("kind", [
  z.object({
    id: z.string(),
    kind: z.literal("amount_off"),
    amount: z.int().min(1),
    reason: z.string(),
    ...Approval,
  }),
  z.object({
    id: z.string(),
    kind: z.literal("percent_off"),
    percent: z.number().gt(0).max(100),
    reason: z.string(),
    ...Approval,
  }),
]);

export type StoredPriceOverride = z.output<typeof StoredPriceOverrideSchema>;
export type StoredManualDiscount = z.output<typeof StoredManualDiscountSchema>;
