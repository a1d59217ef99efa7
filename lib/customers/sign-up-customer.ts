import { recordAudit } from "@/lib/audit/record-audit";
import { hashSecret } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, conflict, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { signToken, verifyToken } from "@/lib/storefront/signed-token";
import { type SignUpInput, signUpSchema } from "./schemas";

const CLAIM_PURPOSE = "account-claim";
/** How long an emailed "confirm your account" link works. */
const CLAIM_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type SignUpResult =
  | { status: "created"; customerId: string; email: string }
  /** The email belongs to an earlier guest or in-store customer: confirm by email. */
  | { status: "confirm_by_email"; email: string };

/**
 * Opens a storefront account. An email we have never seen gets a new
 * customer at once. An email already known from a guest order or a till
 * sale, but without an account, is not taken over on the spot — that would
 * show its order history to anyone who typed it — so a signed link is
 * emailed instead (the events work sends it) to confirm and set the
 * password. An email with an account already is refused.
 */
export async function signUpCustomer(
  db: PrismaClient,
  options: { input: SignUpInput; secret: string; now?: Date },
): Promise<SignUpResult> {
  const input = parseInput(signUpSchema, options.input);
  const passwordHash = await hashSecret(input.password);
  const now = options.now ?? new Date();

  return db.$transaction(async (tx) => {
    const existing = await tx.customer.findUnique({ where: { email: input.email } });
    if (existing?.passwordHash) {
      throw conflict("An account with this email already exists. Sign in instead.");
    }

    if (existing) {
      const token = signToken(
        CLAIM_PURPOSE,
        { c: existing.id, exp: now.getTime() + CLAIM_LIFETIME_MS },
        options.secret,
      );
      await emitEvent(tx, {
        type: "customers.account_confirmation_requested",
        aggregateType: "Customer",
        aggregateId: existing.id,
        payload: {
          customerId: existing.id,
          email: input.email,
          confirmPath: `/account/confirm?token=${token}`,
        },
      });
      return { status: "confirm_by_email" as const, email: input.email };
    }

    const customer = await tx.customer.create({
      data: {
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        passwordHash,
        marketingOptIn: input.marketingOptIn,
      },
    });
    const actor = { kind: "customer" as const, id: customer.id, email: input.email };
    await recordAudit(tx, {
      actor,
      action: "customer.signed_up",
      entityType: "Customer",
      entityId: customer.id,
      after: { email: input.email, marketingOptIn: input.marketingOptIn },
    });
    await emitEvent(tx, {
      type: "customers.signed_up",
      aggregateType: "Customer",
      aggregateId: customer.id,
      payload: { customerId: customer.id },
    });
    return { status: "created" as const, customerId: customer.id, email: input.email };
  });
}

/**
 * Sets the password of a known customer from an emailed confirmation
 * link; refused when the link was altered, has expired, or the account
 * was already set up.
 */
export async function confirmAccountClaim(
  db: PrismaClient,
  options: { token: string; password: string; secret: string; now?: Date },
): Promise<{ customerId: string; email: string }> {
  const payload = verifyToken(CLAIM_PURPOSE, options.token, options.secret);
  const now = options.now ?? new Date();
  if (
    typeof payload?.c !== "string" ||
    typeof payload.exp !== "number" ||
    payload.exp < now.getTime()
  ) {
    throw new AppError("invalid_input", "This link has expired or is not valid.");
  }
  const customerId = payload.c;

  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId } });
    if (!customer?.email) {
      throw new AppError("invalid_input", "This link has expired or is not valid.");
    }
    const input = parseInput(signUpSchema, {
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      password: options.password,
    });
    const passwordHash = await hashSecret(input.password);
    // Conditional, so two clicks of the link cannot both set a password.
    const updated = await tx.customer.updateMany({
      where: { id: customer.id, passwordHash: null },
      data: { passwordHash },
    });
    if (updated.count === 0) throw conflict("Your account is already set up. Sign in.");

    const actor = { kind: "customer" as const, id: customer.id, email: customer.email };
    await recordAudit(tx, {
      actor,
      action: "customer.account_confirmed",
      entityType: "Customer",
      entityId: customer.id,
    });
    await emitEvent(tx, {
      type: "customers.signed_up",
      aggregateType: "Customer",
      aggregateId: customer.id,
      payload: { customerId: customer.id },
    });
    return { customerId: customer.id, email: customer.email };
  });
}
