import { z } from "zod";
import { verifySecret } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emailSchema } from "@/lib/staff/schemas";

const customerSignInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

/** Checks a shopper's storefront email and password. */
export async function verifyCustomerSignIn(db: Db, input: unknown) {
  const { email, password } = parseInput(customerSignInSchema, input);

  const customer = await db.customer.findUnique({ where: { email } });
  const isValid = await verifySecret(customer?.passwordHash, password);
  if (!customer?.email || !isValid) {
    throw new AppError("unauthenticated", "The email or password is not right.");
  }
  return { kind: "customer" as const, id: customer.id, email: customer.email };
}
