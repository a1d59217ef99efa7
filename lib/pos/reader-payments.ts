/**
 * The till's side of Stripe Terminal: a register given a reader in the
 * back-office sends the amount chosen to it, the till polls until the
 * shopper's card is approved or refused, and may cancel while it waits.
 * The approved intent then pays as a card tender ("pi_…") through the one
 * placeOrder, which checks it with Stripe and captures it at the counter.
 */
import { z } from "zod";
import type { StaffActor } from "@/lib/auth/actor";
import { assertCartAccess } from "@/lib/checkout/cart-access";
import { getCartView } from "@/lib/checkout/cart-view";
import type { Db } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { StripeProvider } from "@/lib/payments/stripe-provider";
import {
  cancelTerminalPayment,
  readTerminalPayment,
  startTerminalPayment,
  type TerminalPaymentState,
  terminalPaymentMetadata,
} from "@/lib/payments/stripe-terminal";

const CartId = z.string().trim().min(1, { error: "Say which ticket." }).max(200);
const PaymentIntentId = z
  .string()
  .trim()
  .regex(/^pi_[A-Za-z0-9_]+$/, { error: "Unknown card payment." })
  .max(255);

export const StartReaderPaymentSchema = z.strictObject({
  cartId: CartId,
  amountMinor: z
    .int({ error: "Enter the amount to pay by card." })
    .min(1, { error: "Enter the amount to pay by card." })
    .max(100_000_000),
  /** Made by the till for each try; the same one never charges twice. */
  attemptKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "Send the till's attempt key." }),
});

export const ReaderPaymentSchema = z.strictObject({
  cartId: CartId,
  paymentIntentId: PaymentIntentId,
});

export interface ReaderPaymentStarted {
  paymentIntentId: string;
  readerLabel: string;
  amountMinor: number;
}

function stripeRequired(stripe: StripeProvider | null): StripeProvider {
  if (stripe) return stripe;
  throw new AppError("conflict", "Card readers need Stripe to be set up on this shop.");
}

/** The ticket's register and the reader it takes cards on, checked for access. */
async function loadTicketReader(db: Db, actor: StaffActor, cartId: string) {
  const cart = await db.cart.findUnique({
    where: { id: cartId },
    select: {
      id: true,
      channel: true,
      customerId: true,
      locationId: true,
      register: { select: { id: true, name: true, terminalReaderId: true } },
    },
  });
  if (!cart) throw notFound("Cart");
  assertCartAccess(actor, cart);
  const register = cart.register;
  if (!register) {
    throw new AppError("invalid_input", "This ticket is not on a register.", {
      fields: { cartId: ["The ticket has no register."] },
    });
  }
  if (!register.terminalReaderId) {
    throw new AppError(
      "conflict",
      `${register.name} has no card reader. A manager sets one under Locations.`,
    );
  }
  return { cart, register, readerId: register.terminalReaderId };
}

/**
 * Sends the amount chosen for the card to the ticket's register's reader.
 * The intent's idempotency key is the ticket, the till's attempt and the
 * amount, so a repeated request (a double tap, a retry after a dropped
 * answer) finds the same intent instead of opening a second one.
 */
export async function startReaderPayment(
  db: Db,
  options: { actor: StaffActor; input: unknown; stripe: StripeProvider | null },
): Promise<ReaderPaymentStarted> {
  const input = parseInput(StartReaderPaymentSchema, options.input);
  const stripe = stripeRequired(options.stripe);
  const { register, readerId } = await loadTicketReader(db, options.actor, input.cartId);
  const ticket = await getCartView(db, { actor: options.actor, cartId: input.cartId });
  if (input.amountMinor > ticket.totals.totalMinor) {
    throw new AppError("invalid_input", "That is more than the sale's total.", {
      fields: { amountMinor: ["No more than the sale's total can go on the card."] },
    });
  }

  try {
    const started = await startTerminalPayment(stripe, {
      readerId,
      amountMinor: input.amountMinor,
      currency: ticket.currency,
      idempotencyKey: `pos-reader:${input.cartId}:${input.attemptKey}:${input.amountMinor}`,
      description: `Till sale, ${register.name}`,
      metadata: { cartId: input.cartId, registerId: register.id, channel: "POS" },
    });
    logger.info(
      { cartId: input.cartId, paymentIntentId: started.paymentIntentId, readerId },
      "card payment sent to reader",
    );
    return {
      paymentIntentId: started.paymentIntentId,
      readerLabel: started.readerLabel,
      amountMinor: input.amountMinor,
    };
  } catch (error) {
    throw readerError(error, register.name);
  }
}

/** Where the ticket's card payment stands on its reader. */
export async function pollReaderPayment(
  db: Db,
  options: { actor: StaffActor; input: unknown; stripe: StripeProvider | null },
): Promise<TerminalPaymentState & { paymentIntentId: string }> {
  const input = parseInput(ReaderPaymentSchema, options.input);
  const stripe = stripeRequired(options.stripe);
  const { readerId } = await loadTicketReader(db, options.actor, input.cartId);
  let state: TerminalPaymentState | null;
  try {
    state = await readTerminalPayment(stripe, {
      paymentIntentId: input.paymentIntentId,
      readerId,
      isOurs: (metadata) => metadata.cartId === input.cartId,
    });
  } catch (error) {
    throw readerError(error, "The reader");
  }
  if (!state) throw notFound("The card payment");
  return { ...state, paymentIntentId: input.paymentIntentId };
}

/** Stops the ticket's card payment: the reader drops it and nothing is held. */
export async function cancelReaderPayment(
  db: Db,
  options: { actor: StaffActor; input: unknown; stripe: StripeProvider | null },
): Promise<{ status: "canceled"; paymentIntentId: string }> {
  const input = parseInput(ReaderPaymentSchema, options.input);
  const stripe = stripeRequired(options.stripe);
  const { readerId } = await loadTicketReader(db, options.actor, input.cartId);
  await assertIntentOfTicket(stripe, input);
  await cancelTerminalPayment(stripe, {
    paymentIntentId: input.paymentIntentId,
    readerId,
    idempotencyKey: `pos-reader:${input.cartId}:${input.paymentIntentId}`,
  });
  logger.info(
    { cartId: input.cartId, paymentIntentId: input.paymentIntentId, readerId },
    "card payment on reader cancelled",
  );
  return { status: "canceled", paymentIntentId: input.paymentIntentId };
}

// A till may only read or cancel the intents it opened for its own ticket.
async function assertIntentOfTicket(
  stripe: StripeProvider,
  input: { cartId: string; paymentIntentId: string },
): Promise<void> {
  const metadata = await terminalPaymentMetadata(stripe, input.paymentIntentId);
  if (metadata?.cartId !== input.cartId) throw notFound("The card payment");
}

const READER_PROBLEMS: Record<string, (name: string) => string> = {
  terminal_reader_offline: (name) =>
    `The card reader of ${name} is offline. Check it is on and online, or take another tender.`,
  terminal_reader_busy: () =>
    "The card reader is busy with another payment. Finish or cancel that one first.",
  terminal_reader_timeout: () => "The card reader did not answer. Try again.",
  resource_missing: (name) =>
    `Stripe does not know the card reader of ${name}. A manager checks its id under Locations.`,
};

function readerError(error: unknown, registerName: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? "";
  const problem = READER_PROBLEMS[code];
  if (problem) return new AppError("conflict", problem(registerName), { cause: error });
  logger.error({ err: error }, "Stripe Terminal request failed");
  return new AppError(
    "internal",
    "The card reader could not be reached. Try again or take another tender.",
    { cause: error },
  );
}
