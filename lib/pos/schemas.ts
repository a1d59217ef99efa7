/** The inputs of the POS's shift and PIN operations, one zod schema each. */
import { z } from "zod";

const Id = z.string().trim().min(1).max(200);
/** Counted cash: whole minor units, never negative, at most a million. */
const Cash = z.int({ error: "Enter the amount counted." }).min(0).max(100_000_000);

export const OpenShiftSchema = z.strictObject({
  registerId: Id,
  openingFloatMinor: Cash,
});
export type OpenShiftInput = z.input<typeof OpenShiftSchema>;

export const CloseShiftSchema = z.strictObject({
  shiftId: Id,
  countedCashMinor: Cash,
});
export type CloseShiftInput = z.input<typeof CloseShiftSchema>;

export const CashMovementSchema = z.strictObject({
  shiftId: Id,
  kind: z.enum(["PAY_IN", "PAY_OUT"]),
  amountMinor: z.int().min(1, { error: "Enter an amount." }).max(100_000_000),
  reason: z.string().trim().min(1, { error: "Say why the cash moved." }).max(200),
});
export type CashMovementInput = z.input<typeof CashMovementSchema>;

/** A POS PIN: 4 to 8 digits. */
export const PinSchema = z
  .string()
  .trim()
  .regex(/^\d{4,8}$/, { error: "Enter a PIN of 4 to 8 digits." });

export const VerifyPinSchema = z.strictObject({
  locationId: Id,
  pin: PinSchema,
});
