import { z } from "zod";

/**
 * A till's request to email a sale's receipt. Pure, so the till checks the
 * address as it is typed and the server checks it again.
 */
export const ReceiptEmailSchema = z.strictObject({
  orderNumber: z.string().trim().toUpperCase().min(3).max(20),
  // Trimmed and lower-cased before the check: a till's keyboard adds spaces.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter an email address like name@example.com." }).max(320)),
});
export type ReceiptEmailInput = z.input<typeof ReceiptEmailSchema>;
