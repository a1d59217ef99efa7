/**
 * Card-present payments at the till through Stripe Terminal. The till asks
 * for a PaymentIntent for the amount due and hands it to its reader; the
 * shopper taps or inserts the card there, so no card detail ever passes
 * through the POS. Once the reader reports success (webhook or polling),
 * the till checks out with a card tender whose token is the intent's id
 * ("pi_…"), which the Stripe provider verifies like any other intent.
 */
import type { StripeProvider } from "./stripe-provider";

export interface TerminalPayment {
  paymentIntentId: string;
  readerId: string;
  status: string;
}

/** Creates a card-present PaymentIntent and sends it to a reader. */
export async function startTerminalPayment(
  stripe: StripeProvider,
  options: {
    readerId: string;
    amountMinor: number;
    currency: string;
    /** The till's attempt; the same key never creates a second intent. */
    idempotencyKey: string;
    description: string;
  },
): Promise<TerminalPayment> {
  const intent = await stripe.client.paymentIntents.create(
    {
      amount: options.amountMinor,
      currency: options.currency.toLowerCase(),
      allowed_payment_method_types: ["card_present"],
      capture_method: "manual",
      description: options.description,
    },
    { idempotencyKey: options.idempotencyKey },
  );
  const reader = await stripe.client.terminal.readers.processPaymentIntent(
    options.readerId,
    { payment_intent: intent.id },
    { idempotencyKey: `${options.idempotencyKey}:reader` },
  );
  return {
    paymentIntentId: intent.id,
    readerId: reader.id,
    status: reader.action?.status ?? "in_progress",
  };
}
